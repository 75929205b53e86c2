import hashlib
import math
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, float_compare

# inspections one sampling job creates; the next job creates the next ones
CRON_BATCH = 1000


class CsQaScorecard(models.Model):
    """How inspections are scored (QA-2): weighted criteria totalling 100,
    the score scale and the pass mark. A sampling scorecard also picks, per
    agent and period, the closed tickets to inspect with it (QA-1)."""

    _name = "cs.qa.scorecard"
    _description = "QA Scorecard"
    _inherit = ["mail.thread", "cs.job.mixin"]
    _order = "sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        default=lambda self: self.env.company,
        help="Empty: the scorecard serves every company.",
    )
    criterion_ids = fields.One2many(
        "cs.qa.criterion", "scorecard_id", string="Criteria", copy=True
    )
    weight_total = fields.Float(string="Total Weight", compute="_compute_weight_total")
    scale = fields.Integer(
        string="Score Out Of",
        required=True,
        default=100,
        tracking=True,
        help="The scale scores are shown on and the pass mark is set on.",
    )
    pass_mark = fields.Float(
        required=True, default=80, tracking=True, help="On the scorecard's scale."
    )
    # --- sampling (QA-1) ---------------------------------------------------
    sample_active = fields.Boolean(
        string="Sample Closed Tickets",
        tracking=True,
        help="Every period, a scheduled action picks closed tickets of each agent at "
        "random for a QA review.",
    )
    sample_method = fields.Selection(
        [("count", "A number of tickets"), ("share", "A share of the tickets")],
        string="Sample Size",
        required=True,
        default="count",
        tracking=True,
    )
    sample_count = fields.Integer(string="Tickets per Agent", default=5, tracking=True)
    sample_share = fields.Float(
        string="Share of Tickets (%)", default=10, tracking=True
    )
    sample_period = fields.Selection(
        [("week", "Week"), ("month", "Month")],
        string="Sampling Period",
        required=True,
        default="month",
        tracking=True,
    )
    team_ids = fields.Many2many(
        "helpdesk.ticket.team",
        string="Teams Sampled",
        check_company=True,
        help="Empty: every team that no other sampling scorecard of the company names.",
    )
    reviewer_id = fields.Many2one(
        "res.users",
        string="QA Reviewer",
        check_company=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("cs_management.group_cs_supervisor").id)
        ],
        help="Reviews the sampled tickets; empty: the agent's manager.",
    )
    inspection_count = fields.Integer(compute="_compute_inspection_count")

    @api.depends("criterion_ids.weight")
    def _compute_weight_total(self):
        for scorecard in self:
            scorecard.weight_total = sum(scorecard.criterion_ids.mapped("weight"))

    def _compute_inspection_count(self):
        counts = dict(
            self.env["cs.qa.inspection"]._read_group(
                [("scorecard_id", "in", self.ids)], ["scorecard_id"], ["__count"]
            )
        )
        for scorecard in self:
            scorecard.inspection_count = counts.get(scorecard, 0)

    # ------------------------------------------------------------------
    # Rules
    # ------------------------------------------------------------------
    @api.constrains("criterion_ids")
    def _check_weights(self):
        for scorecard in self.filtered("criterion_ids"):
            if float_compare(scorecard.weight_total, 100, precision_digits=2):
                raise ValidationError(
                    _(
                        "The weights of scorecard %(scorecard)s total %(total)s: "
                        "change them so that they total 100.",
                        scorecard=scorecard.name,
                        total=format(scorecard.weight_total, "g"),
                    )
                )

    @api.constrains("scale", "pass_mark")
    def _check_pass_mark(self):
        for scorecard in self:
            if scorecard.scale <= 0 or not 0 < scorecard.pass_mark <= scorecard.scale:
                raise ValidationError(
                    _(
                        "Scorecard %(scorecard)s: the score must be out of a positive "
                        "number and "
                        "the pass mark between 0 and %(scale)s.",
                        scorecard=scorecard.name,
                        scale=scorecard.scale,
                    )
                )

    @api.constrains(
        "sample_active",
        "sample_method",
        "sample_count",
        "sample_share",
        "team_ids",
        "company_id",
        "active",
    )
    def _check_sampling(self):
        for scorecard in self.filtered(lambda s: s.sample_active and s.active):
            if not scorecard.criterion_ids:
                raise ValidationError(
                    _(
                        "Give scorecard %(scorecard)s its criteria before it samples "
                        "tickets.",
                        scorecard=scorecard.name,
                    )
                )
            if scorecard.sample_method == "count" and scorecard.sample_count < 1:
                raise ValidationError(
                    _("Sample at least one ticket per agent, or stop sampling.")
                )
            if (
                scorecard.sample_method == "share"
                and not 0 < scorecard.sample_share <= 100
            ):
                raise ValidationError(
                    _("Sample a share of the tickets between 0 and 100 %.")
                )
            overlap = scorecard._sampling_siblings().filtered(
                lambda other, scorecard=scorecard: (
                    (other.team_ids & scorecard.team_ids)
                    or not (other.team_ids or scorecard.team_ids)
                )
            )
            if overlap:
                raise ValidationError(
                    _(
                        "Scorecards %(scorecard)s and %(other)s would sample the same "
                        "teams: "
                        "name different teams on each, or stop sampling with one of "
                        "them.",
                        scorecard=scorecard.name,
                        other=overlap[0].name,
                    )
                )

    def _sampling_siblings(self):
        """The other sampling scorecards that may sample the same tickets:
        of the same company, or shared by every company."""
        domain = [("id", "!=", self.id), ("sample_active", "=", True)]
        if self.company_id:
            domain.append(("company_id", "in", [self.company_id.id, False]))
        return self.search(domain)

    def _check_usable(self):
        """Scoring needs criteria that weigh 100 in total."""
        for scorecard in self:
            if not scorecard.criterion_ids:
                raise UserError(
                    _(
                        "Scorecard %(scorecard)s has no criteria yet: add them before "
                        "inspecting.",
                        scorecard=scorecard.name,
                    )
                )
            scorecard._check_weights()

    @api.ondelete(at_uninstall=False)
    def _unlink_unless_used(self):
        if (
            self.env["cs.qa.inspection"]
            .sudo()
            .search_count([("scorecard_id", "in", self.ids)], limit=1)
        ):
            raise UserError(
                _(
                    "This scorecard has scored inspections and stays in their "
                    "history: archive it instead."
                )
            )

    # ------------------------------------------------------------------
    # Sampling (QA-1)
    # ------------------------------------------------------------------
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
