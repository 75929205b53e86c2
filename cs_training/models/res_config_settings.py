from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_training_pass_mark = fields.Float(
        related="company_id.cs_training_pass_mark", readonly=False
    )
    cs_training_theory_weight = fields.Integer(
        related="company_id.cs_training_theory_weight", readonly=False
    )
    cs_training_practical_weight = fields.Integer(
        related="company_id.cs_training_practical_weight", readonly=False
    )
    cs_training_customer_weight = fields.Integer(
        related="company_id.cs_training_customer_weight", readonly=False
    )
    cs_training_max_retakes = fields.Integer(
        related="company_id.cs_training_max_retakes", readonly=False
    )
    cs_training_validity_months = fields.Integer(
        related="company_id.cs_training_validity_months", readonly=False
    )
    cs_training_reminder_days = fields.Integer(
        related="company_id.cs_training_reminder_days", readonly=False
    )
