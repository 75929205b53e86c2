"""TRN-5 (000 §4.4.5): a failure means a retake, failing the retakes means
retraining, failing retraining means a position adjustment proposal to the
employee's manager. Each step automatic and logged."""

from .common import CsTrainingCase


class TestFailurePath(CsTrainingCase):
    def _log(self, record):
        return "\n".join(record.message_ids.mapped("body"))

    def test_first_failure_opens_a_retake(self):
        session = self._session(self.agent_a)
        first = self._fail(self.agent_a, session)
        attendee = first.attendee_id
        self.assertEqual(first.state, "failed")
        retake = self._attempt(self.agent_a, session)
        self.assertEqual(retake.attempt, 2)
        self.assertTrue(retake.survey_input_ids, "a fresh exam to take")
        self.assertEqual(attendee.result, "pending")
        self.assertIn("retake 1 of 1 opened", self._log(attendee))

    def test_passing_the_retake_certifies(self):
        session = self._session(self.agent_a)
        self._fail(self.agent_a, session)
        retake = self._pass(self.agent_a, session)
        attendee = retake.attendee_id
        self.assertEqual(attendee.result, "passed")
        self.assertEqual(attendee.cs_attempt_count, 2)
        self.assertEqual(attendee.cs_final_score, 92.0)
        self.assertEqual(attendee.cs_certificate_id.final_score, 92.0)

    def test_failing_the_retakes_enrols_in_retraining(self):
        session = self._session(self.agent_a)
        next_session = self._session(days=14, start=False)
        self._fail(self.agent_a, session)
        self._fail(self.agent_a, session)
        attendee = session.course_attendee_ids
        self.assertEqual(attendee.result, "failed")
        self.assertEqual(attendee.cs_failure_action, "retraining")
        retraining = next_session.course_attendee_ids
        self.assertEqual(retraining.employee_id, self.agent_a)
        self.assertEqual(retraining.cs_enrolment_kind, "retraining")
        self.assertEqual(retraining.cs_previous_attendee_id, attendee)
        self.assertIn(
            self.agent_a, next_session.attendant_ids, "hr_course keeps it at start"
        )
        self.assertIn("enrolled in retraining session", self._log(attendee))

    def test_retakes_are_configurable(self):
        self.course.cs_max_retakes = 0
        session = self._session(self.agent_a)
        self._session(days=14, start=False)
        self._fail(self.agent_a, session)
        self.assertEqual(session.course_attendee_ids.cs_failure_action, "retraining")

    def test_without_a_session_retraining_becomes_a_need(self):
        session = self._session(self.agent_a)
        self._fail(self.agent_a, session)
        self._fail(self.agent_a, session)
        attendee = session.course_attendee_ids
        self.assertEqual(attendee.cs_failure_action, "retraining_need")
        need = self.env["cs.training.need"].search(
            [("failed_attendee_id", "=", attendee.id)]
        )
        self.assertEqual((need.employee_id, need.source), (self.agent_a, "assessment"))
        self.assertEqual(need.activity_ids.user_id, self.trainer_user)
        # once a session exists, the need turns into the retraining enrolment
        next_session = self._session(days=7, start=False)
        need.with_user(self.trainer_user).action_enrol()
        self.assertEqual(
            next_session.course_attendee_ids.cs_enrolment_kind, "retraining"
        )
        self.assertEqual(attendee.cs_failure_action, "retraining")

    def test_failing_retraining_proposes_a_position_adjustment(self):
        session = self._session(self.agent_a)
        next_session = self._session(days=14, start=False)
        self._fail(self.agent_a, session)
        self._fail(self.agent_a, session)
        next_session.draft2waiting()
        next_session.waiting2inprogress()
        self._fail(self.agent_a, next_session)
        retraining = next_session.course_attendee_ids
        self.assertEqual(retraining.result, "failed", "retraining has no retake")
        self.assertEqual(retraining.cs_failure_action, "position_adjustment")
        proposal = retraining.activity_ids
        self.assertEqual(
            proposal.activity_type_id,
            self.env.ref("cs_training.mail_activity_position_adjustment"),
        )
        self.assertEqual(
            proposal.user_id,
            self.supervisor_a.user_id,
            "the employee's manager decides",
        )
        history = str(proposal.note)
        for label in (
            f"{session.name}, attempt 1",
            f"{session.name}, attempt 2",
            f"{next_session.name}, attempt 1",
        ):
            self.assertIn(label, history)
        self.assertIn("position adjustment proposed", self._log(retraining))

    def test_an_absent_attendee_is_not_examined(self):
        session = self._session(self.agent_a)
        attendee = session.course_attendee_ids
        attempt = self._attempt(self.agent_a, session)
        attendee.with_user(self.trainer_user).cs_attended = False
        self.assertEqual((attendee.result, attempt.state), ("absent", "cancelled"))
        self.assertFalse(attempt.activity_ids, "nothing left to take or score")
        self.assertEqual(attendee.cs_hours, 0.0)
        attendee.with_user(self.trainer_user).cs_attended = True
        self.assertEqual(attendee.result, "pending")
        self.assertEqual(
            self._attempt(self.agent_a, session).attempt,
            1,
            "a cancelled attempt does not count",
        )
