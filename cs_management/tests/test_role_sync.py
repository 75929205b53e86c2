"""ORG-2: giving an employee a role gives its user the role's group; taking
the role away takes the group away."""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user

from .common import CsOrganisationCase


class TestRoleGroupSync(CsOrganisationCase):
    def _cs_groups(self, user):
        category = self.env.ref("cs_management.module_category_customer_service")
        return set(
            user.groups_id.filtered(lambda g: g.category_id == category)
            .get_external_id()
            .values()
        )

    def test_role_gives_its_group_and_the_implied_ones(self):
        self.assertEqual(
            self._cs_groups(self.supervisor_a.user_id),
            {"cs_management.group_cs_agent", "cs_management.group_cs_supervisor"},
        )
        self.assertTrue(
            self.agent_a.user_id.has_group("helpdesk_mgmt.group_helpdesk_user_own")
        )
        self.assertEqual(
            self._cs_groups(self.auditor.user_id), {"cs_management.group_cs_auditor"}
        )

    def test_changing_the_role_swaps_the_groups(self):
        self.supervisor_a.cs_role_id = self.roles["specialist"]
        self.assertEqual(
            self._cs_groups(self.supervisor_a.user_id), {"cs_management.group_cs_agent"}
        )
        self.supervisor_a.cs_role_id = self.roles["trainer"]
        self.assertEqual(
            self._cs_groups(self.supervisor_a.user_id),
            {"cs_management.group_cs_trainer"},
        )

    def test_removing_the_role_removes_every_role_group(self):
        self.store_manager_a.cs_role_id = False
        self.assertEqual(self._cs_groups(self.store_manager_a.user_id), set())

    def test_archiving_or_deleting_the_employee_removes_the_groups(self):
        user = self.agent_a.user_id
        self.agent_a.action_archive()
        self.assertEqual(self._cs_groups(user), set())
        self.agent_a.action_unarchive()
        self.assertEqual(self._cs_groups(user), {"cs_management.group_cs_agent"})
        self.agent_a.unlink()
        self.assertEqual(self._cs_groups(user), set())

    def test_relinking_the_employee_moves_the_groups(self):
        old_user = self.trainer.user_id
        new_user = new_test_user(self.env, "t_new_trainer", groups="base.group_user")
        self.trainer.user_id = new_user
        self.assertEqual(self._cs_groups(old_user), set())
        self.assertEqual(self._cs_groups(new_user), {"cs_management.group_cs_trainer"})

    def test_a_role_held_elsewhere_is_kept(self):
        """A user employed in two companies keeps the group while one
        employee still holds the role."""
        user = self.agent_a.user_id
        user.company_ids = [Command.link(self.other_company.id)]
        twin = self.env["hr.employee"].create(
            {
                "name": user.name,
                "user_id": user.id,
                "company_id": self.other_company.id,
                "cs_role_id": self.roles["specialist"].id,
            }
        )
        self.agent_a.cs_role_id = False
        self.assertEqual(self._cs_groups(user), {"cs_management.group_cs_agent"})
        twin.cs_role_id = False
        self.assertEqual(self._cs_groups(user), set())

    def test_remapping_a_role_regroups_its_holders(self):
        role = self.roles["auditor"].sudo()
        role.group_id = self.env.ref("cs_management.group_cs_trainer")
        self.assertEqual(
            self._cs_groups(self.auditor.user_id), {"cs_management.group_cs_trainer"}
        )

    def test_groups_given_by_hand_outside_roles_stay(self):
        user = self.agent_a.user_id
        user.groups_id = [Command.link(self.env.ref("cs_management.group_cs_admin").id)]
        self.agent_a.cs_role_id = self.roles["presales"]
        self.assertTrue(user.has_group("cs_management.group_cs_admin"))
        self.assertTrue(user.has_group("cs_management.group_cs_manager"))

    def test_the_groups_a_role_brought_leave_with_it(self):
        """A demoted CS manager keeps none of the Helpdesk, Sales or HR rights
        its role brought along; what it had before stays."""
        user = self.agent_b.user_id
        export = self.env.ref("base.group_allow_export")
        user.groups_id = [Command.link(export.id)]
        before = user.groups_id
        self.agent_b.cs_role_id = self.roles["cs_manager"]
        brought = user.groups_id - before
        category = self.env.ref("cs_management.module_category_customer_service")
        self.assertTrue(
            brought.filtered(lambda group: group.category_id != category),
            "the role brings other rights",
        )
        self.agent_b.cs_role_id = self.roles["specialist"]
        role_now = self.roles["specialist"].group_id
        self.assertEqual(user.groups_id, before | role_now | role_now.trans_implied_ids)
        self.agent_b.cs_role_id = False
        self.assertFalse(user.groups_id & brought)
        self.assertIn(export, user.groups_id)

    def test_only_cs_managers_hand_out_roles(self):
        with self.assertRaises(AccessError):
            self.agent_b.with_user(self.store_manager_a.user_id).write(
                {"cs_role_id": self.roles["cs_manager"].id}
            )
        self.agent_b.with_user(self.cs_manager.user_id).write(
            {"cs_role_id": self.roles["aftersales"].id}
        )
        self.assertEqual(self.agent_b.cs_role_id, self.roles["aftersales"])

    def test_an_hr_officer_cannot_take_a_role_by_linking_a_user(self):
        officer = new_test_user(
            self.env, login="t_hr_officer", groups="base.group_user,hr.group_hr_user"
        )
        manager_employee = self.cs_manager
        for values in (
            {"user_id": officer.id},  # link itself to the CS manager's employee
        ):
            with self.subTest(values=values), self.assertRaises(AccessError):
                manager_employee.with_user(officer).write(values)
        self.assertFalse(officer.has_group("cs_management.group_cs_manager"))
        self.assertNotEqual(manager_employee.user_id, officer)
        # archiving and bringing back an employee with a role is the CS manager's too
        self.agent_b.active = False
        with self.assertRaises(AccessError):
            self.agent_b.with_user(officer).write({"active": True})
        self.assertFalse(self.agent_b.active)
        # employees without a role stay the HR officer's to link
        plain = self.env["hr.employee"].create({"name": "Warehouse clerk"})
        plain.with_user(officer).write({"user_id": officer.id})
        self.assertEqual(plain.user_id, officer)
