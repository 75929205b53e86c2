from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_deadline_reminder_hours = fields.Integer(
        related="company_id.cs_deadline_reminder_hours", readonly=False
    )
    cs_followup_delay_days = fields.Integer(
        related="company_id.cs_followup_delay_days", readonly=False
    )
    cs_opinion_notify_severity = fields.Selection(
        related="company_id.cs_opinion_notify_severity", readonly=False
    )
    cs_reopen_days = fields.Integer(related="company_id.cs_reopen_days", readonly=False)
