from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_web_requests_per_hour = fields.Integer(
        related="company_id.cs_web_requests_per_hour", readonly=False
    )
    cs_web_max_files = fields.Integer(
        related="company_id.cs_web_max_files", readonly=False
    )
    cs_web_max_file_mb = fields.Integer(
        related="company_id.cs_web_max_file_mb", readonly=False
    )
    cs_web_file_types = fields.Char(
        related="company_id.cs_web_file_types", readonly=False
    )
