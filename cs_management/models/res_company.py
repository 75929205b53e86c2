from odoo import fields, models

from .selections import SEVERITIES


class ResCompany(models.Model):
    _inherit = "res.company"

    cs_deadline_reminder_hours = fields.Integer(
        string="Remind Before Deadline (hours)",
        default=2,
        help="Assignees get a reminder this many hours before a ticket deadline.",
    )
    cs_followup_delay_days = fields.Integer(
        string="Follow-up Visit After (days)",
        default=3,
        help="A complaint's follow-up visit is due this many days after the "
        "customer's feedback.",
    )
    cs_opinion_notify_severity = fields.Selection(
        SEVERITIES,
        string="Notify Management From",
        default="major",
        required=True,
        help="Public-opinion incidents of this severity or worse are reported "
        "to the CS managers.",
    )
    cs_reopen_days = fields.Integer(
        string="Reply Reopens a Ticket Within (days)",
        default=7,
        help="A customer's e-mail about a ticket closed less than this many days "
        "ago reopens it; later, it opens a new ticket that follows the old one.",
    )
