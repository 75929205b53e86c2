from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError


class ResUsers(models.Model):
    _inherit = "res.users"

    cs_role_granted_group_ids = fields.Many2many(
        "res.groups",
        "cs_role_granted_group_rel",
        "user_id",
        "group_id",
        string="Groups Given by Service Roles",
        help="The groups the user did not have and received with a service "
        "role, those its group implies included: taken back with the role.",
        groups="base.group_erp_manager",
        readonly=True,
        copy=False,
    )

    # The organisation, answered once (ORG-3): the record rules, the routing
    # and the Python checks all read these two. Computed for the rules' user
    # (always sudo); their cached domains are cleared when an employee moves
    # or a store changes manager (hr.employee and cs.store write).
    cs_led_employee_ids = fields.Many2many(
        "hr.employee",
        compute="_compute_cs_organisation",
        string="Employees Led",
        help="The employees below this user's employees in the reporting line, "
        "at any depth.",
        groups="base.group_system",
    )
    cs_managed_store_ids = fields.Many2many(
        "cs.store",
        compute="_compute_cs_organisation",
        string="Stores Managed",
        help="The stores one of this user's employees manages.",
        groups="base.group_system",
    )

    def _compute_cs_organisation(self):
        Store = self.env["cs.store"].sudo().with_context(active_test=False)
        stores = Store.search([("manager_id.user_id", "in", self.ids)])
        for user in self:
            user.cs_led_employee_ids = user.sudo().employee_ids.subordinate_ids
            user.cs_managed_store_ids = stores.filtered(
                lambda store, user=user: store.manager_id.user_id == user
            )

    def _sync_cs_role_groups(self, formerly_granted=None):
        """Give each user exactly the groups of its active employees' roles.

        Every group a role hands out (or handed out, ``formerly_granted``) is
        managed here, and so is every group that came with it (a CS manager's
        Helpdesk manager, Sales and HR rights): taking the role back takes
        them back, unless another group the user keeps implies them. A group
        given by hand outside roles stays.
        """
        if not self:
            return
        Role = self.env["cs.role"].sudo().with_context(active_test=False)
        managed = Role.search([]).group_id | (
            formerly_granted or self.env["res.groups"]
        )
        # all companies: ``employee_ids`` only shows the current ones
        held = defaultdict(lambda: self.env["res.groups"])
        for employee in (
            self.env["hr.employee"].sudo().search([("user_id", "in", self.ids)])
        ):
            if employee.cs_role_id.active:
                held[employee.user_id.id] |= employee.cs_role_id.group_id
        for user in self.sudo():
            groups = held[user.id]
            before = user.groups_id
            drop = (
                ((before & managed) | user.cs_role_granted_group_ids)
                - groups
                - groups.trans_implied_ids
            )
            drop -= (before - drop).trans_implied_ids
            add = groups - before
            if drop or add:
                user.write(
                    {
                        "groups_id": [Command.unlink(g.id) for g in drop]
                        + [Command.link(g.id) for g in add]
                    }
                )
                granted = (
                    user.cs_role_granted_group_ids | (user.groups_id - before)
                ) & user.groups_id
                user.cs_role_granted_group_ids = granted - managed

    def _cs_staff_in_reach(self):
        """The users whose work this user leads: its subordinates at any depth
        and the staff of the stores it manages (ORG-3's reporting lines)."""
        self.ensure_one()
        user = self.sudo()
        return (
            user.cs_led_employee_ids | user.cs_managed_store_ids.employee_ids
        ).user_id

    def _cs_reads_only(self):
        """Auditors and trainers read every ticket and inspection and change
        none: not even through their chatter (messages, activities)."""
        reader = self.has_group("cs_management.group_cs_auditor") or self.has_group(
            "cs_management.group_cs_trainer"
        )
        return reader and not self.has_group("cs_management.group_cs_agent")

    @api.model
    def _cs_check_decides(self, field_names, vals, groups, message, creating=False):
        """Refuse ``vals`` when they set one of ``field_names`` (to a true
        value, at creation) and the current user is in none of ``groups``:
        who takes records in or out of the service process is one rule, kept
        here. Call it on ``env["res.users"]`` of the caller's environment."""
        touched = [
            name
            for name in field_names
            if (vals.get(name) if creating else name in vals)
        ]
        if (
            touched
            and not self.env.su
            and not any(self.env.user.has_group(group) for group in groups)
        ):
            raise AccessError(message)
