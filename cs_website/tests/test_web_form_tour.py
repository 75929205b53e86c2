from odoo.tests import HttpCase, tagged

from odoo.addons.cs_management.tests.common import CsTicketCase, CsTourMixin


@tagged("post_install", "-at_install")
class TestWebFormTour(CsTourMixin, HttpCase, CsTicketCase):
    def test_a_visitor_files_a_complaint_seen_in_the_store_kanban(self):
        self.company.email = "contact@lumiere.example.com"
        self.start_tour("/service/request", "cs_website_file_complaint", login=None)
        ticket = self.env["helpdesk.ticket"].search(
            [("name", "=", "Tour lipstick melted in the box")]
        )
        self.assertEqual(ticket.cs_store_id, self.store_a)
        self.assertEqual(ticket.cs_kind, "complaint")
        self.assertEqual(ticket.partner_id.email, "tour.visitor@example.org")
        self._start_tour_as(
            self.agent_a.user_id,
            "/odoo/cs-tickets?view_type=kanban",
            "cs_website_complaint_in_store_kanban",
            {"name": ticket.name},
        )
