"""Who may do what with training records: trainers manage courses, sessions,
assessments, needs and plans; CS managers everything; agents read their own;
supervisors read their subordinates'; auditors read all and change nothing.
Every denial must be an AccessError."""

from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from .common import CsTrainingCase


class TestAccess(CsTrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.session = cls._session(cls.agent_a | cls.agent_b)
        cls.attempt_a = cls.session.cs_assessment_ids.filtered(
            lambda a: a.employee_id == cls.agent_a
        )
        cls.attempt_b = cls.session.cs_assessment_ids - cls.attempt_a
        cls.need_a = cls.env["cs.training.need"].create(
            {"name": "Gap A", "employee_id": cls.agent_a.id}
        )
        cls.need_b = cls.env["cs.training.need"].create(
            {"name": "Gap B", "employee_id": cls.agent_b.id}
        )

    def setUp(self):
        super().setUp()
        # denials are expected here: keep their warnings out of the log
        self.enterContext(
            mute_logger(
                "odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model"
            )
        )

    def _visible(self, user, model):
        return (
            self.env[model]
            .with_user(user)
            .search([("id", "in", self.env[model].search([]).ids)])
        )

    def test_an_agent_reads_only_its_own_training(self):
        agent = self.agent_a.user_id
        self.assertEqual(self._visible(agent, "cs.training.assessment"), self.attempt_a)
        self.assertEqual(
            self._visible(agent, "hr.course.attendee").employee_id, self.agent_a
        )
        self.assertEqual(self._visible(agent, "cs.training.need"), self.need_a)
        with self.assertRaises(AccessError):
            self.attempt_b.with_user(agent).read(["final_score"])

    def test_an_agent_cannot_score_or_certify_itself(self):
        agent = self.agent_a.user_id
        with self.assertRaises(AccessError):
            self.attempt_a.with_user(agent).line_ids.write({"level": "5"})
        with self.assertRaises(AccessError):
            self.attempt_a.with_user(agent).action_record_scores()
        with self.assertRaises(AccessError):
            self.env["cs.training.certificate"].with_user(agent).create(
                {"employee_id": self.agent_a.id, "course_id": self.course.id}
            )
        with self.assertRaises(AccessError):
            self.session.course_attendee_ids.with_user(agent).write(
                {"result": "passed"}
            )

    def test_an_agent_takes_its_own_exam(self):
        action = self.attempt_a.with_user(self.agent_a.user_id).action_start_exam()
        self.assertIn(self.attempt_a.survey_input_ids.access_token, action["url"])

    def test_a_supervisor_reads_its_subordinates(self):
        supervisor = self.supervisor_a.user_id
        self.assertEqual(
            self._visible(supervisor, "cs.training.assessment"), self.attempt_a
        )
        self.assertEqual(self._visible(supervisor, "hr.course.schedule"), self.session)
        with self.assertRaises(AccessError):
            self.attempt_a.with_user(supervisor).write({"customer_score": 50})

    def test_a_supervisor_logs_needs_of_its_subordinates_only(self):
        Need = self.env["cs.training.need"].with_user(self.supervisor_a.user_id)
        Need.create(
            {"name": "Listening", "employee_id": self.agent_a.id, "source": "qa"}
        )
        with self.assertRaises(AccessError):
            Need.create({"name": "Listening", "employee_id": self.agent_b.id})
        self.assertEqual(
            self._visible(self.supervisor_a.user_id, "cs.training.need") & self.need_b,
            Need.browse(),
        )

    def test_a_trainer_runs_the_training(self):
        trainer = self.trainer_user
        course = (
            self.env["hr.course"]
            .with_user(trainer)
            .create(
                {
                    "name": "FAQ refresh",
                    "category_id": self.kind_onboarding.id,
                    "cs_theory_weight": 0,
                    "cs_practical_weight": 100,
                }
            )
        )
        self.env["hr.course.schedule"].with_user(trainer).create(
            {
                "name": "FAQ 1",
                "course_id": course.id,
                "cost": 0,
                "authorized_by": self.trainer.id,
            }
        )
        self._score(self.attempt_a, 4, 4)
        self.assertTrue(self.attempt_a.scores_recorded)
        self.env["cs.training.plan"].with_user(trainer).create(
            {"name": "Plan", "year": 2099}
        )

    def test_certificates_come_from_passed_assessments_or_a_cs_manager(self):
        values = {
            "employee_id": self.agent_a.id,
            "course_id": self.course.id,
            "final_score": 95,
        }
        with self.assertRaises(AccessError):
            self.env["cs.training.certificate"].with_user(self.trainer_user).create(
                values
            )
        # a CS manager records certificates earned before the training records
        self.env["cs.training.certificate"].with_user(self.cs_manager.user_id).create(
            values
        )
        self.assertTrue(self.agent_a.cs_cleared_to_serve)

    def test_an_auditor_reads_everything_and_changes_nothing(self):
        auditor = self.auditor.user_id
        self.assertEqual(
            self._visible(auditor, "cs.training.assessment"),
            self.env["cs.training.assessment"].search([]),
        )
        self.assertEqual(
            self._visible(auditor, "cs.training.need"),
            self.env["cs.training.need"].search([]),
        )
        for record, values in (
            (self.attempt_a, {"customer_score": 1}),
            (self.need_a, {"name": "x"}),
            (self.course, {"name": "x"}),
            (self.session, {"place": "x"}),
        ):
            with self.subTest(model=record._name), self.assertRaises(AccessError):
                record.with_user(auditor).write(values)
        with self.assertRaises(AccessError):
            self.env["cs.training.plan"].with_user(auditor).create(
                {"name": "Plan", "year": 2099}
            )

    def test_a_cs_manager_may_do_everything(self):
        manager = self.cs_manager.user_id
        self.env["cs.training.plan"].with_user(manager).create(
            {"name": "Plan", "year": 2099}
        )
        self.attempt_b.with_user(manager).customer_score = 10
        self.need_b.with_user(manager).unlink()
