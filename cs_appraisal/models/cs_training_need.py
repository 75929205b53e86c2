from odoo import fields, models

from odoo.addons.cs_training.models.cs_training_need import RECORDED_FIELDS


class CsTrainingNeed(models.Model):
    _inherit = "cs.training.need"
    # the appraisal's publication records which weak criterion opened a need
    _cs_recorded_fields = RECORDED_FIELDS + ("cs_appraisal_id", "cs_appraisal_line_id")

    cs_appraisal_id = fields.Many2one(
        "cs.appraisal",
        string="Appraisal",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
    )
    cs_appraisal_line_id = fields.Many2one(
        "cs.appraisal.line",
        string="Appraisal Criterion",
        readonly=True,
        copy=False,
        ondelete="set null",
    )
