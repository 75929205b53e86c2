"""Every public method of our models answers something: XML-RPC cannot send
None, so a button method returning nothing makes the client fail after the
server has committed its work. A static check of every public method, then
each button method run as its user, in the state it is meant for."""

import ast
from pathlib import Path

from odoo import Command

from odoo.addons.cs_appraisal.tests.common import CsAppraisalCase
from odoo.addons.cs_management.tests.common_qa import CsQaCase
from odoo.addons.cs_management.tests.jobs import performing_jobs
from odoo.addons.cs_training.tests.common import CsTrainingCase

from ..common import SuiteCase

ROOT = Path(__file__).resolve().parents[2]
ADDONS = (
    "cs_management",
    "cs_training",
    "cs_appraisal",
    "cs_website",
    "cs_livechat",
)


def _can_fall_off(body):
    """Whether running ``body`` may end without a return statement."""
    if not body:
        return True
    last = body[-1]
    if isinstance(last, (ast.Return, ast.Raise)):
        return False
    if isinstance(last, ast.If):
        return _can_fall_off(last.body) or _can_fall_off(last.orelse)
    if isinstance(last, ast.With):
        return _can_fall_off(last.body)
    if isinstance(last, ast.Try):
        return _can_fall_off(last.body + last.orelse) or any(
            _can_fall_off(h.body) for h in last.handlers
        )
    return True


def _returns_none(function):
    bare = any(
        isinstance(node, ast.Return)
        and (
            node.value is None
            or (isinstance(node.value, ast.Constant) and node.value.value is None)
        )
        for node in ast.walk(function)
    )
    return bare or _can_fall_off(function.body)


def public_methods():
    """(addon file, class, method) of every method RPC can call on our
    models: no leading underscore, not ``init`` (private in Odoo)."""
    for addon in ADDONS:
        for path in sorted((ROOT / addon).glob("**/*.py")):
            if {"tests", "migrations"} & set(path.parts):
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if not isinstance(node, ast.ClassDef):
                    continue
                for function in node.body:
                    if (
                        isinstance(function, ast.FunctionDef)
                        and not function.name.startswith("_")
                        and function.name != "init"
                        and not any(
                            "staticmethod" in ast.unparse(d)
                            for d in function.decorator_list
                        )
                    ):
                        yield path.relative_to(ROOT), node.name, function


class TestPublicMethodsAnswer(SuiteCase):
    def test_no_public_method_ends_without_a_value(self):
        methods = list(public_methods())
        self.assertGreater(len(methods), 80)
        for path, class_name, function in methods:
            with self.subTest(
                method=f"{path}:{function.lineno} {class_name}.{function.name}"
            ):
                self.assertFalse(
                    _returns_none(function),
                    "may return None, which XML-RPC cannot send",
                )


class TestQaButtonsAnswer(SuiteCase, CsQaCase):
    def test_inspection_and_calibration_buttons(self):
        ticket = self._closed_ticket(self.agent_a, "2025-03-03")
        inspection = self._inspect(self.supervisor_a, ticket)
        self._score(inspection, 5, 1, 3)
        self.assertIs(inspection.action_publish(), True)
        self.assertIs(
            inspection.with_user(self.agent_a.user_id).action_acknowledge(), True
        )
        self.assertIs(
            inspection.with_user(self.cs_manager.user_id).action_reset_draft(), True
        )

        other = self._closed_ticket(self.agent_b, "2025-03-04")
        session = (
            self.env["cs.qa.calibration"]
            .with_user(self.cs_manager.user_id)
            .create(
                {
                    "name": "Calibration",
                    "scorecard_id": self.scorecard.id,
                    "ticket_ids": [Command.set((ticket | other).ids)],
                    "reviewer_ids": [
                        Command.set(
                            (self.supervisor_a | self.store_manager_b).user_id.ids
                        )
                    ],
                }
            )
        )
        self.assertIs(session.action_start(), True)
        for sheet in session.inspection_ids:
            sheet = sheet.with_user(sheet.reviewer_id)
            self._score(sheet, 4, 1, 3)
            self.assertIs(sheet.action_submit(), True)
        self.assertIs(session.action_close(), True)


