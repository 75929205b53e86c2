"""The organisation answered once (ORG-3): who leads whom, which stores one
manages, who answers for an employee; the record rules read the same."""

from odoo.exceptions import AccessError

from .common import CsTicketCase


class TestOrganisation(CsTicketCase):
    def test_a_store_manager_leads_the_reporting_line_and_manages_the_store(self):
        user = self.store_manager_a.user_id.sudo()
        self.assertEqual(
            user.cs_led_employee_ids,
            self.supervisor_a | self.agent_a | self.presales_a,
        )
        self.assertEqual(user.cs_managed_store_ids, self.store_a)
        self.assertFalse(self.agent_a.user_id.sudo().cs_led_employee_ids)
        self.assertFalse(self.agent_a.user_id.sudo().cs_managed_store_ids)

    def test_staff_in_reach_reads_the_same_organisation(self):
        newcomer = self._person("specialist", "t_newcomer_a", self.store_a)
        reach = self.store_manager_a.user_id._cs_staff_in_reach()
        # the reporting line, and the store's staff who report to nobody
        self.assertIn(self.agent_a.user_id, reach)
        self.assertIn(newcomer.user_id, reach)
        self.assertNotIn(self.agent_b.user_id, reach)

    def test_nobody_reads_the_organisation_of_a_user_over_rpc(self):
        for person in (self.agent_a, self.store_manager_a, self.cs_manager):
            with self.subTest(person=person.name), self.assertRaises(AccessError):
                person.user_id.with_user(person.user_id).read(
                    ["cs_led_employee_ids", "cs_managed_store_ids"]
                )

    def test_a_store_changing_hands_changes_who_may_edit_it(self):
        successor = self._person(
            "store_manager", "t_store_manager_a2", self.store_a, self.cs_manager
        )
        store = self.store_a.with_user(successor.user_id)
        # the successor's rules are evaluated, and cached, before the change
        with self.assertRaises(AccessError):
            store.write({"name": "Renamed by the successor"})
        self.store_a.manager_id = successor
        store.write({"name": "Renamed by the successor"})
        self.assertEqual(self.store_a.name, "Renamed by the successor")
        with self.assertRaises(AccessError):
            self.store_a.with_user(self.store_manager_a.user_id).write(
                {"name": "Renamed by the predecessor"}
            )

    def test_leaders_nearest_first(self):
        self.assertEqual(
            self.agent_a._cs_leaders().ids,
            (self.supervisor_a | self.store_manager_a).user_id.ids,
        )
        # nobody they lead answers for them, not even their store's supervisor
        self.assertEqual(self.store_manager_a._cs_leaders(), self.cs_manager.user_id)
        loner = self._person("specialist", "t_loner_a", self.store_a)
        self.assertEqual(
            loner._cs_leaders().ids,
            (self.supervisor_a | self.store_manager_a).user_id.ids,
        )
        self.assertFalse(self.env["hr.employee"]._cs_leaders())
