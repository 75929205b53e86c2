"""APR-5: open → self-assessment → supervisor review → calibration →
published → acknowledged. Each step lets only its owner write their part;
who sees which form follows the hierarchy. Denials are AccessErrors, steps
taken out of turn UserErrors."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form
from odoo.tools import mute_logger

from odoo.addons.cs_management.tests.jobs import performing_jobs

from .common import CsAppraisalCase


class TestWorkflow(CsAppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.form = cls._form(cls.agent_a)
        cls.other = cls._form(cls.agent_b)

    def setUp(self):
        super().setUp()
        self.enterContext(
            mute_logger(
                "odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model"
            )
        )

    def _todo(self, form):
        return form.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("cs_appraisal.mail_activity_appraisal")
            )
        )

    def test_the_form_takes_the_organisation_and_the_template(self):
        form = self.form
        self.assertEqual(
            form.supervisor_id,
            self.supervisor_a,
            "the supervisor is the manager in the hierarchy",
        )
        self.assertEqual(
            (form.store_id, form.team_id, form.role_id),
            (self.store_a, self.team_a, self.roles["specialist"]),
        )
        self.assertEqual(form.template_id, self.template)
        self.assertEqual(len(form.line_ids), 6)
        self.assertEqual(
            (form.results_weight, form.supervisor_weight, form.customer_weight),
            (40, 50, 30),
        )
        self.template.write({"results_weight": 50, "teamwork_weight": 0})
        self.assertEqual(
            form.results_weight, 40, "later template edits do not rewrite appraisals"
        )

    def test_each_step_lets_only_its_owner_write(self):
        form, agent, supervisor = self.form, self.agent_a, self.supervisor_a
        attitude = self._line(form, "Attitude")

        # open: nothing is scored yet; the supervisor starts
        with self.assertRaises(AccessError):
            self._score_criteria(form, agent, {"Attitude": 4})
        with self.assertRaises(AccessError):
            self._as(agent, form).action_start()
        self._as(supervisor, form).action_start()
        self.assertEqual(form.state, "self_assessment")
        self.assertEqual(self._todo(form).user_id, agent.user_id)
        self.assertEqual(self._todo(form).date_deadline, self.period.self_deadline)

        # self-assessment: the employee's scores and comment, nobody else's
        with self.assertRaises(AccessError):
            self._as(supervisor, attitude).write({"supervisor_score": 3})
        with self.assertRaises(AccessError):
            self._as(agent, attitude).write({"supervisor_score": 3})
        with self.assertRaises(AccessError):
            self._as(supervisor, form).write(
                {"self_comment": "Written for the employee"}
            )
        with self.assertRaisesRegex(UserError, "measured"):
            self._as(agent, self._line(form, "Complaints")).write({"self_score": 5})
        self._score_criteria(form, agent, {"Attitude": 4, "Knowledge": 8})
        with self.assertRaisesRegex(UserError, "Teamwork"):
            self._as(agent, form).action_submit_self()
        self._score_criteria(form, agent, {"Teamwork": 5})
        self._as(agent, form).write({"self_comment": "A good month"})
        with self.assertRaises(AccessError):
            self._as(supervisor, form).action_submit_self()
        self._as(agent, form).action_submit_self()
        self.assertEqual(form.state, "review")
        self.assertEqual(self._todo(form).user_id, supervisor.user_id)

        # review: the supervisor's scores; the employee's are frozen
        with self.assertRaises(AccessError):
            self._as(agent, attitude).write({"self_score": 5})
        with self.assertRaises(AccessError):
            self._as(agent, form).action_submit_review()
        self._score_criteria(form, supervisor, {"Attitude": 3, "Knowledge": 9})
        with self.assertRaisesRegex(UserError, "Teamwork"):
            self._as(supervisor, form).action_submit_review()
        self._score_criteria(form, supervisor, {"Teamwork": 4})
        self._as(supervisor, form).write({"supervisor_comment": "Solid"})
        self._as(supervisor, form).action_submit_review()
        self.assertEqual(form.state, "calibration")
        self.assertEqual(self._todo(form).user_id, self.cs_manager.user_id)

        # calibration: only a CS manager, with a reason for any adjustment
        with self.assertRaises(AccessError):
            self._as(supervisor, form).write({"calibration_adjustment": 5})
        with self.assertRaises(AccessError):
            self._as(supervisor, form).action_publish()
        with self.assertRaises(AccessError):
            self._as(supervisor, attitude).write({"supervisor_score": 5})
        manager_view = self._as(self.cs_manager, form)
        manager_view.calibration_adjustment = -2
        with self.assertRaisesRegex(UserError, "reason"):
            manager_view.action_publish()
        manager_view.calibration_reason = (
            "Two complaints counted in another store's favour"
        )
        manager_view.action_publish()
        self.assertEqual(form.state, "published")
        self.assertIn(
            "Calibrated by -2.00 points", "".join(form.message_ids.mapped("body"))
        )
        self.assertEqual(self._todo(form).user_id, agent.user_id)

        # published: the employee comments and acknowledges; nothing else moves
        with self.assertRaises(AccessError):
            self._as(self.cs_manager, form).write({"calibration_adjustment": 0})
        with self.assertRaises(AccessError):
            self._as(supervisor, form).action_acknowledge()
        self._as(agent, form).write({"employee_comment": "Understood"})
        self._as(agent, form).action_acknowledge()
        self.assertEqual(form.state, "acknowledged")
        self.assertFalse(self._todo(form))
        with self.assertRaises(AccessError):
            self._as(agent, form).write({"employee_comment": "Changed my mind"})

    def test_after_publication_only_a_cs_manager_reopens_with_a_reason(self):
        form = self._published(self.form)
        for person in (self.agent_a, self.supervisor_a, self.store_manager_a):
            with self.assertRaises(AccessError):
                self._as(person, form).action_open_reopen_wizard()
        with self.assertRaisesRegex(UserError, "Say why"):
            self._as(self.cs_manager, form)._cs_reopen(" ")
        wizard = (
            self._as(self.cs_manager, self.env["cs.appraisal.reopen"])
            .with_context(active_ids=form.ids)
            .create({"reason": "A complaint was wrongly assigned to her"})
        )
        wizard.action_reopen()
        self.assertEqual(form.state, "calibration")
        self.assertIn(
            "A complaint was wrongly assigned to her",
            "".join(form.message_ids.mapped("body")),
        )

    def test_the_supervisor_reviews_without_a_self_assessment_only_once_overdue(self):
        form = self.form
        self._as(self.supervisor_a, form).action_start()
        self.period.self_deadline = "2999-12-31"
        with self.assertRaisesRegex(UserError, "is due on"):
            self._as(self.supervisor_a, form).action_skip_self()
        self.period.self_deadline = "2025-04-03"
        self._as(self.supervisor_a, form).action_skip_self()
        self.assertEqual(form.state, "review")

    def test_steps_cannot_be_skipped(self):
        with self.assertRaisesRegex(UserError, "this needs the step"):
            self._as(self.cs_manager, self.form).action_publish()
        with self.assertRaisesRegex(UserError, "this needs the step"):
            self._as(self.agent_a, self.form).action_acknowledge()
        with self.assertRaises(AccessError):
            self._as(self.agent_a, self.form).write({"state": "published"})

    def test_employees_see_their_own_forms_supervisors_their_subordinates_managers_all(
        self,
    ):
        Appraisal = self.env["cs.appraisal"]
        presales = self._form(self.presales_a)
        supervisor_form = self._form(self.supervisor_a)
        ours = self.form | self.other | presales | supervisor_form

        def visible(employee):
            return Appraisal.with_user(employee.user_id).search(
                [("id", "in", ours.ids)]
            )

        self.assertEqual(visible(self.agent_a), self.form)
        self.assertEqual(
            visible(self.supervisor_a), self.form | presales | supervisor_form
        )
        self.assertEqual(
            visible(self.store_manager_a), self.form | presales | supervisor_form
        )
        self.assertEqual(visible(self.store_manager_b), self.other)
        self.assertEqual(visible(self.cs_manager), ours)
        self.assertEqual(visible(self.auditor), ours)
        with self.assertRaises(AccessError):
            self.other.with_user(self.agent_a.user_id).read(["score"])
        with self.assertRaises(AccessError):
            self._line(self.other, "Attitude").with_user(self.agent_a.user_id).read(
                ["score"]
            )

    def test_above_the_direct_supervisor_one_reads_and_does_not_score(self):
        self._to_review(self.form)
        with self.assertRaises(AccessError):
            self._as(self.store_manager_a, self._line(self.form, "Attitude")).write(
                {"supervisor_score": 4}
            )
        with self.assertRaises(AccessError):
            self._as(self.store_manager_a, self.form).action_submit_review()
        # a CS manager may stand in for an absent supervisor
        self._as(self.cs_manager, self._line(self.form, "Attitude")).write(
            {"supervisor_score": 4}
        )

    def test_the_auditor_reads_everything_and_changes_nothing(self):
        self._to_review(self.form)
        auditor = self.auditor.user_id
        self.form.with_user(auditor).read(["score", "state"])
        with self.assertRaises(AccessError):
            self.form.with_user(auditor).write({"supervisor_comment": "Audit"})
        with self.assertRaises(AccessError):
            self.form.with_user(auditor).action_submit_review()
        with self.assertRaises(AccessError):
            self.period.with_user(auditor).write({"review_deadline": "2025-04-30"})

    def test_only_cs_managers_open_forms_and_only_open_ones_are_deleted(self):
        with self.assertRaises(AccessError):
            self.env["cs.appraisal"].with_user(self.supervisor_a.user_id).create(
                {"period_id": self.period.id, "employee_id": self.presales_a.id}
            )
        with self.assertRaises(AccessError):
            self.period.with_user(self.supervisor_a.user_id).action_open_forms()
        self._as(self.supervisor_a, self.form).action_start()
        with self.assertRaisesRegex(UserError, "only open appraisals"):
            self._as(self.cs_manager, self.form).unlink()
        self._as(self.cs_manager, self.other).unlink()

    def test_the_period_starts_every_open_form(self):
        with performing_jobs():
            self._as(self.cs_manager, self.period).action_start_self_assessment()
        self.assertEqual(
            (self.form | self.other).mapped("state"), ["self_assessment"] * 2
        )
        with self.assertRaisesRegex(UserError, "waiting to start"):
            self._as(self.cs_manager, self.period).action_start_self_assessment()

    def test_the_pdf_form_prints(self):
        form = self._published(self.form)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "cs_appraisal.action_report_cs_appraisal", form.ids
        )[0]
        html = html.decode()
        for text in (
            self.agent_a.name,
            "Attitude",
            form.grade_id.name,
            "Combined Score",
        ):
            self.assertIn(text, html)

    def test_everyone_concerned_opens_the_form(self):
        """The form view reads, for each one, only what it may read (the
        employee's form holds peer feedback it cannot see)."""
        self._as(self.supervisor_a, self.form).write(
            {"feedback_ids": [Command.create({"reviewer_id": self.presales_a.id})]}
        )
        self._to_review(self.form)
        for person in (
            self.agent_a,
            self.supervisor_a,
            self.store_manager_a,
            self.cs_manager,
            self.auditor,
        ):
            view = Form(self._as(person, self.form))
            self.assertEqual(view.state, "review")
        self.assertFalse(Form(self._as(self.agent_a, self.form)).feedback_ids._records)
        feedback = Form(self._as(self.presales_a, self.form.feedback_ids))
        self.assertEqual(len(feedback.line_ids._records), 3)
