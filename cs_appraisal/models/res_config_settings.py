from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_appraisal_self_days = fields.Integer(
        related="company_id.cs_appraisal_self_days", readonly=False
    )
    cs_appraisal_review_days = fields.Integer(
        related="company_id.cs_appraisal_review_days", readonly=False
    )
    cs_appraisal_calibration_days = fields.Integer(
        related="company_id.cs_appraisal_calibration_days", readonly=False
    )
    cs_appraisal_acknowledge_days = fields.Integer(
        related="company_id.cs_appraisal_acknowledge_days", readonly=False
    )
    cs_appraisal_need_days = fields.Integer(
        related="company_id.cs_appraisal_need_days", readonly=False
    )
    cs_appraisal_calibrator_id = fields.Many2one(
        related="company_id.cs_appraisal_calibrator_id", readonly=False
    )
