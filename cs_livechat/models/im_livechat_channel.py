from odoo import fields, models


class ImLivechatChannel(models.Model):
    _inherit = "im_livechat.channel"

    cs_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Service Team",
        domain=[("cs_process", "=", True)],
        help="The team (so the store) that takes the tickets made from this "
        "channel's conversations; empty, the Online Chat channel's default team.",
    )
