from odoo import fields, models


class CsQaCriterion(models.Model):
    _inherit = "cs.qa.criterion"

    cs_course_id = fields.Many2one(
        "hr.course",
        string="Training Course",
        help="The course a training need opened by this criterion names: agents "
        "scoring under the scorecard's training threshold on it, or failing it when "
        "critical, are trained with it.",
    )
