from datetime import date

from odoo.tests import HttpCase, tagged

from .common import CsTourMixin
from .common_qa import CsQaCase


@tagged("post_install", "-at_install")
class TestQaTour(CsTourMixin, HttpCase, CsQaCase):
    def test_an_agent_reads_and_acknowledges_its_quality_result(self):
        inspection = self._inspect(
            self.supervisor_a, self._new_ticket(kind="consultation")
        )
        self._score(inspection, 4, 1, 2)
        inspection.remarks = "<p>Greet the customer by name.</p>"
        inspection.with_user(self.supervisor_a.user_id).action_publish()
        self._start_tour_as(
            self.agent_a.user_id, "/odoo", "cs_qa_agent_acknowledges_result"
        )
        self.assertEqual(inspection.state, "acknowledged")

    def test_a_reviewer_publishes_a_sampled_review(self):
        self.scorecard.write(
            {"sample_active": True, "team_ids": [(6, 0, self.team_a.ids)]}
        )
        ticket = self._closed_ticket(self.agent_a, "2025-03-03")
        [inspection] = self.scorecard._sample(date(2025, 3, 1), date(2025, 4, 1))[0]
        self.assertEqual(inspection.ticket_id, ticket)
        self._start_tour_as(
            self.supervisor_a.user_id, "/odoo", "cs_qa_reviewer_publishes_result"
        )
        self.assertEqual(inspection.state, "published")
        self.assertIn("Well handled", inspection.remarks)
