from odoo import api, fields, models

from odoo.addons.cs_management.models.translated_copy import copy_translated

RUBRIC_LEVELS = [
    ("0", "0 – not shown"),
    ("1", "1 – poor"),
    ("2", "2 – weak"),
    ("3", "3 – adequate"),
    ("4", "4 – good"),
    ("5", "5 – excellent"),
]


class CsTrainingAssessmentLine(models.Model):
    """A rubric criterion of a practical exam and the level the trainer saw."""

    _name = "cs.training.assessment.line"
    _description = "Practical Exam Score"
    _inherit = ["cs.recorded.fields", "cs.weighted.score.line.mixin"]
    _order = "assessment_id, sequence, id"
    _cs_sheet_field = "assessment_id"
    _cs_criterion_copied = ("sequence", "name", "description", "weight")
    # copied from the rubric when the attempt opens: the trainer scores levels only
    _cs_recorded_fields = ("assessment_id", "criterion_id", "weight")

    assessment_id = fields.Many2one(
        "cs.training.assessment", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    # the rubric's criterion when the attempt opened, in every language
    criterion_id = fields.Many2one(
        "cs.training.rubric.criterion",
        string="Rubric Criterion",
        ondelete="set null",
        readonly=True,
    )
    name = fields.Char(string="Criterion", required=True, translate=True)
    description = fields.Text(translate=True)
    weight = fields.Integer(default=1, required=True)
    level = fields.Selection(RUBRIC_LEVELS)

    def _cs_score(self):
        """The level seen, out of 100 (not shown: 0)."""
        self.ensure_one()
        return 100.0 * int(self.level or 0) / int(RUBRIC_LEVELS[-1][0])

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cs_check_recorded_fields(vals)
        lines = super().create(vals_list)
        lines._cs_check_sheet_open()
        copy_translated(lines, "criterion_id", ["name", "description"])
        return lines

    def write(self, vals):
        self._cs_check_recorded_fields(vals)
        self._cs_check_sheet_open()
        return super().write(vals)
