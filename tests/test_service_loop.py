"""The service loop end to end (issue 15), through the real actions as the
people who act: weak QA results open a training need, the appraisal's weak
criterion opens another, the trainer schedules a session, the agent fails,
retakes and passes, the gate lifts, the next weeks' KPIs improve and the
effectiveness report shows it.

Dates: QA in March 2025, the March appraisal published on 2 April, the
session on 7 April, QA again in April and May. Test Card scores (percent):
points (2, 1, 3) score 76, (5, 1, 3) score 100."""

from datetime import date, datetime

from odoo.exceptions import ValidationError

from odoo.addons.cs_appraisal.tests.common import CsAppraisalCase
from odoo.addons.cs_management.tests.common_qa import CsQaCase
from odoo.addons.cs_training.tests.common import CsTrainingCase

from .common import SuiteCase


class TestServiceLoop(CsTrainingCase, CsQaCase, CsAppraisalCase, SuiteCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # agent A moves to the counter without the onboarding certificate
        cls.courtesy.cs_course_id = cls.course
        cls.knowledge_course = cls.env["hr.course"].create(
            {
                "name": "Product knowledge",
                "cs_service_training": True,
                "category_id": cls.kind_onboarding.id,
            }
        )
        cls.criterion["Knowledge"].course_id = cls.knowledge_course
        cls.Need = cls.env["cs.training.need"]

    def _qa(self, day, courtesy):
        """Supervisor A's live check of agent A, scored and published."""
        inspection = self._inspect(
            self.supervisor_a,
            agent=self.agent_a,
            date=day,
            remarks="<p>Greet by name, close with thanks.</p>",
        )
        CsQaCase._score(inspection, courtesy, 1, 3)
        inspection.action_publish()
        return inspection

    def _needs(self, source):
        return self.Need.search(
            [("employee_id", "=", self.agent_a.id), ("source", "=", source)]
        )

    def _assign_ticket(self):
        return self._ticket("Counter question", self.team_a, self.agent_a)

    def test_the_loop(self):
        Kpi = self.env["cs.kpi.report"]
        # 1. three weak courtesy results in March open one QA need
        with self._at(datetime(2025, 3, 20, 10)):
            for day in ("2025-03-03", "2025-03-10", "2025-03-17"):
                self._qa(day, courtesy=2)
        qa_need = self._needs("qa")
        self.assertEqual((len(qa_need), qa_need.course_id), (1, self.course))

        # 2. the March appraisal: knowledge 2 of 10 (under 60) opens another
        with self._at(datetime(2025, 4, 2, 9)):
            form = self._form(self.agent_a)
            self._to_review(form, {"Attitude": 4, "Knowledge": 2, "Teamwork": 5})
            self._score_criteria(
                form, self.supervisor_a, {"Attitude": 3, "Knowledge": 2, "Teamwork": 4}
            )
            self._as(self.supervisor_a, form).action_submit_review()
            manager = self._as(self.cs_manager, form)
            # whatever the grade: the plan a poor grade asks for
            manager.improvement_plan = "Courtesy and product training"
            manager.action_publish()
        appraisal_need = self._needs("appraisal")
        self.assertEqual(appraisal_need.course_id, self.knowledge_course)
        self.assertEqual(appraisal_need.cs_appraisal_id, form)

        # 3. the trainer schedules a session and enrols the QA need
        with self._at(datetime(2025, 4, 2, 10)):
            session = (
                self.env["hr.course.schedule"]
                .with_user(self.trainer_user)
                .create(
                    {
                        "name": "Courtesy, April",
                        "course_id": self.course.id,
                        "start_date": date(2025, 4, 7),
                        "end_date": date(2025, 4, 7),
                        "cost": 100,
                        "authorized_by": self.cs_manager.id,
                        "cs_trainer_id": self.trainer_user.id,
                    }
                )
            )
            qa_need.with_user(self.trainer_user).action_enrol()
        self.assertEqual(qa_need.state, "enrolled")
        with self.assertRaises(ValidationError):  # not cleared to serve yet
            self._assign_ticket()

        # 4. the session: the agent fails, retakes and passes; the gate lifts
        with self._at(datetime(2025, 4, 7, 9)):
            session.with_user(self.trainer_user).draft2waiting()
            session.with_user(self.trainer_user).waiting2inprogress()
            self._fail(self.agent_a, session)
            self._pass(self.agent_a, session)
            attendee = session.course_attendee_ids
            attendee.with_user(self.agent_a.user_id)._cs_record_reflection(
                "Use the customer's name; thank before closing."
            )
        self.assertEqual(attendee.result, "passed")
        self.assertEqual(attendee.cs_attempt_count, 2)
        self.assertEqual(qa_need.state, "done")
        with self._at(datetime(2025, 4, 8, 9)):  # the certificate is valid
            self.agent_a.invalidate_recordset()
            self.assertTrue(self.agent_a.cs_cleared_to_serve)
            self.assertEqual(self._assign_ticket().user_id, self.agent_a.user_id)

        # 5. the next weeks: full courtesy
        with self._at(datetime(2025, 5, 5, 18)):
            self._qa("2025-04-20", courtesy=5)
            self._qa("2025-05-02", courtesy=5)
        self.env.flush_all()
        march = Kpi.get_employee_kpis(self.agent_a, date(2025, 3, 1), date(2025, 3, 31))
        may = Kpi.get_employee_kpis(self.agent_a, date(2025, 5, 1), date(2025, 5, 31))
        self.assertEqual((march["qa_average"], may["qa_average"]), (76.0, 100.0))

        # 6. the effectiveness report: 10 and 17 March before, 20 April and
        # 2 May after (4 weeks each side of 7 April)
        with self._at(datetime(2025, 6, 1, 9)):
            attendee.invalidate_recordset()
            report = attendee.with_user(self.trainer_user)
            self.assertEqual(report.cs_effect_iqs, "76.0 → 100.0 (+24.0)")
            self.assertEqual(report.cs_course_effect_iqs, "76.0 → 100.0 (+24.0)")
            self.assertTrue(report.cs_effect_final)
            # the trainer keeps the course, the plan logs it
            plan = (
                self.env["cs.training.plan"]
                .with_user(self.trainer_user)
                .create({"name": "Plan 2025", "year": 2025})
            )
            line = (
                self.env["cs.training.plan.line"]
                .with_user(self.trainer_user)
                .create({"plan_id": plan.id, "course_id": self.course.id})
            )
            line.write({"cs_decision": "keep", "cs_decision_note": "IQS +24"})
            self.assertIn("IQS +24", plan.message_ids[:1].body)
            # the employee's growth tab shows the months and the effect
            growth = self.agent_a.with_user(self.cs_manager.user_id).cs_service_growth
        self.assertIn("2025-03", growth)
        self.assertIn("76.0 → 100.0 (+24.0)", growth)
