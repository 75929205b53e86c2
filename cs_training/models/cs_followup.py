from odoo import _, api, models
from odoo.exceptions import ValidationError


class CsFollowup(models.Model):
    _inherit = "cs.followup"

    # a constraint, as on tickets: plans, complaints and hand edits pass here.
    # The visit of a ticket by its own assignee continues an assignment the
    # ticket's gate already checked: not asked again (no query on the way)
    @api.constrains("user_id")
    def _check_agent_cleared_to_serve(self):
        visits = self.filtered(lambda visit: visit.user_id != visit.ticket_id.user_id)
        blocks = self.env["hr.employee"]._cs_service_blocks(
            (visit.user_id, visit.company_id) for visit in visits
        )
        for visit in visits:
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
