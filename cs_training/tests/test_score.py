"""TRN-4/5: the final score is the course's weighted mean of the theory exam
(from the attendee's answers), the practical exam (the trainer's rubric) and
the customer evaluation; the pass mark decides."""

from odoo.exceptions import UserError, ValidationError

from .common import CsTrainingCase


class TestScore(CsTrainingCase):
    def test_theory_score_comes_from_the_answers(self):
        session = self._session(self.agent_a)
        assessment = self._attempt(self.agent_a, session)
        self.assertFalse(assessment.theory_done)
        self._take_exam(assessment, 3)
        self.assertTrue(assessment.theory_done)
        self.assertEqual(assessment.theory_score, 60.0)

    def test_weighted_final_score_at_the_pass_mark_passes(self):
        session = self._session(self.agent_a)
        assessment = self._attempt(self.agent_a, session)
        self._take_exam(assessment, 4)  # theory 80
        self._score(assessment, 5, 3)  # practical (100 + 60) / 2 = 80
        self.assertEqual(assessment.practical_score, 80.0)
        self.assertEqual(assessment.final_score, 80.0)  # 0.6 * 80 + 0.4 * 80
        self.assertEqual(assessment.state, "passed")

    def test_below_the_pass_mark_fails(self):
        session = self._session(self.agent_a)
        assessment = self._attempt(self.agent_a, session)
        self._take_exam(assessment, 4)  # theory 80 -> 48
        self._score(assessment, 4, 3)  # practical 70 -> 28
        self.assertEqual(assessment.final_score, 76.0)
        self.assertEqual(assessment.state, "failed")

    def test_rubric_weights_count(self):
        self.course.cs_rubric_criterion_ids[0].weight = 3
        session = self._session(self.agent_a)
        assessment = self._attempt(self.agent_a, session)
        self._score(assessment, 5, 1)  # (3 * 100 + 1 * 20) / 4
        self.assertEqual(assessment.practical_score, 80.0)

    def test_customer_evaluation_weighs_in(self):
        self.course.write(
            {
                "cs_theory_weight": 50,
                "cs_practical_weight": 30,
                "cs_customer_weight": 20,
            }
        )
        session = self._session(self.agent_a)
        assessment = self._attempt(self.agent_a, session)
        self._take_exam(assessment, 5)  # 100 -> 50
        assessment.with_user(self.trainer_user).customer_score = 50  # -> 10
        self._score(assessment, 5, 5)  # 100 -> 30
        self.assertEqual(assessment.final_score, 90.0)

    def test_decided_only_when_every_weighted_part_is_in(self):
        session = self._session(self.agent_a)
        assessment = self._attempt(self.agent_a, session)
        self._score(assessment, 5, 5)
        self.assertEqual(assessment.state, "open", "the theory exam is still to take")
        self.assertEqual(assessment.final_score, 0.0)
        self._take_exam(assessment, 5)
        self.assertEqual(assessment.state, "passed")

    def test_weights_are_frozen_when_the_attempt_opens(self):
        session = self._session(self.agent_a)
        assessment = self._attempt(self.agent_a, session)
        self.course.write(
            {"cs_theory_weight": 100, "cs_practical_weight": 0, "cs_pass_mark": 50}
        )
        self.assertEqual((assessment.theory_weight, assessment.pass_mark), (60, 80.0))

    def test_weights_add_up_to_100(self):
        with self.assertRaisesRegex(ValidationError, "add up to 100"):
            self.course.cs_practical_weight = 50
        with self.assertRaisesRegex(ValidationError, "add up to 100"):
            self.env.company.cs_training_customer_weight = 10

    def test_unscored_rubric_cannot_be_recorded(self):
        session = self._session(self.agent_a)
        assessment = self._attempt(self.agent_a, session)
        assessment.line_ids[0].level = "4"
        with self.assertRaisesRegex(UserError, "Accuracy"):
            assessment.with_user(self.trainer_user).action_record_scores()

    def test_a_decided_attempt_is_frozen(self):
        session = self._session(self.agent_a)
        assessment = self._pass(self.agent_a, session)
        with self.assertRaisesRegex(UserError, "already decided"):
            assessment.line_ids[0].level = "0"
        with self.assertRaisesRegex(UserError, "already decided"):
            assessment.customer_score = 10

    def test_a_session_needs_its_exam_instruments(self):
        self.course.cs_exam_survey_id = False
        with self.assertRaisesRegex(UserError, "no exam survey"):
            self._session(self.agent_a)

    def test_the_rubric_reads_in_the_trainers_language(self):
        """The attempt keeps the rubric as it was when it opened, in every
        language: opened in English, it reads in Chinese to a trainer working
        in Chinese, and a later change of the rubric leaves it alone."""
        courtesy = self.course.cs_rubric_criterion_ids[0]
        courtesy.update_field_translations("name", {"zh_TW": "禮貌"})
        courtesy.update_field_translations(
            "description", {"en_US": "Greets", "zh_TW": "問候顧客"}
        )
        assessment = self._attempt(self.agent_a, self._session(self.agent_a))
        line = assessment.line_ids.filtered(lambda line: line.criterion_id == courtesy)
        self.assertEqual((line.name, line.description), ("Courtesy", "Greets"))
        in_chinese = line.with_user(self.trainer_user).with_context(lang="zh_TW")
        self.assertEqual(
            (in_chinese.name, in_chinese.description), ("禮貌", "問候顧客")
        )
        courtesy.with_context(lang="zh_TW").name = "服務禮貌"
        self.env.invalidate_all()
        self.assertEqual(in_chinese.name, "禮貌")
