from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cs_store_id = fields.Many2one(
        "cs.store",
        string="Store",
        compute="_compute_cs_store_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        check_company=True,
    )

    @api.depends("team_id")
    def _compute_cs_store_id(self):
        for ticket in self:
            if ticket.team_id.cs_store_id:
                ticket.cs_store_id = ticket.team_id.cs_store_id
