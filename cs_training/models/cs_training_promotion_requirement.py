from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CsTrainingPromotionRequirement(models.Model):
    """A course, and the score in it, required to leave a role for the next
    one on the career path (ORG-4)."""

    _name = "cs.training.promotion.requirement"
    _description = "Promotion Training Requirement"
    _order = "role_id, sequence, id"

    role_id = fields.Many2one("cs.role", required=True, ondelete="cascade", index=True)
    next_role_id = fields.Many2one(
        related="role_id.next_role_id", string="Promotion To"
    )
    sequence = fields.Integer(default=10)
    course_id = fields.Many2one("hr.course", required=True)
    min_score = fields.Float(
        string="Minimum Score", help="Final score of a valid certificate, out of 100."
    )

    _sql_constraints = [
        (
            "role_course_uniq",
            "unique(role_id, course_id)",
            "This course is already required.",
        ),
    ]

    @api.constrains("min_score")
    def _check_min_score(self):
        if any(not 0 <= r.min_score <= 100 for r in self):
            raise ValidationError(_("The minimum score is between 0 and 100."))
