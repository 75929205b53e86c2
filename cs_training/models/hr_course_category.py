from odoo import fields, models


class HrCourseCategory(models.Model):
    _inherit = "hr.course.category"

    # the course kinds (TRN-3) are categories: their names reach zh_CN/zh_TW users
    name = fields.Char(translate=True)
