from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

from .selections import GRADE_RECOMMENDATIONS


class CsAppraisalGrade(models.Model):
    """A band of the combined score (APR-4) and what it leads to (APR-6):
    the bonus coefficient and the recommendation the published form makes."""

    _name = "cs.appraisal.grade"
    _description = "Appraisal Grade"
    _order = "min_score desc"

    name = fields.Char(string="Grade", required=True, translate=True)
    description = fields.Char(translate=True)
    min_score = fields.Float(
        string="From Score",
        required=True,
        help="Lowest combined score (out of 100) with this grade; the grade "
        "runs up to the next band.",
    )
    bonus_coefficient = fields.Float(
        digits=(4, 2), default=1.0, help="The performance bonus is multiplied by it."
    )
    recommendation = fields.Selection(
        GRADE_RECOMMENDATIONS, required=True, default="keep"
    )
    color = fields.Integer()
    active = fields.Boolean(default=True)

    @api.constrains("min_score", "bonus_coefficient", "active")
    def _check_band(self):
        for grade in self:
            if not 0 <= grade.min_score <= 100:
                raise ValidationError(
                    _("Grade %(grade)s must start between 0 and 100.", grade=grade.name)
                )
            if grade.bonus_coefficient < 0:
                raise ValidationError(
                    _(
                        "The bonus coefficient of grade %(grade)s cannot be negative.",
                        grade=grade.name,
                    )
                )
        starts = self.search([]).mapped("min_score")
        if len(starts) != len(set(starts)):
            raise ValidationError(
                _(
                    "Two grades start at the same score: give each grade its own lower "
                    "bound."
                )
            )

    @api.model
    def _for_score(self, score, bands=None):
        """The one home of the band lookup: the grade with the highest lower
        bound not above ``score`` (rounded to two decimals)."""
        for band in bands if bands is not None else self.search([]):
            if float_compare(score, band.min_score, precision_digits=2) >= 0:
                return band
        return self.browse()
