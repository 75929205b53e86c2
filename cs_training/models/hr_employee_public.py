from odoo import fields, models


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    cs_cleared_to_serve = fields.Boolean(
        string="Cleared to Serve", compute="_compute_cs_service_gate"
    )
    cs_gate_reason = fields.Char(
        string="Why Not Cleared", compute="_compute_cs_service_gate"
    )

    def _compute_cs_service_gate(self):
        # colleagues may know who can take tickets and why not
        reasons = {
            employee.id: reason
            for employee, reason in self.env["hr.employee"]
            .sudo()
            .browse(self.ids)
            ._cs_service_gate_reasons()
            .items()
        }
        for employee in self:
            reason = reasons.get(employee.id)
            employee.cs_cleared_to_serve = not reason
            employee.cs_gate_reason = reason or False
