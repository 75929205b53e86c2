from odoo import api, models


class CsTicketScoped(models.AbstractModel):
    """A record that lives inside a ticket (hand-off, follow-up visit): its
    record rules follow the ticket, so moving it to another ticket is checked
    against the ticket it lands on, after the change, not only before."""

    _name = "cs.ticket.scoped"
    _description = "Record Kept within Its Ticket"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._cs_check_ticket_scope()
        return records

    def write(self, vals):
        res = super().write(vals)
        if "ticket_id" in vals:
            self._cs_check_ticket_scope()
        return res

    def _cs_check_ticket_scope(self):
        tickets = self.ticket_id
        if tickets and not self.env.su:
            tickets.check_access("write")
