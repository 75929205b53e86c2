from odoo.tests import HttpCase, tagged

from odoo.addons.cs_management.tests.common import CsTourMixin

from .common import CsAppraisalCase


@tagged("post_install", "-at_install")
class TestSupervisorTour(CsTourMixin, HttpCase, CsAppraisalCase):
    def test_a_supervisor_completes_a_review(self):
        form = self._form(self.agent_a)
        self._to_review(form, {"Attitude": 4, "Knowledge": 8, "Teamwork": 5})
        self._start_tour_as(
            self.supervisor_a.user_id, "/odoo", "cs_appraisal_supervisor_review"
        )
        self.assertEqual(form.state, "calibration")
        self.assertEqual(
            [
                self._line(form, name).supervisor_score
                for name in ("Attitude", "Knowledge", "Teamwork")
            ],
            [4, 9, 3],
        )
        self.assertEqual(form.supervisor_comment, "Reliable, warm with customers.")
        # 80, 90, 60 by the supervisor (50) and 80, 80, 100 by the employee (10)
        self.assertAlmostEqual(
            self._line(form, "Knowledge").score, (50 * 90 + 10 * 80) / 60
        )
