from collections import defaultdict

from odoo import Command, _, api, fields, models
from odoo.tools import float_compare, float_round

from .cs_qa_criterion import PREFILL_RULE_TYPES


class CsQaInspection(models.Model):
    """An inspection's score sheet: the sampled inspections a period opens,
    and the lines each sheet copies from its scorecard, prefilled from the
    phrase rules the agent broke on the ticket (QA-1, QA-2)."""

    _inherit = "cs.qa.inspection"

    @api.model
    def _create_sampled(self, scorecard, ticket_ids, period_start):
        """The QA reviews of sampled tickets, reviewed by the scorecard's
        reviewer or else the agent's manager."""
        tickets = self.env["helpdesk.ticket"].browse(ticket_ids)
        tickets.fetch(["user_id", "company_id", "closed_date"])
        reviewers = self._sample_reviewers(scorecard, tickets.user_id)
        rules = self._cs_rules_from(scorecard)
        return self.with_context(
            tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True
        ).create(
            [
                {
                    "kind": "sample",
                    "scorecard_id": scorecard.id,
                    "ticket_id": ticket.id,
                    "agent_id": ticket.user_id.id,
                    "reviewer_id": reviewers.get(ticket.user_id.id, False),
                    "company_id": ticket.company_id.id,
                    "date": fields.Date.context_today(self, ticket.closed_date),
                    "sample_period_start": period_start,
                    **rules,
                }
                for ticket in tickets
            ]
        )

    @api.model
    def _sample_reviewers(self, scorecard, agents):
        """Per agent id: the scorecard's reviewer, else the first of the
        agent's leaders (``hr.employee._cs_leaders``) who reviews QA; never
        the agent itself."""
        qa_reviewers = self.env.ref("cs_management.group_cs_supervisor").sudo().users
        employees = (
            self.env["hr.employee"].sudo().search([("user_id", "in", agents.ids)])
        )
        reviewers = {}
        for employee in employees:
            candidates = scorecard.reviewer_id | employee._cs_leaders()
            reviewer = (candidates & qa_reviewers) - employee.user_id
            if reviewer:
                reviewers.setdefault(employee.user_id.id, reviewer[0].id)
        return reviewers

    @api.depends("scorecard_id")
    def _compute_rules(self):
        """The scorecard's scale and pass mark as they were when the
        inspection was opened: later changes leave it as scored."""
        for inspection in self:
            inspection.update(self._cs_rules_from(inspection.scorecard_id))

    @api.depends(
        "line_ids.weight",
        "line_ids.normalized",
        "line_ids.below_bar",
        "scale",
        "pass_mark",
    )
    def _compute_score(self):
        """The score (QA-2): the criteria's scores in percent weighted by
        the scorecard's weights (which total 100), 0–100; zero when a
        critical criterion is below its bar; passed at the pass mark on the
        scorecard's scale."""
        # only what the score needs, in one go: sampling scores thousands at once
        self.line_ids.filtered("id").fetch(["weight", "normalized", "below_bar"])
        for inspection in self:
            lines = inspection.line_ids
            raw = self._cs_weighted_score(
                [(line.weight, line.normalized) for line in lines], total=100, digits=2
            )
            critical_failed = any(line.below_bar for line in lines)
            score = 0.0 if critical_failed else raw
            on_scale = float_round(score * inspection.scale / 100, precision_digits=2)
            inspection.raw_score = raw
            inspection.critical_failed = critical_failed
            inspection.score = score
            inspection.score_on_scale = on_scale
            inspection.passed = bool(lines) and (
                float_compare(on_scale, inspection.pass_mark, precision_digits=2) >= 0
            )

    def _line_values(self):
        """One line per criterion of the scorecard, its rules copied. A
        criterion pre-filled from phrase rules starts at zero when the
        agent broke such a rule on the ticket, else at full points."""
        broken = self._broken_phrases()
        criteria = {
            scorecard: self._criterion_values(scorecard)
            for scorecard in self.scorecard_id
        }
        values = defaultdict(list)
        for inspection in self:
            phrases_by_type = broken.get(
                (inspection.ticket_id.id, inspection.agent_id.id), {}
            )
            for prefill, line in criteria[inspection.scorecard_id]:
                phrases = [
                    phrase
                    for rule_type in PREFILL_RULE_TYPES.get(prefill, ())
                    for phrase in phrases_by_type.get(rule_type, ())
                ]
                values[inspection].append(
                    dict(
                        line,
                        points=0 if phrases else line["max_points"],
                        note=_(
                            "Phrase rules broken: %(phrases)s",
                            phrases=" / ".join(sorted(set(phrases))),
                        )
                        if phrases
                        else False,
                    )
                )
        return values

    @api.model
    def _criterion_values(self, scorecard):
        """[(prefill, line values)] per criterion of the scorecard, its rules copied."""
        criteria = scorecard.criterion_ids
        lines = self.env["cs.qa.inspection.line"]._cs_criterion_values(criteria)
        return list(zip(criteria.mapped("prefill"), lines, strict=True))

    def _broken_phrases(self):
        """{(ticket id, agent id): {rule type: [phrases]}} for these inspections,
        in one query."""
        groups = (
            self.env["cs.phrase.violation"]
            .sudo()
            ._read_group(
                [
                    ("ticket_id", "in", self.ticket_id.ids),
                    ("user_id", "in", self.agent_id.ids),
                ],
                ["ticket_id", "user_id", "rule_type"],
                ["phrase:array_agg"],
            )
            if self.ticket_id
            else []
        )
        broken = defaultdict(dict)
        for ticket, user, rule_type, phrases in groups:
            broken[ticket.id, user.id][rule_type] = phrases
        return broken

    def _fill_lines(self):
        if not self:
            return
        self.scorecard_id._check_usable()
        self._cs_check_sheet_open()
        values = self._line_values()
        self.env["cs.qa.inspection.line"]._insert_scoresheets(
            [
                dict(line, inspection_id=inspection.id)
                for inspection in self
                for line in values[inspection]
            ]
        )

    @api.onchange("scorecard_id", "ticket_id", "agent_id")
    def _onchange_refill_lines(self):
        if self.state == "draft" and self.scorecard_id.criterion_ids:
            self.line_ids = [Command.clear()] + [
                Command.create(line) for line in self._line_values()[self]
            ]
