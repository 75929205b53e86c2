from odoo import fields, models


class CsRole(models.Model):
    _inherit = "cs.role"

    cs_mandatory_course_ids = fields.Many2many(
        "hr.course",
        "cs_course_mandatory_role_rel",
        "role_id",
        "course_id",
        string="Mandatory Courses",
        help="Courses holders of this role need a valid certificate of.",
    )
    cs_promotion_requirement_ids = fields.One2many(
        "cs.training.promotion.requirement",
        "role_id",
        string="Training Required for Promotion",
    )
