import hashlib
import math
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from .cs_qa_scorecard import CRON_BATCH


class CsQaScorecard(models.Model):
    """Sampling (QA-1): each period, closed tickets of each agent drawn at
    random (seeded) for a QA review, in queued batches."""

    _inherit = "cs.qa.scorecard"

    def _period(self, day):
        """The sampling period containing ``day``: [first day, first day of the
        next one)."""
        if self.sample_period == "week":
            start = day - timedelta(days=day.weekday())
            return start, start + timedelta(days=7)
        start = day.replace(day=1)
        return start, start + relativedelta(months=1)

    def _previous_period(self, day):
        start, _end = self._period(day)
        return self._period(start - timedelta(days=1))

    def _sample_seed(self, date_from):
        """Reproducible for this database, scorecard and period, yet not
        guessable by the agents: the database secret is part of it."""
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret", "")
        return hashlib.sha256(
            f"{secret}:{self.id}:{date_from.isoformat()}".encode()
        ).hexdigest()

    def _sample_scope(self, date_from, date_to):
        """The tickets of the period this scorecard samples from: closed in
        the period, with an agent, in the scorecard's teams."""
        domain = [
            ("closed_date", ">=", fields.Datetime.to_datetime(date_from)),
            ("closed_date", "<", fields.Datetime.to_datetime(date_to)),
            ("stage_id.closed", "=", True),
            ("user_id", "!=", False),
        ]
        if self.company_id:
            domain.append(("company_id", "=", self.company_id.id))
        if self.team_ids:
            domain.append(("team_id", "in", self.team_ids.ids))
        else:
            claimed = self._sampling_siblings().team_ids
            if claimed:
                domain.append(("team_id", "not in", claimed.ids))
        return domain

    def _quota(self, closed_count):
        if self.sample_method == "share":
            return math.ceil(closed_count * self.sample_share / 100)
        return min(self.sample_count, closed_count)

    def _sample(self, date_from, date_to, limit=None):
        """Create the QA reviews of the period still missing: per agent,
        the quota less what was sampled already, drawn at random (seeded)
        among its closed tickets not inspected yet. Running it again adds
        nothing. Returns the new inspections and how many remain beyond
        ``limit``."""
        self.ensure_one()
        self._check_usable()
        Inspection = self.env["cs.qa.inspection"].sudo()
        taken = {
            agent.id: count
            for agent, count in Inspection._read_group(
                [
                    ("scorecard_id", "=", self.id),
                    ("kind", "=", "sample"),
                    ("sample_period_start", "=", date_from),
                ],
                ["agent_id"],
                ["__count"],
            )
        }
        picked = [
            ticket
            for ticket, agent, closed, rank in self._sample_draw(date_from, date_to)
            if rank <= self._quota(closed) - taken.get(agent, 0)
        ]
        if not picked:
            return Inspection, 0
        remaining = max(len(picked) - limit, 0) if limit else 0
        if limit:
            picked = picked[:limit]
        return Inspection._create_sampled(self, picked, date_from), remaining

    def _sample_draw(self, date_from, date_to):
        """[(ticket id, agent id, closed tickets of the agent, rank)] of the
        period's tickets not inspected yet, ranked per agent at random
        (seeded), by agent and rank: one pass over the period's tickets
        counts them and draws."""
        tickets = (
            self.env["helpdesk.ticket"]
            .sudo()
            ._search(self._sample_scope(date_from, date_to))
        )
        inspected = (
            self.env["cs.qa.inspection"]
            .sudo()
            ._search([("kind", "!=", "calibration"), ("ticket_id", "!=", False)])
            .subselect(SQL.identifier("cs_qa_inspection", "ticket_id"))
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT id, user_id, closed, rank FROM (
                    SELECT t.id, t.user_id, t.inspected,
                           COUNT(*) OVER (PARTITION BY t.user_id) AS closed,
                           ROW_NUMBER() OVER (
                               PARTITION BY t.user_id, t.inspected
                               ORDER BY md5(t.id::text || %(seed)s), t.id
                           ) AS rank
                      FROM (%(tickets)s) AS t
                ) AS drawn
                WHERE NOT inspected
                ORDER BY user_id, rank
                """,
                seed=self._sample_seed(date_from),
                tickets=tickets.select(
                    SQL('"helpdesk_ticket"."id"'),
                    SQL('"helpdesk_ticket"."user_id"'),
                    SQL('"helpdesk_ticket"."id" IN %s AS inspected', inspected),
                ),
            )
        )
        return self.env.cr.fetchall()

    @api.model
    def _cron_sample(self):
        """Queue the sampling of the last complete period of every sampling
        scorecard."""
        today = fields.Date.context_today(self)
        for scorecard in self.search([("sample_active", "=", True)]):
            scorecard._cs_enqueue_sampling(today)
        return True

    def _cs_enqueue_sampling(self, today):
        date_from, date_to = self._previous_period(today)
        self._cs_enqueue(
            "_job_sample",
            _("QA sampling of %(scorecard)s", scorecard=self.name),
            date_from,
            date_to,
        )

    def _job_sample(self, date_from, date_to, batch_size=CRON_BATCH):
        """One batch of the period's sample; queues the next batch while
        reviews are missing."""
        self._cs_job_lock()
        inspections, remaining = self._sample(date_from, date_to, limit=batch_size)
        if remaining:
            self._cs_enqueue(
                "_job_sample",
                _("QA sampling of %(scorecard)s", scorecard=self.name),
                date_from,
                date_to,
                batch_size,
            )
        return len(inspections)

    def action_sample_previous_period(self):
        """Queue the sampling of the last complete period now, as the
        scheduled action will."""
        if not self.env.user.has_group("cs_management.group_cs_manager"):
            raise AccessError(
                _("Only a Customer Service manager can start the sampling.")
            )
        for scorecard in self:
            if not scorecard.sample_active:
                raise UserError(
                    _(
                        "Turn on sampling for scorecard %(scorecard)s first.",
                        scorecard=scorecard.name,
                    )
                )
            scorecard._check_usable()
        today = fields.Date.context_today(self)
        for scorecard in self:
            scorecard._cs_enqueue_sampling(today)
        return self._cs_queued_notification(
            _(
                "The tickets are being sampled in the background: the scorecard's "
                "inspections grow as they come."
            )
        )

    def action_view_inspections(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_management.action_cs_qa_inspection"
        )
        action["domain"] = [("scorecard_id", "=", self.id)]
        action["context"] = {"default_scorecard_id": self.id}
        return action
