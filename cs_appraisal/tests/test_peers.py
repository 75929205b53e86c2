"""360° feedback: the supervisor asks chosen colleagues; only they answer;
the appraised employee sees the average and the comments, never who."""

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import CsAppraisalCase


class TestPeerFeedback(CsAppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.form = cls._form(cls.agent_a)
        cls.peer = cls.presales_a
        cls.other_peer = cls.agent_b

    def setUp(self):
        super().setUp()
        self.enterContext(
            mute_logger(
                "odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model"
            )
        )

    def _ask(self, *peers):
        """The supervisor adds colleagues in the form's peer list, as in the UI."""
        self._as(self.supervisor_a, self.form).write(
            {
                "feedback_ids": [
                    Command.create({"reviewer_id": peer.id}) for peer in peers
                ]
            }
        )
        return self.form.feedback_ids.filtered(lambda f: f.reviewer_id in peers)

    def _answer(self, feedback, scores, comment):
        feedback = self._as(feedback.reviewer_id, feedback)
        for line in feedback.line_ids:
            line.score = scores[line.name]
        feedback.comment = comment
        feedback.action_submit()

    def test_a_peer_is_asked_answers_and_stays_anonymous(self):
        feedback = self._ask(self.peer)
        self.assertEqual(
            feedback.line_ids.mapped("name"),
            ["Attitude", "Knowledge", "Teamwork"],
            "criteria scored by people only",
        )
        activity = feedback.activity_ids
        self.assertEqual(activity.user_id, self.peer.user_id)
        self.assertEqual(activity.date_deadline, self.period.review_deadline)

        # only the colleague asked answers
        with self.assertRaises(AccessError):
            self._as(self.other_peer, feedback).action_submit()
        with self.assertRaises(AccessError):
            self._as(self.agent_a, feedback.line_ids[0]).write({"score": 5})
        with self.assertRaisesRegex(UserError, "Score every criterion"):
            self._as(self.peer, feedback).action_submit()
        self._answer(
            feedback,
            {"Attitude": 5, "Knowledge": 6, "Teamwork": 4},
            "Always covers the counter",
        )
        self.assertEqual(feedback.state, "submitted")
        self.assertFalse(feedback.activity_ids)
        with self.assertRaisesRegex(UserError, "closed"):
            self._as(self.peer, feedback).write({"comment": "Second thoughts"})

        # the employee sees the average and the words, not the feedback nor its author
        mine = self._as(self.agent_a, self.form)
        self.assertEqual(self._line(mine, "Attitude").peer_score, 5)
        self.assertEqual(mine.peer_feedback_count, 1)
        self.assertEqual(mine.peer_comments, "Always covers the counter")
        self.assertFalse(mine.feedback_ids)
        Feedback = self.env["cs.appraisal.feedback"].with_user(self.agent_a.user_id)
        self.assertFalse(Feedback.search([("employee_id", "=", self.agent_a.id)]))
        with self.assertRaises(AccessError):
            feedback.with_user(self.agent_a.user_id).read(["reviewer_id"])
        with self.assertRaises(AccessError):
            feedback.line_ids.with_user(self.agent_a.user_id).read(["score"])
        self.assertNotIn(self.peer.name, "".join(self.form.message_ids.mapped("body")))
        # the supervisor sees who answered
        self.assertEqual(
            self._as(self.supervisor_a, self.form).feedback_ids.reviewer_id, self.peer
        )

    def test_only_the_supervisor_asks_and_not_the_employee_itself(self):
        with self.assertRaises(AccessError):
            self._as(self.agent_a, self.form).write(
                {"feedback_ids": [Command.create({"reviewer_id": self.peer.id})]}
            )
        with self.assertRaises(AccessError):
            self._as(self.peer, self.env["cs.appraisal.feedback"]).create(
                {"appraisal_id": self.form.id, "reviewer_id": self.peer.id}
            )
        with self.assertRaisesRegex(ValidationError, "Ask colleagues"):
            self._ask(self.agent_a)

    def test_the_review_closes_unanswered_requests(self):
        answered, silent = self._ask(self.peer), self._ask(self.other_peer)
        self._answer(answered, {"Attitude": 4, "Knowledge": 8, "Teamwork": 4}, False)
        self._to_calibration(self.form)
        self.assertEqual(silent.state, "cancelled")
        self.assertFalse(silent.activity_ids)
        self.assertEqual(self._line(self.form, "Knowledge").peer_count, 1)
        with self.assertRaisesRegex(UserError, "closed"):
            self._as(self.other_peer, silent).action_submit()
        with self.assertRaises(AccessError):
            self._ask(self.agent_b)

    def test_the_supervisor_cancels_a_request(self):
        feedback = self._ask(self.peer)
        with self.assertRaises(AccessError):
            self._as(self.agent_a, feedback).action_cancel()
        self._as(self.supervisor_a, feedback).action_cancel()
        self.assertEqual(feedback.state, "cancelled")

    def test_no_score_is_added_or_removed_after_the_fact(self):
        feedback = self._ask(self.peer)
        self._answer(feedback, {"Attitude": 5, "Knowledge": 6, "Teamwork": 4}, "Fine")
        before = sorted(feedback.line_ids.mapped("score"))
        criterion = feedback.line_ids[0].criterion_id
        Line = self.env["cs.appraisal.feedback.line"]
        for person in (self.peer, self.supervisor_a):
            with self.subTest(person=person.name):
                with self.assertRaises(AccessError):
                    self._as(person, Line).create(
                        {
                            "feedback_id": feedback.id,
                            "criterion_id": criterion.id,
                            "score": 1,
                        }
                    )
                with self.assertRaises(UserError):  # AccessError is one too
                    self._as(person, feedback).write(
                        {
                            "line_ids": [
                                Command.create(
                                    {"criterion_id": criterion.id, "score": 1}
                                )
                            ]
                        }
                    )
                with self.assertRaises(AccessError):
                    self._as(person, feedback.line_ids[0]).unlink()
        # nor slipped in with the request, under the peer's name
        with self.assertRaises(AccessError):
            self._as(self.supervisor_a, self.form).write(
                {
                    "feedback_ids": [
                        Command.create(
                            {
                                "reviewer_id": self.other_peer.id,
                                "line_ids": [
                                    Command.create(
                                        {"criterion_id": criterion.id, "score": 1}
                                    )
                                ],
                            }
                        )
                    ]
                }
            )
        feedback.invalidate_recordset()
        self.assertEqual(sorted(feedback.line_ids.mapped("score")), before)
        self.assertFalse(
            self.form.feedback_ids.filtered(lambda f: f.reviewer_id == self.other_peer)
        )
