"""TRN-1/2: needs per employee or team, from several sources, become lines
of the annual plan or enrolments; plan lines become sessions."""

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import CsTrainingCase


class TestNeedsAndPlans(CsTrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Need = cls.env["cs.training.need"].with_user(cls.trainer_user)
        # a company has one plan a year: this test's, not the demo's
        cls.env["cs.training.plan"].search([("year", "=", cls.today.year)]).unlink()
        cls.plan = (
            cls.env["cs.training.plan"]
            .with_user(cls.trainer_user)
            .create({"name": "Plan", "year": cls.today.year})
        )
        cls.product_course = cls.env["hr.course"].create(
            {
                "cs_service_training": True,
                "name": "New serum line",
                "category_id": cls.env.ref("cs_training.course_kind_product").id,
                "cs_method": "online",
                "cs_duration_hours": 2,
                "cs_theory_weight": 100,
                "cs_practical_weight": 0,
                "cs_exam_survey_id": cls.exam.id,
            }
        )

    def _need(self, **values):
        return self.Need.create(
            dict({"name": "Gap", "course_id": self.product_course.id}, **values)
        )

    def test_a_need_is_about_someone(self):
        with self.assertRaisesRegex(ValidationError, "an employee or a team"):
            self._need()

    def test_needs_go_into_the_plan_line_of_their_course(self):
        qa = self._need(employee_id=self.agent_a.id, source="qa")
        product = self._need(team_id=self.team_b.id, source="product")
        (qa | product).action_add_to_plan()
        line = self.plan.line_ids
        self.assertEqual(len(line), 1, "one line per course")
        self.assertEqual(
            (line.course_id, line.method, line.planned_hours),
            (self.product_course, "online", 2),
        )
        self.assertEqual(line.need_ids, qa | product)
        self.assertEqual(set((qa | product).mapped("state")), {"planned"})

    def test_where_a_need_stands_is_recorded_by_its_actions_only(self):
        need = self._need(employee_id=self.agent_a.id)
        forged = (
            {"state": "done"},
            {"closed_date": "2026-01-31"},
            {
                "plan_line_id": self.plan.line_ids.create(
                    {"plan_id": self.plan.id, "course_id": self.product_course.id}
                ).id
            },
            {
                "failed_attendee_id": self.env["hr.course.attendee"]
                .search([], limit=1)
                .id
            },
        )
        for vals in forged:
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                need.write(vals)
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                self._need(employee_id=self.agent_a.id, name="Forged", **vals)
        self.assertEqual(
            (need.state, need.closed_date, need.plan_line_id, need.failed_attendee_id),
            ("new", False, self.plan.line_ids.browse(), self.env["hr.course.attendee"]),
            "nothing written",
        )
        self.assertFalse(self.Need.search([("name", "=", "Forged")]))
        # the trainer's actions still record it
        need.action_cancel()
        self.assertEqual((need.state, need.closed_date), ("cancelled", self.today))
        need.action_reset()
        self.assertEqual((need.state, need.closed_date), ("new", False))
        # a user who may not write the need cannot move it either
        with self.assertRaises(AccessError):
            need.with_user(self.agent_a.user_id).action_cancel()
        self.assertEqual(need.state, "new")

    def test_planning_needs_a_plan_and_a_course(self):
        need = self._need(employee_id=self.agent_a.id, course_id=False)
        with self.assertRaisesRegex(UserError, "Choose a course"):
            need.action_add_to_plan()
        self.plan.action_close()
        need.course_id = self.product_course
        with self.assertRaisesRegex(UserError, "no open .* training plan"):
            need.action_add_to_plan()

    def test_a_team_need_enrols_the_team(self):
        need = self._need(team_id=self.team_a.id, source="product")
        session = self._session(days=3, start=False, course=self.product_course)
        need.action_enrol()
        self.assertEqual(
            session.course_attendee_ids.employee_id,
            self.supervisor_a | self.agent_a | self.presales_a,
        )
        self.assertEqual(set(session.course_attendee_ids.mapped("cs_need_id")), {need})
        self.assertEqual(need.state, "enrolled")

    def test_enrolling_needs_a_session(self):
        need = self._need(employee_id=self.agent_a.id)
        with self.assertRaisesRegex(UserError, "no upcoming session"):
            need.action_enrol()

    def test_a_need_is_done_when_its_people_pass(self):
        need = self._need(employee_id=self.agent_a.id, course_id=self.course.id)
        session = self._session(days=0, start=False)
        need.action_enrol()
        session.draft2waiting()
        session.waiting2inprogress()
        self._pass(self.agent_a, session)
        self.assertEqual(need.state, "done")

    def test_a_plan_line_becomes_a_session_of_its_needs(self):
        need = self._need(employee_id=self.agent_a.id, source="appraisal")
        need.action_add_to_plan()
        line = self.plan.line_ids
        line.write({"date_start": self.today, "date_end": self.today, "budget": 500})
        line.action_create_session()
        session = line.session_ids
        self.assertEqual(
            (session.course_id, session.start_date, session.cost),
            (self.product_course, self.today, 500),
        )
        self.assertEqual(session.course_attendee_ids.employee_id, self.agent_a)
        self.assertEqual(need.state, "enrolled")
        self.assertEqual((line.state, line.actual_cost), ("scheduled", 500))

    def test_plan_totals(self):
        self.plan.line_ids = [
            Command.create({"course_id": self.course.id, "budget": 1000}),
            Command.create({"course_id": self.product_course.id, "budget": 250}),
        ]
        self.assertEqual(self.plan.budget_total, 1250)
        self.assertEqual(self.plan.planned_hours_total, 10)
