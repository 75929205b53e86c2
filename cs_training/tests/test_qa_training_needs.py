"""QA → training (003 §5.1.2): weak QA results open a training need, once."""

from odoo.exceptions import AccessError, ValidationError

from odoo.addons.cs_management.tests.common_qa import CsQaCase

from .common import CsTrainingCase


class TestQaTrainingNeeds(CsTrainingCase, CsQaCase):
    """Test Card: courtesy 5 points, training share 60 % (so 3 points are
    60 %, not under; 2 points are 40 %, under), 2 weak results a month."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_ready_to_serve(cls.agent_a)
        Course = cls.env["hr.course"]
        cls.courtesy_course = Course.create(
            {
                "name": "Courteous replies",
                "cs_service_training": True,
                "category_id": cls.kind_onboarding.id,
            }
        )
        cls.rules_course = Course.create(
            {
                "name": "Forbidden phrases",
                "cs_service_training": True,
                "category_id": cls.kind_onboarding.id,
            }
        )
        cls.courtesy.cs_course_id = cls.courtesy_course
        cls.forbidden.cs_course_id = cls.rules_course
        cls.scorecard.write({"cs_training_share": 60, "cs_training_count": 2})
        cls.Need = cls.env["cs.training.need"]

    def _published(self, day, courtesy=5, forbidden=3, agent=None):
        """A supervisor check of agent A on ``day``, scored and published
        by supervisor A."""
        inspection = self._inspect(
            self.supervisor_a,
            agent=agent or self.agent_a,
            date=day,
            remarks="<p>Greet the customer by name.</p>",
        )
        CsQaCase._score(inspection, courtesy, 1, forbidden)
        inspection.action_publish()
        return inspection

    def _needs(self, course=None):
        return self.Need.search(
            [
                ("employee_id", "=", self.agent_a.id),
                ("course_id", "=", (course or self.courtesy_course).id),
            ]
        )

    def test_the_nth_weak_result_of_the_month_opens_a_need(self):
        self._published("2026-11-03", courtesy=3)  # 60 %: not under the share
        self._published("2026-11-05", courtesy=2)  # 40 %: weak, first
        self.assertFalse(self._needs())
        inspection = self._published("2026-11-20", courtesy=2)  # weak, second
        need = self._needs()
        self.assertEqual(len(need), 1)
        self.assertEqual(need.source, "qa")
        self.assertEqual(need.cs_qa_criterion_id, self.courtesy)
        self.assertEqual(need.cs_qa_inspection_id, inspection)
        self.assertEqual(need.priority, "0")
        self.assertEqual(need.user_id, self.supervisor_a.user_id)

    def test_nobody_names_the_qa_results_of_a_need_by_hand(self):
        self._published("2026-11-05", courtesy=2)
        inspection = self._published("2026-11-20", courtesy=2)
        need = self._needs()
        other = self._published("2026-11-21")
        Need = self.Need.with_user(self.supervisor_a.user_id)
        with self.assertRaises(AccessError):
            Need.browse(need.id).write({"cs_qa_inspection_id": other.id})
        self.assertEqual(need.cs_qa_inspection_id, inspection, "nothing written")
        with self.assertRaises(AccessError):
            Need.create(
                {
                    "name": "Forged from QA",
                    "employee_id": self.agent_a.id,
                    "course_id": self.rules_course.id,
                    "cs_qa_criterion_id": self.forbidden.id,
                }
            )
        self.assertFalse(self._needs(self.rules_course), "nothing created")

    def test_weak_results_of_different_months_do_not_add_up(self):
        self._published("2026-10-30", courtesy=2)
        self._published("2026-11-02", courtesy=2)
        self.assertFalse(self._needs())

    def test_once_while_a_need_is_open_then_again_after_it_is_closed(self):
        for day in ("2026-11-03", "2026-11-04", "2026-11-05"):
            self._published(day, courtesy=1)
        need = self._needs()
        self.assertEqual(len(need), 1)
        need.with_user(self.trainer_user).action_cancel()
        self._published("2026-11-06", courtesy=1)
        self.assertEqual(len(self._needs()), 2)
        self.assertEqual(len(self._needs().filtered(lambda n: n.state == "new")), 1)

    def test_a_critical_failure_opens_an_urgent_need_at_once(self):
        self._published("2026-11-03", forbidden=1)  # under its bar of 2
        need = self._needs(self.rules_course)
        self.assertEqual(len(need), 1)
        self.assertEqual(need.priority, "1")
        self.assertFalse(self._needs())  # courtesy was full

    def test_inspections_published_together_open_one_need(self):
        first, second = (
            self._inspect(
                self.supervisor_a,
                agent=self.agent_a,
                date=day,
                remarks="<p>Greet the customer.</p>",
            )
            for day in ("2026-11-03", "2026-11-04")
        )
        CsQaCase._score(first, 2, 1, 3)
        CsQaCase._score(second, 2, 1, 3)
        (first | second).action_publish()
        self.assertEqual(len(self._needs()), 1)

    def test_a_draft_or_a_criterion_without_course_opens_nothing(self):
        self.courtesy.cs_course_id = False
        self._published("2026-11-03", courtesy=1)
        self._published("2026-11-04", courtesy=1)
        draft = self._inspect(self.supervisor_a, agent=self.agent_a, date="2026-11-05")
        self.courtesy.cs_course_id = self.courtesy_course
        CsQaCase._score(draft, 1, 1, 1)
        self.assertFalse(self.Need.search([("employee_id", "=", self.agent_a.id)]))

    def test_the_threshold_is_a_share_and_a_count(self):
        with self.assertRaises(ValidationError):
            self.scorecard.cs_training_share = 0
        with self.assertRaises(ValidationError):
            self.scorecard.cs_training_count = 0
