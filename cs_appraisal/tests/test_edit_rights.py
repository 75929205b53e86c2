"""APR-5: one declaration of who may write what at which step, read by the
write check and by the form. At every step, for everyone who reads the
form, each field the form shows editable is one the save accepts, and the
other way round (the supervisor saw the improvement plan editable at
calibration, and the save was refused)."""

from odoo.tools import mute_logger

from odoo.addons.cs_management.tests.view_rights import ViewMatchesWrite

from .common import CsAppraisalCase


class TestEditRights(CsAppraisalCase, ViewMatchesWrite):
    def setUp(self):
        super().setUp()
        self.enterContext(
            mute_logger(
                "odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model"
            )
        )

    def _check(self, form):
        values = {
            "supervisor_id": form.supervisor_id.id,
            "feedback_ids": [],
            "line_ids": [],
            "self_comment": "Checked",
            "supervisor_comment": "Checked",
            "improvement_plan": "Checked",
            "calibration_adjustment": form.calibration_adjustment,
            "calibration_reason": "Checked",
            "employee_comment": "Checked",
        }
        line_values = {
            "self_score": 3,
            "self_comment": "Checked",
            "supervisor_score": 3,
            "supervisor_comment": "Checked",
        }
        users = (
            self.agent_a
            | self.supervisor_a
            | self.store_manager_a
            | self.cs_manager
            | self.auditor
            | self.agent_b
        ).user_id
        return self._assert_view_matches_write(
            form,
            users,
            values,
            line=self._line(form, "Attitude"),
            line_values=line_values,
        )

    def test_the_form_shows_editable_what_the_save_accepts(self):
        form = self._form(self.agent_a)
        checked = self._check(form)
        self._as(self.supervisor_a, form).action_start()
        checked += self._check(form)
        self._score_criteria(
            form, self.agent_a, {"Attitude": 4, "Knowledge": 8, "Teamwork": 5}
        )
        self._as(self.agent_a, form).action_submit_self()
        checked += self._check(form)
        self._score_criteria(
            form, self.supervisor_a, {"Attitude": 3, "Knowledge": 9, "Teamwork": 4}
        )
        self._as(self.supervisor_a, form).action_submit_review()
        self.assertEqual(form.state, "calibration")
        checked += self._check(form)
        self._as(self.cs_manager, form).action_publish()
        checked += self._check(form)
        self._as(self.agent_a, form).action_acknowledge()
        self.assertEqual(form.state, "acknowledged")
        checked += self._check(form)
        # six steps, five readers (the other store's agent reads nothing), 13 fields
        self.assertEqual(checked, 6 * 5 * 13)

    def test_the_supervisor_sees_the_improvement_plan_as_the_save_does(self):
        form = self._form(self.agent_a)
        self._to_calibration(form)
        supervisor = self.supervisor_a.user_id
        self.assertFalse(
            form.with_user(supervisor).plan_editable,
            "at calibration the plan is the CS manager's",
        )
        self.assertFalse(
            self._save_accepted(form, supervisor, {"improvement_plan": "Mine"})
        )
        self.assertTrue(form.with_user(self.cs_manager.user_id).plan_editable)
        self.assertTrue(
            self._save_accepted(
                form, self.cs_manager.user_id, {"improvement_plan": "Theirs"}
            )
        )
