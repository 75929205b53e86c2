from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    # Product defaults, not seed facts (digest §13): the monthly appraisal is
    # done in the first ten days of the next month (002 §6.2).
    cs_appraisal_self_days = fields.Integer(
        string="Self-Assessment Due (days after the period)", default=3
    )
    cs_appraisal_review_days = fields.Integer(
        string="Supervisor Review Due (days after the period)", default=7
    )
    cs_appraisal_calibration_days = fields.Integer(
        string="Calibration Due (days after the period)", default=10
    )
    cs_appraisal_acknowledge_days = fields.Integer(
        string="Acknowledgement Due (days after publication)", default=5
    )
    cs_appraisal_need_days = fields.Integer(
        string="Training Need Due (days after publication)", default=30
    )
    cs_appraisal_calibrator_id = fields.Many2one(
        "res.users",
        string="Calibrated By",
        help="The CS manager who calibrates and publishes the appraisals of new "
        "periods.",
    )

    @api.constrains(
        "cs_appraisal_self_days",
        "cs_appraisal_review_days",
        "cs_appraisal_calibration_days",
    )
    def _check_cs_appraisal_calendar(self):
        for company in self:
            days = (
                company.cs_appraisal_self_days,
                company.cs_appraisal_review_days,
                company.cs_appraisal_calibration_days,
            )
            if days[0] < 0 or list(days) != sorted(days):
                raise ValidationError(
                    _(
                        "Appraisal steps follow each other: self-assessment, then "
                        "review, then calibration, each due no earlier than the one "
                        "before."
                    )
                )
