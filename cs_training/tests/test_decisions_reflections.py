"""002 §5.4.1–3: the trainer's keep/change/drop decision on a plan line, and
the attendee's written reflection after a session."""

from odoo.exceptions import AccessError, UserError

from .common import CsTrainingCase


class TestDecisionsAndReflections(CsTrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["cs.training.plan"].search([("year", "=", cls.today.year)]).unlink()
        cls.plan = (
            cls.env["cs.training.plan"]
            .with_user(cls.trainer_user)
            .create({"name": "Plan", "year": cls.today.year})
        )
        cls.line = cls.env["cs.training.plan.line"].create(
            {"plan_id": cls.plan.id, "course_id": cls.course.id}
        )

    def test_a_trainer_decides_and_the_plan_logs_it(self):
        self.line.with_user(self.trainer_user).write(
            {"cs_decision": "change", "cs_decision_note": "Add role play"}
        )
        self.assertEqual(self.line.cs_decided_by, self.trainer_user)
        self.assertEqual(self.line.cs_decided_on, self.today)
        self.assertIn("Add role play", self.plan.message_ids[:1].body)
        self.line.with_user(self.cs_manager.user_id).write(
            {"cs_decision": "drop", "cs_decision_note": "No effect twice"}
        )
        with self.assertRaises(UserError):
            self.line.with_user(self.trainer_user).action_create_session()

    def test_a_decision_needs_its_reasons(self):
        with self.assertRaises(UserError):
            self.line.with_user(self.trainer_user).write({"cs_decision": "keep"})
        self.assertFalse(self.line.cs_decision)

    def test_others_may_not_decide(self):
        for who in (self.supervisor_a, self.agent_a, self.auditor):
            with self.assertRaises(AccessError):
                self.line.with_user(who.user_id).write(
                    {"cs_decision": "drop", "cs_decision_note": "Mine"}
                )
        with self.assertRaises(UserError):
            self.line.with_user(self.trainer_user).write(
                {"cs_decided_by": self.cs_manager.user_id.id}
            )
        self.line.invalidate_recordset()
        self.assertFalse(self.line.cs_decision)
        self.assertFalse(self.line.cs_decided_by)

    def _attendee(self):
        session = self._session(self.agent_a)
        return session.course_attendee_ids

    def test_the_attendee_writes_the_reflection_others_read_it(self):
        attendee = self._attendee()
        wizard = (
            self.env["cs.training.reflection"]
            .with_user(self.agent_a.user_id)
            .create({"attendee_id": attendee.id, "reflection": "Listen first."})
        )
        wizard.action_save()
        self.assertEqual(attendee.cs_reflection, "Listen first.")
        self.assertEqual(attendee.cs_reflection_date, self.today)
        as_supervisor = attendee.with_user(self.supervisor_a.user_id)
        self.assertEqual(as_supervisor.cs_reflection, "Listen first.")

    def test_nobody_else_writes_it(self):
        attendee = self._attendee()
        with self.assertRaises(AccessError):
            attendee.with_user(self.trainer_user)._cs_record_reflection("Not mine")
        with self.assertRaises(UserError):  # a recorded field: no raw write
            attendee.with_user(self.trainer_user).write({"cs_reflection": "Typed"})
        with self.assertRaises(AccessError):
            attendee.with_user(self.agent_a.user_id).write({"cs_reflection": "Typed"})
        attendee.invalidate_recordset()
        self.assertFalse(attendee.cs_reflection)

    def test_no_reflection_before_the_session(self):
        session = self._session(days=5, start=False)
        attendee = session._cs_enrol(self.agent_a)  # enrolled, not held yet
        with self.assertRaises(UserError):
            attendee.with_user(self.agent_a.user_id)._cs_record_reflection("Early")
