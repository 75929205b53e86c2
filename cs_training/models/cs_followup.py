from odoo import _, api, models
from odoo.exceptions import ValidationError


class CsFollowup(models.Model):
    _inherit = "cs.followup"

    # a constraint, as on tickets: plans, complaints and hand edits pass here
    @api.constrains("user_id")
    def _check_agent_cleared_to_serve(self):
        blocks = self.env["hr.employee"]._cs_service_blocks(
            (visit.user_id, visit.company_id) for visit in self
        )
        for visit in self:
            employee, reason = blocks.get((visit.user_id, visit.company_id), (0, 0))
            if employee:
                raise ValidationError(
                    _(
                        "%(employee)s cannot be given the follow-up call to "
                        "%(customer)s: %(reason)s. Give it to a colleague cleared "
                        "to serve customers.",
                        employee=employee.name,
                        customer=visit.partner_id.name,
                        reason=reason,
                    )
                )
