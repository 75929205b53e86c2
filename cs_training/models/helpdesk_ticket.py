from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cs_assignee_gate_reason = fields.Char(
        string="Assignee Not Cleared", compute="_compute_cs_assignee_gate_reason"
    )

    @api.depends("user_id", "company_id")
    def _compute_cs_assignee_gate_reason(self):
        blocked = self._cs_assignee_gate()
        for ticket in self:
            employee, reason = blocked.get(ticket, (None, None))
            ticket.cs_assignee_gate_reason = employee and _(
                "%(employee)s may not serve customers yet: %(reason)s.",
                employee=employee.name,
                reason=reason,
            )

    def _cs_assignee_gate(self):
        """{ticket: (employee, reason)} for tickets whose assignee may not
        serve customers; the employee is the assignee's one in the ticket's
        company when it has several."""
        blocks = self.env["hr.employee"]._cs_service_blocks(
            (ticket.user_id, ticket.company_id) for ticket in self
        )
        return {
            ticket: blocks[(ticket.user_id, ticket.company_id)]
            for ticket in self
            if (ticket.user_id, ticket.company_id) in blocks
        }

    # a constraint, not a view rule: forms, kanban, RPC, automatic assignment
    # and computed assignees all pass here
    @api.constrains("user_id")
    def _check_assignee_cleared_to_serve(self):
        for ticket, (employee, reason) in self._cs_assignee_gate().items():
            raise ValidationError(
                _(
                    "%(employee)s cannot be assigned ticket %(ticket)s: %(reason)s. "
                    "Assign it to a colleague cleared to serve customers.",
                    employee=employee.name,
                    ticket=ticket.display_name,
                    reason=reason,
                )
            )

    def _cs_assignable(self, users):
        users = super()._cs_assignable(users)
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [("user_id", "in", users.ids), ("company_id", "=", self.company_id.id)]
            )
        )
        blocked = {
            employee.user_id for employee in employees._cs_service_gate_reasons()
        }
        return users.filtered(lambda user: user not in blocked)

    @api.model
    def default_get(self, fields_list):
        defaults = super().default_get(fields_list)
        # automatic self-assignment skips people who may not serve yet
        if defaults.get("user_id"):
            ticket = self.new(
                {
                    "user_id": defaults["user_id"],
                    "company_id": defaults.get("company_id") or self.env.company.id,
                }
            )
            if ticket._cs_assignee_gate():
                defaults.pop("user_id")
        return defaults
