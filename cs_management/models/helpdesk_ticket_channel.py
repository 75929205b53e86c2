from odoo import fields, models


class HelpdeskTicketChannel(models.Model):
    _inherit = "helpdesk.ticket.channel"

    cs_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Default Team",
        help="Team that takes tickets coming through this channel when no "
        "store or team is given (e.g. the social-media desk).",
    )
