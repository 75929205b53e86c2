from odoo import _, models
from odoo.exceptions import UserError


class HelpdeskTicketMerge(models.TransientModel):
    """OCA's merge of duplicate tickets (DESK-4), completed for the service
    process: never across companies; the follow-up visits and hand-offs
    move to the kept ticket, which keeps the earliest promise made to the
    customer and the earliest solution due date."""

    _inherit = "helpdesk.ticket.merge"

    def merge_tickets(self):
        tickets = self.ticket_ids | self.dst_ticket_id
        if len(tickets.company_id | self.dst_helpdesk_team_id.company_id) > 1:
            raise UserError(_("Tickets of different companies cannot be merged."))
        tickets.check_access("write")
        if self.dst_helpdesk_team_id:
            self.dst_helpdesk_team_id.check_access("read")
        # OCA moves the messages, which only an administrator may do: the
        # user's right to change every ticket is checked above, and sudo keeps
        # the user as the author. The merge notices are no agent's replies.
        merging = self.sudo().with_context(cs_system_message=True)
        res = super(HelpdeskTicketMerge, merging).merge_tickets()
        self._cs_move_to_kept(tickets - self.dst_ticket_id)
        return res

    def _cs_move_to_kept(self, merged):
        kept = self.dst_ticket_id
        merged.cs_followup_ids.sudo().write({"ticket_id": kept.id})
        merged.cs_handoff_ids.sudo().write({"ticket_id": kept.id})
        promises = (
            (merged | kept).filtered("cs_promised_date").mapped("cs_promised_date")
        )
        dues = (
            (merged | kept)
            .filtered("cs_solution_deadline")
            .mapped("cs_solution_deadline")
        )
        values = {}
        if promises:
            values["cs_promised_date"] = min(promises)
        if dues:
            values["cs_solution_deadline"] = min(dues)
        if values:
            kept.sudo().write(values)
