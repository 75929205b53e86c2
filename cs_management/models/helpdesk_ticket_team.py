from odoo import api, fields, models


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    cs_store_id = fields.Many2one(
        "cs.store",
        string="Store",
        index=True,
        check_company=True,
        help="The store this team serves; empty for head-office teams.",
    )
    # service teams work to deadlines (CMP-5)
    use_sla = fields.Boolean(default=True)

    @api.model_create_multi
    def create(self, vals_list):
        teams = super().create(vals_list)
        # ticket record rules read team membership through the user
        self.env.registry.clear_cache()
        return teams

    def write(self, vals):
        res = super().write(vals)
        if {"user_ids", "cs_store_id", "active"} & vals.keys():
            self.env.registry.clear_cache()
        return res
