"""Every formula on known numbers: a criterion's value → score rule, a
criterion's score from its sources, the group and source weighting, the
grade bands, and the weights a template must have."""

from unittest.mock import patch

from odoo.exceptions import ValidationError

from .common import CsAppraisalCase


class TestScoring(CsAppraisalCase):
    def _period_data(self, kpis, training):
        """The period's KPIs and training average, as every employee's (no
        team target)."""
        return patch.object(
            type(self.env["cs.appraisal"]),
            "_measures",
            lambda model, period, employees: {
                employee: (kpis, training, {}) for employee in employees
            },
        )

    def _ask_peer(self, form, peer, scores, comment=False):
        feedback = self._as(
            form.supervisor_id, self.env["cs.appraisal.feedback"]
        ).create({"appraisal_id": form.id, "reviewer_id": peer.id})
        feedback = self._as(peer, feedback)
        for line in feedback.line_ids:
            line.score = scores[line.name]
        feedback.comment = comment
        feedback.action_submit()
        return feedback

    def test_a_measured_value_scores_in_proportion_between_zero_and_target(self):
        resolution = self.criterion["Resolution"]  # 100 % scores 100, 50 % scores 0
        self.assertAlmostEqual(resolution._score_for(90), 80)
        self.assertAlmostEqual(resolution._score_for(75), 50)
        self.assertEqual(resolution._score_for(50), 0)
        self.assertEqual(resolution._score_for(30), 0, "capped at 0")
        complaints = self.criterion[
            "Complaints"
        ]  # lower is better: 0 % scores 100, 10 % scores 0
        self.assertAlmostEqual(complaints._score_for(4), 60)
        self.assertEqual(complaints._score_for(0), 100)
        self.assertEqual(complaints._score_for(25), 0, "capped at 0")
        self.assertEqual(complaints._score_for(-1), 100, "capped at 100")

    def test_what_has_no_data_is_not_measured_as_zero(self):
        complaints = self.criterion["Complaints"]
        self.assertEqual(
            complaints._measure({"complaint_rate": 4.0, "customers_served": 25}, None),
            (4.0, True),
        )
        self.assertEqual(
            complaints._measure({"complaint_rate": 0.0, "customers_served": 0}, None),
            (0.0, False),
        )
        self.assertEqual(complaints._measure(None, None), (0.0, False))
        sales = self.criterion["Complaints"].copy(
            {"kpi": "sales_amount", "target": 1000}
        )
        self.assertEqual(
            sales._measure(None, None), (0.0, True), "a count of nothing is a zero"
        )
        training = self.criterion["Training"]
        self.assertEqual(training._measure(None, 72.5), (72.5, True))
        self.assertEqual(training._measure(None, None), (0.0, False))

    def test_the_combined_score_on_known_numbers(self):
        # measured: complaints 4 % → 60, resolution 90 % → 80, training 70 → 70;
        # customers: 4 ratings averaging 4.5 of 5 → 90
        kpis = {
            "complaint_rate": 4.0,
            "customers_served": 25,
            "resolution_rate": 90.0,
            "customers_with_problem": 10,
            "ratings": 4,
            "rating_average": 4.5,
        }
        self.enterContext(self._period_data(kpis, 70.0))
        form = self._form(self.agent_a)
        # self 4/5, 8/10, 5/5; supervisor 3/5, 9/10, 4/5; one peer 5/5, 7/10, 4/5
        self._as(self.supervisor_a, form).action_start()
        self._score_criteria(
            form, self.agent_a, {"Attitude": 4, "Knowledge": 8, "Teamwork": 5}
        )
        self._as(self.agent_a, form).action_submit_self()
        self._ask_peer(
            form, self.presales_a, {"Attitude": 5, "Knowledge": 7, "Teamwork": 4}
        )
        self._score_criteria(
            form, self.supervisor_a, {"Attitude": 3, "Knowledge": 9, "Teamwork": 4}
        )

        # a criterion scored by people: self 10, supervisor 50, peers 10
        attitude = (10 * 80 + 50 * 60 + 10 * 100) / 70
        knowledge = (10 * 80 + 50 * 90 + 10 * 70) / 70
        teamwork = (10 * 100 + 50 * 80 + 10 * 80) / 70
        self.assertAlmostEqual(self._line(form, "Attitude").score, attitude)
        self.assertAlmostEqual(self._line(form, "Knowledge").score, knowledge)
        self.assertAlmostEqual(self._line(form, "Teamwork").score, teamwork)
        self.assertEqual(self._line(form, "Attitude").peer_score, 5)
        self.assertEqual(self._line(form, "Complaints").score, 60)

        # groups: criteria by weight (complaints 1, resolution 3), then 40/30/20/10
        results = (1 * 60 + 3 * 80) / 4
        ability = (knowledge + 70) / 2
        criteria = 0.4 * results + 0.3 * attitude + 0.2 * ability + 0.1 * teamwork
        self.assertAlmostEqual(form.criteria_score, criteria)
        # sources: the people who scored (10 + 50 + 10) against customers (30)
        combined = (70 * criteria + 30 * 90) / 100
        self.assertAlmostEqual(form.score, combined)
        self.assertAlmostEqual(form.score, 79.1, places=6)
        self.assertAlmostEqual(form.customer_score, 90)
        # each source's view of the same criteria
        self.assertAlmostEqual(
            form.self_score, 0.4 * 75 + 0.3 * 80 + 0.2 * (80 + 70) / 2 + 0.1 * 100
        )
        self.assertAlmostEqual(
            form.supervisor_score, 0.4 * 75 + 0.3 * 60 + 0.2 * (90 + 70) / 2 + 0.1 * 80
        )
        self.assertAlmostEqual(
            form.peer_score, 0.4 * 75 + 0.3 * 100 + 0.2 * (70 + 70) / 2 + 0.1 * 80
        )

        # graded once reviewed: 79.1 is a C; the manager's +1 makes it a B
        self.assertFalse(form.grade_id)
        self._as(self.supervisor_a, form).action_submit_review()
        self.assertEqual(form.grade_id, self.env.ref("cs_appraisal.grade_c"))
        self._as(self.cs_manager, form).write(
            {"calibration_adjustment": 1, "calibration_reason": "Covered a store"}
        )
        self.assertAlmostEqual(form.final_score, 80.1)
        self.assertEqual(form.grade_id, self.env.ref("cs_appraisal.grade_b"))

    def test_what_is_missing_drops_out_instead_of_counting_zero(self):
        """No rating, no peer, no self-assessment, a KPI and training
        without data: their weight goes to the rest."""
        kpis = {
            "customers_served": 0,
            "resolution_rate": 100.0,
            "customers_with_problem": 3,
            "ratings": 0,
        }
        self.enterContext(self._period_data(kpis, None))
        form = self._form(self.presales_a)
        self._as(self.supervisor_a, form).action_start()
        self._as(
            self.supervisor_a, form
        ).action_skip_self()  # March 2025 is long overdue
        self._score_criteria(
            form, self.supervisor_a, {"Attitude": 5, "Knowledge": 5, "Teamwork": 3}
        )
        # results 100 (resolution alone), attitude 100, ability 50 (knowledge alone),
        # teamwork 60
        criteria = (40 * 100 + 30 * 100 + 20 * 50 + 10 * 60) / 100
        self.assertAlmostEqual(form.criteria_score, criteria)
        self.assertAlmostEqual(
            form.score, criteria, msg="customers without ratings drop out"
        )
        self.assertEqual(
            (form.self_score, form.peer_score), (0, 0), "no self-assessment, no peer"
        )
        self.assertFalse(self._line(form, "Complaints").is_scored)

    def test_grade_bands_of_the_shipped_defaults(self):
        Grade = self.env["cs.appraisal.grade"]
        expected = [
            (100, "A", 1.2),
            (90, "A", 1.2),
            (89.995, "A", 1.2),  # scores count to two decimals
            (89.99, "B", 1.0),
            (80, "B", 1.0),
            (79.99, "C", 0.8),
            (70, "C", 0.8),
            (69.99, "D", 0.5),
            (60, "D", 0.5),
            (59.99, "E", 0.0),
            (0, "E", 0.0),
        ]
        for score, name, coefficient in expected:
            grade = Grade._for_score(score)
            self.assertEqual(
                (grade.name, grade.bonus_coefficient), (name, coefficient), score
            )
        self.env.ref("cs_appraisal.grade_b").min_score = 85
        self.assertEqual(Grade._for_score(84).name, "C", "admins move the bands")

    def test_grade_bands_must_not_overlap(self):
        with self.assertRaisesRegex(ValidationError, "same score"):
            self.env["cs.appraisal.grade"].create({"name": "B+", "min_score": 80})
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
            self.env["cs.appraisal.grade"].create({"name": "S", "min_score": 120})

    def test_template_weights_must_each_total_100(self):
        with self.assertRaisesRegex(
            ValidationError, "criteria groups of Test template total 90"
        ):
            self.template.write({"results_weight": 30})
        with self.assertRaisesRegex(
            ValidationError, "customers and peers of Test template total 110"
        ):
            self.template.write({"results_weight": 40, "peer_weight": 20})
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.template.write(
                {"peer_weight": 10, "self_weight": -10, "supervisor_weight": 70}
            )
        self.template.write(
            {"self_weight": 0, "supervisor_weight": 50, "peer_weight": 20}
        )

    def test_criteria_need_a_complete_rule(self):
        with self.assertRaisesRegex(ValidationError, "Choose the KPI"):
            self.criterion["Complaints"].kpi = False
        with self.assertRaisesRegex(ValidationError, "two different values"):
            self.criterion["Resolution"].zero_at = 100
        with self.assertRaisesRegex(ValidationError, "scale of at least 2"):
            self.criterion["Attitude"].scale_max = 1
        with self.assertRaisesRegex(ValidationError, "positive weight"):
            self.criterion["Attitude"].weight = 0

    def test_one_template_per_role(self):
        with self.assertRaisesRegex(
            ValidationError, "already appraised with template Test template"
        ):
            self.env["cs.appraisal.template"].create(
                {"name": "Second", "role_ids": [(6, 0, self.roles["specialist"].ids)]}
            )

    def test_people_score_within_the_scale(self):
        form = self._form(self.agent_a)
        self._as(self.supervisor_a, form).action_start()
        with self.assertRaisesRegex(ValidationError, "from 1 to 5"):
            self._score_criteria(form, self.agent_a, {"Attitude": 6})
        self._score_criteria(form, self.agent_a, {"Knowledge": 10})
