from odoo import fields, models


class CsTrainingNeed(models.Model):
    _inherit = "cs.training.need"

    cs_appraisal_id = fields.Many2one(
        "cs.appraisal",
        string="Appraisal",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
    )
    cs_appraisal_line_id = fields.Many2one(
        "cs.appraisal.line",
        string="Appraisal Criterion",
        readonly=True,
        ondelete="set null",
    )
