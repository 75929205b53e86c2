from odoo import api, models


class HelpdeskTicketCreateLead(models.TransientModel):
    _inherit = "helpdesk.ticket.create.lead"

    @api.model
    def default_get(self, fields):
        """A pre-sales consultation becomes an opportunity of the sales team
        of the store that took it (CMP/CRM)."""
        vals = super().default_get(fields)
        ticket = self.env["helpdesk.ticket"].browse(vals.get("ticket_id"))
        if (
            "team_id" in fields
            and not vals.get("team_id")
            and ticket.cs_store_id.crm_team_id
        ):
            vals["team_id"] = ticket.cs_store_id.crm_team_id.id
        return vals
