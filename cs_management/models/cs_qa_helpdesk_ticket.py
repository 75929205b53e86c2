from odoo import fields, models


class HelpdeskTicket(models.Model):
    """The quality inspections of a ticket (QA-1..3)."""

    _inherit = "helpdesk.ticket"

    # sampling picks the tickets closed in a period
    closed_date = fields.Datetime(index=True)
    cs_qa_inspection_ids = fields.One2many(
        "cs.qa.inspection", "ticket_id", string="Quality Inspections"
    )
    cs_qa_inspection_count = fields.Integer(
        string="Inspections", compute="_compute_cs_qa_inspection_count"
    )

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
