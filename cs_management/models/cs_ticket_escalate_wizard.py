from odoo import api, fields, models


class CsTicketEscalateWizard(models.TransientModel):
    """The reason asked when a ticket is escalated by hand."""

    _name = "cs.ticket.escalate.wizard"
    _description = "Escalate a Ticket"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade")
    receiver_id = fields.Many2one(
        "res.users", string="Escalated To", compute="_compute_receiver_id"
    )
    reason = fields.Text(required=True)

    @api.depends("ticket_id")
    def _compute_receiver_id(self):
        for wizard in self:
            wizard.receiver_id = wizard.ticket_id._cs_escalation_receiver()

    def action_confirm(self):
        self.ensure_one()
        self.ticket_id._cs_escalate(self.reason)
        return {"type": "ir.actions.act_window_close"}
