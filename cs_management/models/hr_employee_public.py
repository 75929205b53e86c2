from odoo import fields, models


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    cs_store_id = fields.Many2one("cs.store", string="Store", readonly=True)
    cs_role_id = fields.Many2one("cs.role", string="Service Role", readonly=True)
