"""APR-6: the grade sets the bonus coefficient; the form proposes a
promotion (when the career path of cs_training allows it), a salary
increase, training or an improvement plan; weak criteria become training
needs in cs_training."""

from odoo.exceptions import AccessError, UserError

from .common import MONTH, CsAppraisalCase

EXCELLENT = {"Attitude": 5, "Knowledge": 10, "Teamwork": 5}


class TestOutcomes(CsAppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.course = cls.env["hr.course"].create(
            {
                "cs_service_training": True,
                "name": "Complaint handling drill",
                "category_id": cls.env.ref("cs_training.course_kind_complaint").id,
            }
        )
        cls.env["cs.training.promotion.requirement"].search([]).unlink()
        cls.criterion["Attitude"].course_id = cls.course
        cls.env["cs.training.promotion.requirement"].create(
            {
                "role_id": cls.roles["specialist"].id,
                "course_id": cls.course.id,
                "min_score": 80,
            }
        )

    def _publish(self, form, self_scores, supervisor_scores, plan=None):
        self._to_review(form, self_scores)
        self._score_criteria(form, form.supervisor_id, supervisor_scores)
        self._as(form.supervisor_id, form).action_submit_review()
        manager = self._as(self.cs_manager, form)
        if plan:
            manager.improvement_plan = plan
        manager.action_publish()
        return form

    def _needs(self, form):
        return self.env["cs.training.need"].search([("cs_appraisal_id", "=", form.id)])

    def test_an_excellent_result_proposes_a_promotion_when_the_career_path_allows(self):
        form = self._publish(self._form(self.agent_a), EXCELLENT, EXCELLENT)
        self.assertEqual(
            (form.final_score, form.grade_id.name, form.bonus_coefficient),
            (100, "A", 1.2),
        )
        self.assertEqual(
            form.recommendation, "salary", "the promotion still needs the course"
        )
        self.assertIn("Complaint handling drill", form.recommendation_note)

        self.env["cs.training.certificate"].create(
            {
                "employee_id": self.agent_a.id,
                "course_id": self.course.id,
                "final_score": 88,
            }
        )
        self._as(self.cs_manager, form)._cs_reopen("Certificate recorded late")
        self._as(self.cs_manager, form).action_publish()
        self.assertEqual(form.recommendation, "promotion")
        self.assertIn("CS Supervisor", form.recommendation_note)

    def test_weak_criteria_become_training_needs_once(self):
        # attitude 2/5 by everyone: 40 < 60; the rest is fine
        scores = {"Attitude": 2, "Knowledge": 9, "Teamwork": 4}
        form = self._publish(self._form(self.agent_a), scores, scores)
        need = self._needs(form)
        self.assertEqual(len(need), 1)
        self.assertEqual(need.cs_appraisal_line_id, self._line(form, "Attitude"))
        self.assertEqual(
            (need.employee_id, need.course_id, need.source),
            (self.agent_a, self.course, "appraisal"),
        )
        self.assertEqual(need.user_id, self.supervisor_a.user_id)
        self.assertIn("Attitude", need.name)
        self.assertNotIn("40", need.name, "trainers read needs: no score in the title")
        self.assertEqual((need.deadline - form.published_date).days, 30)
        # reopened and published again: no second need
        self._as(self.cs_manager, form)._cs_reopen("Check")
        self._as(self.cs_manager, form).action_publish()
        self.assertEqual(self._needs(form), need)
        self.assertEqual(
            self._as(self.agent_a, form).training_need_ids,
            need,
            "the employee sees its needs",
        )

    def test_nobody_names_the_appraisal_of_a_need_by_hand(self):
        scores = {"Attitude": 2, "Knowledge": 9, "Teamwork": 4}
        form = self._publish(self._form(self.agent_a), scores, scores)
        need = self._needs(form)
        Need = self.env["cs.training.need"].with_user(self.trainer.user_id)
        for vals in (
            {"cs_appraisal_id": False},
            {"cs_appraisal_line_id": self._line(form, "Knowledge").id},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                Need.browse(need.id).write(vals)
        self.assertEqual(
            (need.cs_appraisal_id, need.cs_appraisal_line_id),
            (form, self._line(form, "Attitude")),
            "nothing written",
        )
        copy = Need.browse(need.id).copy()
        self.assertFalse(copy.cs_appraisal_id or copy.cs_appraisal_line_id)

    def test_a_training_grade_without_a_weak_criterion_trains_the_weakest(self):
        # 60, 70, 70 by group weights 30/20/10 (results without data): 65, a D
        scores = {"Attitude": 3, "Knowledge": 7, "Teamwork": 3.5}
        form = self._publish(self._form(self.agent_a), scores, scores)
        self.assertEqual(
            (form.final_score, form.grade_id.name, form.bonus_coefficient),
            (65, "D", 0.5),
        )
        self.assertEqual(form.recommendation, "training")
        self.assertEqual(
            self._needs(form).cs_appraisal_line_id, self._line(form, "Attitude")
        )

    def test_a_poor_result_needs_an_improvement_plan_and_twice_a_position_adjustment(
        self,
    ):
        poor = {"Attitude": 2, "Knowledge": 4, "Teamwork": 2}
        form = self._form(self.agent_a)
        self._to_review(form, poor)
        self._score_criteria(form, self.supervisor_a, poor)
        self._as(self.supervisor_a, form).action_submit_review()
        with self.assertRaisesRegex(UserError, "improvement plan"):
            self._as(self.cs_manager, form).action_publish()
        self._as(
            self.cs_manager, form
        ).improvement_plan = "Daily reply review with the supervisor"
        self._as(self.cs_manager, form).action_publish()
        self.assertEqual(
            (form.grade_id.name, form.bonus_coefficient, form.recommendation),
            ("E", 0, "improvement"),
        )
        self.assertEqual(len(self._needs(form)), 3, "every criterion under 60")

        april = self.env["cs.appraisal.period"].create(
            {"kind": "monthly", "date_from": MONTH.replace(month=4)}
        )
        second = self._publish(
            self._form(self.agent_a, april), poor, poor, plan="Second plan"
        )
        self.assertEqual(second.recommendation, "reassignment")
