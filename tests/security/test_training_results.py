"""An exam attempt's terms and outcome, and an enrolment's result, are the
training process's: the trainer scores the rubric and the customer
evaluation, the attendee answers the exam, and nothing else. Each attempt
below is what a trainer or CS manager could send over RPC; each is refused
and, read back as superuser, nothing changed."""

from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

from odoo.addons.cs_training.tests.common import CsTrainingCase

from ..common import SuiteCase
from .common import add_attempts

# what a forged attempt would change: values that pass, or reopen, the exam
CRAFTED_ATTEMPT = {
    "state": "passed",
    "pass_mark": 0,
    "theory_weight": 0,
    "practical_weight": 100,
    "customer_weight": 0,
    "attempt": 1,
    "scores_recorded": True,
    "theory_done": True,
    "theory_score": 100,
    "practical_score": 100,
    "final_score": 100,
}
CRAFTED_ENROLMENT = {
    "result": "passed",
    "cs_enrolment_kind": "regular",
    "cs_failure_action": False,
    "cs_attempt_count": 0,
    "cs_final_score": 100,
    "cs_hours": 40,
}
DECIDERS = ("trainer", "cs_manager")


class TestTrainingResults(SuiteCase, CsTrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.session = cls._session(cls.agent_a | cls.agent_b)
        cls.attendee = cls.session.course_attendee_ids.filtered(
            lambda a: a.employee_id == cls.agent_a
        )
        cls.attempt = cls.attendee.cs_assessment_ids

    def setUp(self):
        super().setUp()
        self.enterContext(
            mute_logger(
                "odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model"
            )
        )

    def _as(self, role, records):
        return records.with_user(getattr(self, role).user_id)

    def _refused(self, attempt, exception=AccessError):
        before = self._snapshot()
        with self.assertRaises(exception), self.env.cr.savepoint():
            attempt()
            self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual(self._snapshot(), before, "nothing is written")

    def _snapshot(self):
        attempts = self.session.sudo().cs_assessment_ids.sorted("id")
        return (
            attempts.read(list(CRAFTED_ATTEMPT) + ["attendee_id"]),
            attempts.line_ids.sorted("id").read(
                ["weight", "level", "criterion_id", "assessment_id"]
            ),
            self.session.sudo()
            .course_attendee_ids.sorted("id")
            .read(list(CRAFTED_ENROLMENT) + ["cs_certificate_id"]),
        )

    # a forged attempt or enrolment, one field at a time
    def _attempt_write_attempt_fields(self, role):
        for name, value in CRAFTED_ATTEMPT.items():
            with self.subTest(field=name):
                self._refused(
                    lambda n=name, v=value: self._as(role, self.attempt).write({n: v})
                )

    def _attempt_move_attempt_to_another_enrolment(self, role):
        other = self.session.course_attendee_ids - self.attendee
        self._refused(
            lambda: self._as(role, self.attempt).write({"attendee_id": other.id})
        )

    def _attempt_open_an_extra_attempt(self, role):
        Attempt = self._as(role, self.env["cs.training.assessment"])
        self._refused(lambda: Attempt.create({"attendee_id": self.attendee.id}))

    def _attempt_delete_an_attempt(self, role):
        self._refused(lambda: self._as(role, self.attempt).unlink())

    def _attempt_reweigh_a_rubric_line(self, role):
        self._refused(
            lambda: self._as(role, self.attempt.line_ids[:1]).write({"weight": 100})
        )

    def _attempt_add_a_rubric_line(self, role):
        Line = self._as(role, self.env["cs.training.assessment.line"])
        self._refused(
            lambda: Line.create(
                {"assessment_id": self.attempt.id, "name": "Easy", "level": "5"}
            )
        )

    def _attempt_drop_a_rubric_line(self, role):
        self._refused(lambda: self._as(role, self.attempt.line_ids[:1]).unlink())

    def _attempt_write_enrolment_result(self, role):
        for name, value in CRAFTED_ENROLMENT.items():
            with self.subTest(field=name):
                self._refused(
                    lambda n=name, v=value: self._as(role, self.attendee).write({n: v})
                )

    def _attempt_give_a_certificate(self, role):
        certificate = self.env["cs.training.certificate"].create(
            {"employee_id": self.agent_b.id, "course_id": self.course.id}
        )
        self._refused(
            lambda: self._as(role, self.attendee).write(
                {"cs_certificate_id": certificate.id}
            )
        )

    def _attempt_mark_everyone_passed(self, role):
        self._refused(lambda: self._as(role, self.session).all_passed(), UserError)

    def test_the_process_still_decides(self):
        """The owning actions record what the trainer may not type in."""
        self._take_exam(self.attempt, 5)
        self._score(self.attempt, 4, 4)
        self.assertEqual(self.attempt.state, "passed")
        self.assertEqual(self.attendee.result, "passed")
        self.assertTrue(self.attendee.cs_certificate_id)
        self.assertEqual(self.attempt.scored_by_id, self.trainer_user)


add_attempts(
    TestTrainingResults,
    DECIDERS,
    (
        "write_attempt_fields",
        "move_attempt_to_another_enrolment",
        "open_an_extra_attempt",
        "delete_an_attempt",
        "reweigh_a_rubric_line",
        "add_a_rubric_line",
        "drop_a_rubric_line",
        "write_enrolment_result",
        "give_a_certificate",
        "mark_everyone_passed",
    ),
)
