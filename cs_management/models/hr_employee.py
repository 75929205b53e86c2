from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

# Changing these moves an employee in the organisation; record rules read
# it through res.users.cs_led_employee_ids, so their cached domains go stale.
ORGANISATION_FIELDS = {"cs_store_id", "parent_id", "user_id", "company_id", "active"}


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    cs_store_id = fields.Many2one(
        "cs.store",
        string="Store",
        index=True,
        tracking=True,
        help="The store this employee works in; empty for head-office staff.",
    )
    cs_role_id = fields.Many2one(
        "cs.role",
        string="Service Role",
        index=True,
        tracking=True,
        help="Gives the employee's user the role's security group.",
    )

    @api.constrains("cs_store_id", "company_id")
    def _check_store_company(self):
        for employee in self.filtered("cs_store_id"):
            if employee.cs_store_id.company_id != employee.company_id:
                raise ValidationError(
                    _(
                        "%(employee)s works for %(company)s and cannot join store "
                        "%(store)s of %(store_company)s.",
                        employee=employee.name,
                        company=employee.company_id.name,
                        store=employee.cs_store_id.display_name,
                        store_company=employee.cs_store_id.company_id.name,
                    )
                )

    @api.constrains("cs_store_id")
    def _check_leaders_stay_in_store(self):
        led_stores = self.env["cs.store"].search(
            ["|", ("manager_id", "in", self.ids), ("supervisor_ids", "in", self.ids)]
        )
        led_stores._check_staff_belongs_to_store()

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("cs_role_id") for vals in vals_list):
            self._check_can_assign_roles()
        employees = super().create(vals_list)
        employees.filtered("cs_role_id").user_id._sync_cs_role_groups()
        if employees.filtered(lambda e: e.parent_id or e.cs_store_id):
            self._cs_organisation_changed()
        return employees

    def write(self, vals):
        # linking a user to an employee with a role, or bringing one back,
        # hands out the role's groups just as setting the role does
        if "cs_role_id" in vals or (
            {"user_id", "active"} & vals.keys() and self.filtered("cs_role_id")
        ):
            self._check_can_assign_roles()
        resync = {"cs_role_id", "user_id", "active"} & vals.keys()
        users_before = self.user_id if resync else self.env["res.users"]
        res = super().write(vals)
        if resync:
            (users_before | self.user_id)._sync_cs_role_groups()
        if ORGANISATION_FIELDS & vals.keys():
            self._cs_organisation_changed()
        return res

    def unlink(self):
        users = self.user_id
        res = super().unlink()
        users._sync_cs_role_groups()
        self._cs_organisation_changed()
        return res

    def _cs_organisation_changed(self):
        """The rules' cached domains and the users' organisation fields
        (res.users.cs_led_employee_ids, cs_managed_store_ids) are stale."""
        self.env.registry.clear_cache()
        self.env["res.users"].invalidate_model(
            ["cs_led_employee_ids", "cs_managed_store_ids"]
        )

    def _cs_leaders(self):
        """The users who answer for this employee's work, nearest first: the
        manager in the reporting line, then the store's supervisors, then the
        store's manager (ORG-3). Routing and reminders pick from here."""
        if not self:
            return self.env["res.users"]
        self.ensure_one()
        employee = self.sudo()
        store = employee.cs_store_id
        leaders = (
            employee.parent_id.user_id
            | store.supervisor_ids.user_id
            | store.manager_id.user_id
        ) - (employee | employee.subordinate_ids).user_id
        return leaders.with_env(self.env)

    def _check_can_assign_roles(self):
        """Roles grant security groups: only CS managers hand them out."""
        if self.env.su or self.env.user.has_group("cs_management.group_cs_manager"):
            return
        raise AccessError(
            _("Only a Customer Service manager can assign service roles.")
        )
