from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CsTrainingRubricCriterion(models.Model):
    """One criterion a trainer scores in the practical exam of a course."""

    _name = "cs.training.rubric.criterion"
    _description = "Practical Exam Rubric Criterion"
    _order = "course_id, sequence, id"

    course_id = fields.Many2one(
        "hr.course", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Criterion", required=True, translate=True)
    description = fields.Text(
        translate=True,
        help="What the trainer looks for in the simulated service scene.",
    )
    weight = fields.Integer(default=1, required=True)

    @api.constrains("weight")
    def _check_weight(self):
        if any(criterion.weight <= 0 for criterion in self):
            raise ValidationError(_("A rubric criterion needs a weight above zero."))
