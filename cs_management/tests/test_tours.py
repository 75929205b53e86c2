from datetime import date

from odoo.tests import HttpCase, tagged
from odoo.tools.misc import format_date

from .common import TEST_LANG, CsOrganisationCase, CsTicketCase, CsTourMixin


@tagged("post_install", "-at_install")
class TestStoreManagerTour(CsTourMixin, HttpCase, CsOrganisationCase):
    def test_store_manager_sees_only_its_store_tickets(self):
        self._start_tour_as(
            self.store_manager_a.user_id, "/odoo", "cs_store_manager_sees_own_store"
        )


@tagged("post_install", "-at_install")
class TestComplaintTour(CsTourMixin, HttpCase, CsTicketCase):
    def test_an_agent_takes_a_complaint_from_acceptance_to_closed(self):
        self.env["hr.department"].create({"name": "Tour Quality Dept"})
        self.env["cs.root.cause"].create({"name": "Tour root cause"})
        self.agent_a.user_id.name = "Tour Agent"
        ticket = self._new_ticket()
        in_chinese = self.env(context={"lang": TEST_LANG})
        given = {
            "stages": {step: stage.id for step, stage in self.stage.items()},
            "closedName": self.stage["closed"].with_env(in_chinese).name,
            "deadline": format_date(in_chinese, date(2030, 1, 31)),
        }
        self._start_tour_as(
            self.agent_a.user_id,
            f"/odoo/cs-tickets/{ticket.id}",
            "cs_complaint_acceptance_to_closed",
            given,
        )
        self.assertEqual(ticket.stage_id, self.stage["closed"])
        self.assertEqual(ticket.cs_department_id.name, "Tour Quality Dept")
        self.assertTrue(ticket.cs_followup_done)
        self.assertTrue(
            ticket.message_ids.filtered(lambda m: "we refund the jar" in (m.body or ""))
        )


@tagged("post_install", "-at_install")
class TestMeasuresTour(CsTourMixin, HttpCase, CsOrganisationCase):
    def test_no_data_shows_a_dash_and_targets_their_gap(self):
        # store B this month: one inquiry (its ticket), no customer solved,
        # no rating; target 4 inquiries: gap -3
        self.env["cs.target"].create(
            {"store_id": self.store_b.id, "kpi": "inquiries", "value": 4}
        )
        self._start_tour_as(
            self.cs_manager.user_id, "/odoo", "cs_measures_no_data_and_targets"
        )
