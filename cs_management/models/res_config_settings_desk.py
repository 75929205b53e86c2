from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_idle_days = fields.Integer(related="company_id.cs_idle_days", readonly=False)
