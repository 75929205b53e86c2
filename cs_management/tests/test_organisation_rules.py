"""ORG-1: stores and their constraints; bad input is refused and nothing is
written."""

import psycopg2

from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from .common import CsOrganisationCase


class TestOrganisationRules(CsOrganisationCase):
    def test_store_code_is_unique_per_company(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.IntegrityError):
            with self.env.cr.savepoint():
                self.env["cs.store"].create({"code": "TA", "name": "Duplicate"})
        other = self.env["cs.store"].create(
            {
                "code": "TA",
                "name": "Same code elsewhere",
                "company_id": self.other_company.id,
            }
        )
        self.assertEqual(other.code, self.store_a.code)

    def test_employee_cannot_join_a_store_of_another_company(self):
        with (
            self.assertRaisesRegex(ValidationError, "cannot join store"),
            self.env.cr.savepoint(),
        ):
            self.agent_a.cs_store_id = self.store_c
        self.assertEqual(self.agent_a.cs_store_id, self.store_a)

    def test_store_manager_must_work_in_the_store(self):
        with (
            self.assertRaisesRegex(ValidationError, "assign them to the store first"),
            self.env.cr.savepoint(),
        ):
            self.store_b.manager_id = self.agent_a
        self.assertEqual(self.store_b.manager_id, self.store_manager_b)
        with self.assertRaisesRegex(ValidationError, "assign them to the store first"):
            self.store_b.supervisor_ids = self.supervisor_a

    def test_a_store_manager_cannot_leave_the_store_it_leads(self):
        with (
            self.assertRaisesRegex(ValidationError, "assign them to the store first"),
            self.env.cr.savepoint(),
        ):
            self.store_manager_a.cs_store_id = self.store_b
        self.assertEqual(self.store_manager_a.cs_store_id, self.store_a)
        with self.assertRaisesRegex(ValidationError, "assign them to the store first"):
            self.supervisor_a.cs_store_id = False

    def test_role_needs_a_customer_service_group(self):
        Role = self.env["cs.role"]
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.IntegrityError):
            with self.env.cr.savepoint():
                Role.create({"name": "Greeter", "code": "greeter"})
        with (
            self.assertRaisesRegex(
                ValidationError, "must grant a Customer Service group"
            ),
            self.env.cr.savepoint(),
        ):
            Role.create(
                {
                    "name": "Greeter",
                    "code": "greeter",
                    "group_id": self.env.ref("base.group_system").id,
                }
            )
        self.assertFalse(Role.search([("code", "=", "greeter")]))

    def test_no_role_appoints_administrators(self):
        """CS managers hand out roles: a role granting the Administrator group
        would let them make anyone, themselves too, an administrator."""
        admin = self.env.ref("cs_management.group_cs_admin")
        Role = self.env["cs.role"]
        role = self.roles["specialist"]
        for attempt in (
            lambda: Role.create({"name": "Root", "code": "root", "group_id": admin.id}),
            lambda: (
                role.with_user(self.cs_manager.user_id)
                .sudo()
                .write({"group_id": admin.id})
            ),
        ):
            with (
                self.assertRaisesRegex(ValidationError, "appointed by hand"),
                self.env.cr.savepoint(),
            ):
                attempt()
        self.assertNotEqual(role.group_id, admin)
        self.assertFalse(Role.search([("code", "=", "root")]))

    def test_promotion_path_cannot_loop(self):
        with self.assertRaisesRegex(ValidationError, "cannot loop"):
            self.roles["cs_manager"].next_role_id = self.roles["specialist"]

    def test_a_held_role_cannot_be_deleted(self):
        with self.assertRaisesRegex(ValidationError, "still held"):
            self.roles["trainer"].unlink()

    def test_ticket_store_follows_its_team(self):
        self.assertEqual(self.ticket_a.cs_store_id, self.store_a)
        self.ticket_a.team_id = self.team_b
        self.assertEqual(self.ticket_a.cs_store_id, self.store_b)

    def test_store_counts_open_tickets_and_staff(self):
        self.assertEqual(self.store_a.employee_count, 4)
        self.assertEqual(self.store_a.open_ticket_count, 1)
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        self.ticket_a.stage_id = done
        self.store_a.invalidate_recordset()
        self.assertEqual(self.store_a.open_ticket_count, 0)
        # counts as seen by the user asking: a store manager of B sees none of A
        self.assertEqual(
            self.store_b.with_user(self.store_manager_b.user_id).open_ticket_count, 1
        )
