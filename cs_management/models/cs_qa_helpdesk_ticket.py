from odoo import fields, models

from .helpdesk_ticket_desk_search import among_ids


class HelpdeskTicket(models.Model):
    """The quality inspections of a ticket (QA-1..3)."""

    _inherit = "helpdesk.ticket"

    # sampling picks the tickets closed in a period
    closed_date = fields.Datetime(index=True)
    cs_qa_inspection_ids = fields.One2many(
        "cs.qa.inspection", "ticket_id", string="Quality Inspections"
    )
    # for the QA reviewer's record rule (security/qa_rules.xml)
    cs_qa_reviewer_ids = fields.Many2many(
        "res.users",
        string="QA Reviewers",
        compute="_compute_cs_qa_reviewer_ids",
        search="_search_cs_qa_reviewer_ids",
        groups="cs_management.group_cs_supervisor",
    )
    cs_qa_inspection_count = fields.Integer(
        string="Inspections", compute="_compute_cs_qa_inspection_count"
    )

    def _compute_cs_qa_reviewer_ids(self):
        # the inspections the user may read: a calibration's reviewers stay
        # blind to each other
        reviewers = dict(
            self.env["cs.qa.inspection"]._read_group(
                [("ticket_id", "in", self.ids)],
                ["ticket_id"],
                ["reviewer_id:array_agg"],
            )
        )
        for ticket in self:
            ticket.cs_qa_reviewer_ids = [
                user_id for user_id in reviewers.get(ticket, []) if user_id
            ]

    def _search_cs_qa_reviewer_ids(self, operator, value):
        negative = operator in ("not in", "!=")
        if not negative and operator not in ("in", "="):
            raise NotImplementedError(f"Unsupported operator {operator}")
        reviewers = [value] if isinstance(value, int) else list(value)
        Inspection = self.env["cs.qa.inspection"]
        # the user's own inspections as the system (the rule's case); anyone
        # else's only as far as the user may read them: a calibration's
        # reviewers stay blind to each other
        if set(reviewers) <= {self.env.uid}:
            Inspection = Inspection.sudo()
        inspections = Inspection._search(
            [
                ("reviewer_id", "in", reviewers),
                ("ticket_id", "!=", False),
            ]
        )
        inspected = among_ids(inspections.subselect("ticket_id"))
        return ["!", inspected] if negative else [inspected]

    def _compute_cs_qa_inspection_count(self):
        counts = dict(
            self.env["cs.qa.inspection"]._read_group(
                [("ticket_id", "in", self.ids)], ["ticket_id"], ["__count"]
            )
        )
        for ticket in self:
            ticket.cs_qa_inspection_count = counts.get(ticket, 0)

    def action_cs_qa_inspections(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_management.action_cs_qa_inspection"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action
