from odoo import fields, models


class HelpdeskTicketChannel(models.Model):
    _inherit = "helpdesk.ticket.channel"
    _check_company_auto = True

    cs_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Default Team",
        check_company=True,
        help="Team that takes tickets coming through this channel when no "
        "store or team is given (e.g. the social-media desk).",
    )
