from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CsRole(models.Model):
    """A service role; the employees holding it get its security group."""

    _name = "cs.role"
    _description = "Service Role"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True, help="Technical key used by reports and integrations."
    )
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    group_id = fields.Many2one(
        "res.groups",
        string="Security Group",
        required=True,
        ondelete="restrict",
        domain=lambda self: [
            (
                "category_id",
                "=",
                self.env.ref("cs_management.module_category_customer_service").id,
            )
        ],
        help="Users of the employees holding this role get this group.",
    )
    customer_facing = fields.Boolean(
        default=True,
        help="Holders of this role serve customers directly (tickets, calls, chats).",
    )
    next_role_id = fields.Many2one(
        "cs.role",
        string="Promotion To",
        help="The role an employee holding this one is promoted to.",
    )
    employee_ids = fields.One2many("hr.employee", "cs_role_id", string="Employees")
    employee_count = fields.Integer(compute="_compute_employee_count")

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Another role already uses this code."),
    ]

    def _compute_employee_count(self):
        counts = dict(
            self.env["hr.employee.public"]._read_group(
                [("cs_role_id", "in", self.ids)], ["cs_role_id"], ["__count"]
            )
        )
        for role in self:
            role.employee_count = counts.get(role, 0)

    @api.constrains("group_id")
    def _check_group_is_customer_service(self):
        category = self.env.ref("cs_management.module_category_customer_service")
        # a role is handed out by CS managers: it may not grant more than they
        # hold (the Administrator group is given by hand, by administrators)
        admin = self.env.ref("cs_management.group_cs_admin")
        for role in self:
            if role.group_id == admin:
                raise ValidationError(
                    _(
                        "Role %(role)s cannot grant %(group)s: administrators are "
                        "appointed by hand, not by a service role.",
                        role=role.name,
                        group=admin.full_name,
                    )
                )
            if role.group_id.category_id != category:
                raise ValidationError(
                    _(
                        "Role %(role)s must grant a Customer Service group, "
                        "not %(group)s.",
                        role=role.name,
                        group=role.group_id.full_name,
                    )
                )

    @api.constrains("next_role_id")
    def _check_promotion_path(self):
        if self._has_cycle("next_role_id"):
            raise ValidationError(_("Promotion paths cannot loop back to a role."))

    def write(self, vals):
        formerly_granted = self.group_id
        res = super().write(vals)
        if "group_id" in vals or "active" in vals:
            holders = (
                self.env["hr.employee"].sudo().search([("cs_role_id", "in", self.ids)])
            )
            holders.user_id._sync_cs_role_groups(formerly_granted)
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_held(self):
        held = self.filtered("employee_ids")
        if held:
            raise ValidationError(
                _(
                    "Role %(roles)s is still held by employees; archive it or "
                    "reassign them first.",
                    roles=", ".join(held.mapped("name")),
                )
            )
