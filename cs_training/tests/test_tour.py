from odoo.tests import HttpCase, tagged

from odoo.addons.cs_management.tests.common import CsTourMixin

from .common import CsTrainingCase


@tagged("post_install", "-at_install")
class TestTrainerTour(CsTourMixin, HttpCase, CsTrainingCase):
    def test_trainer_records_the_practical_exam_and_the_gate_lifts(self):
        self.course.cs_rubric_criterion_ids[1:].unlink()
        session = self._session(self.agent_a)
        assessment = self._attempt(self.agent_a, session)
        self._take_exam(assessment, 5)
        self.assertFalse(self.agent_a.cs_cleared_to_serve)
        self._start_tour_as(
            self.trainer_user, "/odoo", "cs_training_trainer_scores_practical"
        )
        self.assertEqual(assessment.state, "passed")
        self.assertTrue(self.agent_a.cs_cleared_to_serve)
        self.ticket_b.user_id = self.agent_a.user_id