class TestAppraisalButtonsAnswer(SuiteCase, CsAppraisalCase):
    def test_the_appraisal_workflow_buttons(self):
        with performing_jobs():
            queued = self._as(self.cs_manager, self.period).action_open_forms()
        self.assertEqual(queued["tag"], "display_notification")
        form = self.period.appraisal_ids.filtered(
            lambda f: f.employee_id == self.agent_a
        )
        other = self.period.appraisal_ids.filtered(
            lambda f: f.employee_id == self.presales_a
        )
        with performing_jobs():
            queued = self._as(
                self.cs_manager, self.period
            ).action_start_self_assessment()
        self.assertEqual(queued["tag"], "display_notification")

        self._score_criteria(
            form, self.agent_a, {"Attitude": 4, "Knowledge": 8, "Teamwork": 5}
        )
        self.assertIs(self._as(self.agent_a, form).action_submit_self(), True)
        self.period.self_deadline = "2025-04-03"
        self.assertIs(self._as(self.supervisor_a, other).action_skip_self(), True)
        self.assertIs(self._as(self.supervisor_a, form).action_refresh(), True)

        self._as(self.supervisor_a, form).write(
            {"feedback_ids": [Command.create({"reviewer_id": self.presales_a.id})]}
        )
        self._as(self.supervisor_a, form).write(
            {"feedback_ids": [Command.create({"reviewer_id": self.agent_b.id})]}
        )
        answered, withdrawn = form.feedback_ids
        for line in self._as(answered.reviewer_id, answered).line_ids:
            line.score = 4
        self.assertIs(self._as(answered.reviewer_id, answered).action_submit(), True)
        self.assertIs(self._as(self.supervisor_a, withdrawn).action_cancel(), True)

        self._score_criteria(
            form, self.supervisor_a, {"Attitude": 3, "Knowledge": 9, "Teamwork": 4}
        )
        self.assertIs(self._as(self.supervisor_a, form).action_submit_review(), True)
        self.assertIs(self._as(self.cs_manager, form).action_return_to_review(), True)
        self._as(self.supervisor_a, form).action_submit_review()
        self.assertIs(self._as(self.cs_manager, form).action_publish(), True)
        self.assertIs(self._as(self.agent_a, form).action_acknowledge(), True)
        wizard = self._as(
            self.cs_manager, self.env["cs.appraisal.reopen"]
        ).with_context(active_ids=form.ids)
        self.assertIs(
            wizard.create({"reason": "Corrected figures"}).action_reopen(), True
        )


class TestTrainingButtonsAnswer(SuiteCase, CsTrainingCase):
    def test_assessment_need_and_session_buttons(self):
        session = self._session(self.agent_a, start=False)
        session.draft2waiting()
        self.assertIs(session.with_user(self.trainer_user).waiting2inprogress(), True)
        assessment = self._attempt(self.agent_a, session)
        self._take_exam(assessment, 5)
        trainer_view = assessment.with_user(self.trainer_user)
        for line in trainer_view.line_ids:
            line.level = "4"
        self.assertIs(trainer_view.action_record_scores(), True)

        self._session(days=3, start=False)
        need = (
            self.env["cs.training.need"]
            .with_user(self.cs_manager.user_id)
            .create(
                {
                    "name": "Refresh the basics",
                    "employee_id": self.agent_b.id,
                    "course_id": self.course.id,
                }
            )
        )
        self.assertIs(need.action_cancel(), True)
        self.assertIs(need.action_reset(), True)
        self.assertIs(need.action_enrol(), True)
        new_hire = self._person(
            "specialist", "t_new_hire", self.store_a, ready_to_serve=False
        )
        self.assertIs(
            new_hire.with_user(
                self.cs_manager.user_id
            ).action_cs_record_prior_onboarding(),
            True,
        )
