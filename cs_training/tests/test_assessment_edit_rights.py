"""TRN-4: an attempt's scores are the trainer's to write until it is
decided; the form shows editable exactly what the save accepts, at every
step and for everyone who reads the attempt."""

from odoo.tools import mute_logger

from odoo.addons.cs_management.tests.view_rights import ViewMatchesWrite

from .common import CsTrainingCase


class TestAssessmentEditRights(CsTrainingCase, ViewMatchesWrite):
    def setUp(self):
        super().setUp()
        self.enterContext(
            mute_logger(
                "odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model"
            )
        )

    def _check(self, assessment):
        users = (
            self.trainer_user
            | (
                self.agent_a
                | self.supervisor_a
                | self.store_manager_a
                | self.cs_manager
                | self.auditor
                | self.agent_b
            ).user_id
        )
        return self._assert_view_matches_write(
            assessment,
            users,
            {"customer_score": 50, "customer_feedback": "Checked", "line_ids": []},
            line=assessment.line_ids[:1],
            line_values={"level": "3"},
        )

    def test_the_form_shows_editable_what_the_save_accepts(self):
        session = self._session(self.agent_a)
        assessment = self._attempt(self.agent_a, session)
        checked = self._check(assessment)
        self._score(assessment, 4, 4)
        self.assertEqual(assessment.state, "open", "the theory exam is still to take")
        checked += self._check(assessment)
        self._take_exam(assessment, 5)
        self.assertEqual(assessment.state, "passed")
        checked += self._check(assessment)
        self.assertGreater(
            checked,
            3 * 4,
            "the trainer, the attendee and managers were checked at each step",
        )
