from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_lost_after_months = fields.Integer(
        related="company_id.cs_lost_after_months", readonly=False
    )
