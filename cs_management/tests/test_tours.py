from odoo.tests import HttpCase, tagged

from .common import CsOrganisationCase, CsTicketCase


@tagged("post_install", "-at_install")
class TestStoreManagerTour(HttpCase, CsOrganisationCase):
    def test_store_manager_sees_only_its_store_tickets(self):
        self.start_tour(
            "/odoo", "cs_store_manager_sees_own_store", login=self.store_manager_a.user_id.login
        )


@tagged("post_install", "-at_install")
class TestComplaintTour(HttpCase, CsTicketCase):
    def test_an_agent_takes_a_complaint_from_acceptance_to_closed(self):
        self.env["hr.department"].create({"name": "Tour Quality Dept"})
        self.agent_a.user_id.name = "Tour Agent"
        ticket = self._new_ticket()
        self.start_tour(f"/odoo/cs-tickets/{ticket.id}", "cs_complaint_acceptance_to_closed", login=self.agent_a.user_id.login)
        self.assertEqual(ticket.stage_id, self.stage["closed"])
        self.assertEqual(ticket.cs_department_id.name, "Tour Quality Dept")
        self.assertTrue(ticket.cs_followup_done)
        self.assertTrue(ticket.message_ids.filtered(lambda m: "we refund the jar" in (m.body or "")))
