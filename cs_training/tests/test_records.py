"""TRN-7 and ORG-4: the employee's training record (history, hours a year)
and what the career path still requires."""

from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user

from .common import CsTrainingCase


class TestRecords(CsTrainingCase):
    def test_training_hours_count_sessions_attended_this_year(self):
        attended = self._session(self.agent_a)
        missed = self._session(self.agent_a, days=1)
        missed.course_attendee_ids.cs_attended = False
        self._session(self.agent_a, days=2, start=False)  # not held yet
        self.assertEqual(attended.course_attendee_ids.cs_hours, 8)
        self.assertEqual(self.agent_a.cs_training_hours_year, 8)
        last_year = self._session(self.agent_a, days=-400)
        self.assertEqual(last_year.course_attendee_ids.cs_hours, 8)
        self.assertEqual(self.agent_a.cs_training_hours_year, 8)

    def test_history_keeps_every_attempt(self):
        session = self._session(self.agent_a)
        self._fail(self.agent_a, session)
        self._pass(self.agent_a, session)
        enrolment = self.agent_a.courses_ids
        self.assertEqual(
            enrolment.cs_assessment_ids.mapped("state"), ["passed", "failed"]
        )
        self.assertEqual(enrolment.cs_certificate_id, self.agent_a.cs_certificate_ids)

    def test_career_path_shows_what_is_missing(self):
        complaint = self.env["hr.course"].create(
            {
                "cs_service_training": True,
                "name": "Complaint drill",
                "category_id": self.kind_onboarding.id,
            }
        )
        self.roles["specialist"].cs_promotion_requirement_ids = [
            Command.clear(),
            Command.create({"course_id": self.course.id, "min_score": 90}),
            Command.create({"course_id": complaint.id, "min_score": 80}),
        ]
        gap = self.agent_a.cs_promotion_gap
        self.assertIn("Test onboarding: no valid certificate (minimum 90.0)", gap)
        self.assertIn("Complaint drill: no valid certificate", gap)
        self._pass(self.agent_a, self._session(self.agent_a))  # 92
        self.env["cs.training.certificate"].create(
            {
                "employee_id": self.agent_a.id,
                "course_id": complaint.id,
                "final_score": 70,
            }
        )
        self.agent_a.invalidate_recordset(["cs_promotion_gap"])
        self.assertEqual(
            self.agent_a.cs_promotion_gap, "Complaint drill: 70.0, minimum 80.0"
        )
        self.env["cs.training.certificate"].create(
            {
                "employee_id": self.agent_a.id,
                "course_id": complaint.id,
                "final_score": 85,
                "issue_date": self.today - relativedelta(days=1),
            }
        )
        self.agent_a.invalidate_recordset(["cs_promotion_gap"])
        self.assertEqual(
            self.agent_a.cs_promotion_gap,
            "Meets the training requirements for CS Supervisor.",
        )
        self.assertFalse(self.cs_manager.cs_promotion_gap, "the top of the path")

    def test_training_recorded_when_going_live_has_no_score_to_compare(self):
        self.roles["specialist"].cs_promotion_requirement_ids = [
            Command.clear(),
            Command.create({"course_id": self.course.id, "min_score": 90}),
        ]
        self.agent_a.with_user(
            self.cs_manager.user_id
        ).action_cs_record_prior_onboarding()
        self.agent_a.invalidate_recordset(["cs_promotion_gap"])
        self.assertEqual(
            self.agent_a.cs_promotion_gap,
            "Test onboarding: certificate recorded without a score (minimum 90.0)",
        )

    def test_only_trainers_and_cs_managers_decide_what_is_service_training(self):
        hr_manager = new_test_user(
            self.env,
            login="t_hr_manager_course",
            groups="base.group_user,hr.group_hr_manager",
        )
        Course = self.env["hr.course"]
        with self.assertRaises(AccessError):
            self.course.with_user(hr_manager).write({"cs_service_training": False})
        with self.assertRaises(AccessError):
            Course.with_user(hr_manager).create(
                {
                    "name": "Sneaky gate",
                    "category_id": self.kind_onboarding.id,
                    "cs_service_training": True,
                }
            )
        self.assertTrue(self.course.cs_service_training)
        self.assertFalse(Course.search([("name", "=", "Sneaky gate")]))
        # plain courses stay the HR manager's; trainers decide
        plain = Course.with_user(hr_manager).create(
            {"name": "Forklift safety", "category_id": self.kind_onboarding.id}
        )
        self.assertFalse(plain.cs_service_training)
        plain.with_user(self.trainer.user_id).write({"cs_service_training": True})
        self.assertTrue(plain.cs_service_training)
