from collections import defaultdict

from odoo import Command, _, api, fields, models

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
        reviewers = self._sample_reviewers(scorecard, tickets.user_id)
        return self.with_context(tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True).create(
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
                }
                for ticket in tickets
            ]
        )

    @api.model
    def _sample_reviewers(self, scorecard, agents):
        """Per agent id: the scorecard's reviewer, else the agent's manager,
        else its store's supervisor or manager; never the agent itself."""
        qa_reviewers = self.env.ref("cs_management.group_cs_supervisor").sudo().users
        employees = self.env["hr.employee"].sudo().search([("user_id", "in", agents.ids)])
        reviewers = {}
        for employee in employees:
            candidates = (
                scorecard.reviewer_id
                | employee.parent_id.user_id
                | employee.cs_store_id.supervisor_ids.user_id
                | employee.cs_store_id.manager_id.user_id
            )
            reviewer = (candidates & qa_reviewers) - employee.user_id
            if reviewer:
                reviewers.setdefault(employee.user_id.id, reviewer[0].id)
        return reviewers

    def _line_values(self):
        """One line per criterion of the scorecard, its rules copied. A
        criterion pre-filled from phrase rules starts at zero when the
        agent broke such a rule on the ticket, else at full points."""
        broken = self._broken_phrases()
        criteria = {scorecard: self._criterion_values(scorecard) for scorecard in self.scorecard_id}
        values = defaultdict(list)
        for inspection in self:
            phrases_by_type = broken.get((inspection.ticket_id.id, inspection.agent_id.id), {})
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
                        note=_("Phrase rules broken: %(phrases)s", phrases=" / ".join(sorted(set(phrases))))
                        if phrases
                        else False,
                    )
                )
        return values

    @api.model
    def _criterion_values(self, scorecard):
        """[(prefill, line values)] per criterion of the scorecard, its rules copied."""
        return [
            (
                criterion.prefill,
                {
                    "criterion_id": criterion.id,
                    "sequence": criterion.sequence,
                    "name": criterion.name,
                    "weight": criterion.weight,
                    "max_points": criterion.max_points,
                    "critical": criterion.critical,
                    "critical_bar": criterion.critical_bar,
                },
            )
            for criterion in scorecard.criterion_ids
        ]

    def _broken_phrases(self):
        """{(ticket id, agent id): {rule type: [phrases]}} for these inspections, in one query."""
        groups = (
            self.env["cs.phrase.violation"]
            .sudo()
            ._read_group(
                [("ticket_id", "in", self.ticket_id.ids), ("user_id", "in", self.agent_id.ids)],
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
        self._check_draft()
        values = self._line_values()
        self.env["cs.qa.inspection.line"]._insert_scoresheets(
            [dict(line, inspection_id=inspection.id) for inspection in self for line in values[inspection]]
        )

    @api.onchange("scorecard_id", "ticket_id", "agent_id")
    def _onchange_refill_lines(self):
        if self.state == "draft" and self.scorecard_id.criterion_ids:
            self.line_ids = [Command.clear()] + [Command.create(line) for line in self._line_values()[self]]
