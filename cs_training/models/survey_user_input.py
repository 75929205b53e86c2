from odoo import fields, models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    cs_assessment_id = fields.Many2one(
        "cs.training.assessment",
        string="Training Assessment",
        index="btree_not_null",
        readonly=True,
        ondelete="set null",
    )

    def _mark_done(self):
        res = super()._mark_done()
        self.cs_assessment_id._cs_exam_submitted()
        return res
