from odoo import _, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from .cs_appraisal import ACTIVITY, BEFORE_CALIBRATION, FINAL


class CsAppraisal(models.Model):
    """An appraisal's steps (APR-5): started, self-assessed or skipped,
    reviewed, calibrated, published, acknowledged, reopened."""

    _inherit = "cs.appraisal"

    def _cs_set_state(self, state, **values):
        """Move to ``state``: close the step's to-do, open the next one's."""
        self.sudo().activity_feedback([ACTIVITY])
        self.sudo().write(dict(values, state=state, reminded=False))
        for form in self:  # the to-do reads in the language of whom must act
            user, summary = form._cs_in_lang_of(
                form._cs_step_owner()[0]
            )._cs_step_owner()
            if user:
                form.sudo().with_context(
                    mail_activity_quick_update=True
                ).activity_schedule(
                    ACTIVITY,
                    date_deadline=form.deadline or fields.Date.context_today(form),
                    user_id=user.id,
                    summary=summary,
                )

    def _cs_step_owner(self):
        """Who must act at the current step, and what to do."""
        self.ensure_one()
        name = self.employee_id.name
        return {
            "open": (
                self.supervisor_user_id,
                _("Start the appraisal of %(employee)s", employee=name),
            ),
            "self_assessment": (self.user_id, _("Fill in your self-assessment")),
            "review": (
                self.supervisor_user_id,
                _("Review the appraisal of %(employee)s", employee=name),
            ),
            "calibration": (
                self.period_id.calibrator_id,
                _("Calibrate the appraisal of %(employee)s", employee=name),
            ),
            "published": (self.user_id, _("Read and acknowledge your appraisal")),
        }.get(self.state, (self.env["res.users"], ""))

    def _cs_log(self, body):
        self.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")

    def action_start(self):
        """Open the self-assessment (an employee without a user goes
        straight to the supervisor's review)."""
        self._cs_require("supervisor", ("open",))
        with_user = self.filtered("user_id")
        with_user._cs_set_state("self_assessment")
        without_user = self - with_user
        for form in without_user:
            form._cs_log(
                _(
                    "%(employee)s has no user: no self-assessment.",
                    employee=form.employee_id.name,
                )
            )
        without_user._cs_set_state("review")
        return True

    def _cs_unscored(self, score_field):
        """The criteria a submission must score and left empty in
        ``score_field`` (the measured ones score themselves), as a list."""
        self.ensure_one()
        missing = self.line_ids.filtered(
            lambda line: not line.measured and not line[score_field]
        )
        return ", ".join(missing.mapped("name"))

    def action_submit_self(self):
        self._cs_require("employee", ("self_assessment",))
        for form in self:
            missing = form._cs_unscored("self_score")
            if missing:
                raise UserError(
                    _(
                        "Score every criterion of your self-assessment before "
                        "submitting it: %(criteria)s.",
                        criteria=missing,
                    )
                )
        self._cs_set_state("review")
        return True

    def action_skip_self(self):
        """The supervisor reviews without the self-assessment once it is overdue."""
        self._cs_require("supervisor", ("self_assessment",))
        today = fields.Date.context_today(self)
        for form in self:
            if form.period_id.self_deadline and today <= form.period_id.self_deadline:
                raise UserError(
                    _(
                        "The self-assessment of %(employee)s is due on %(date)s: wait "
                        "until then or ask them to submit it.",
                        employee=form.employee_id.name,
                        date=format_date(self.env, form.period_id.self_deadline),
                    )
                )
            form._cs_log(
                _(
                    "Reviewed without self-assessment: it was not submitted by its due "
                    "date."
                )
            )
        self._cs_set_state("review")
        return True

    def action_submit_review(self):
        """The supervisor's review is done: refresh the measured figures one
        last time, close the peer requests, hand over to calibration."""
        self._cs_require("supervisor", ("review",))
        for form in self:
            missing = form._cs_unscored("supervisor_score")
            if missing:
                raise UserError(
                    _(
                        "Score every criterion of %(employee)s before submitting the "
                        "review: %(criteria)s.",
                        employee=form.employee_id.name,
                        criteria=missing,
                    )
                )
        self._refresh_measures()
        self.sudo().feedback_ids.filtered(
            lambda f: f.state == "requested"
        )._cs_close_unanswered()
        self._cs_set_state("calibration")
        return True

    def action_return_to_review(self):
        self._cs_require("manager", ("calibration",))
        self._cs_log(_("Returned to the supervisor for review."))
        self._cs_set_state("review")
        return True

    def action_publish(self):
        """Calibration done: the result, its grade and its outcomes go to the
        employee."""
        self._cs_require("manager", ("calibration",))
        for form in self:
            if form.calibration_adjustment and not form.calibration_reason:
                raise UserError(
                    _(
                        "Give the reason for the calibration of %(employee)s "
                        "(%(points)+.2f points) before publishing.",
                        employee=form.employee_id.name,
                        points=form.calibration_adjustment,
                    )
                )
            if form.kind == "annual" and not form.monthly_count:
                raise UserError(
                    _(
                        "%(employee)s has no published monthly appraisal in %(year)s: "
                        "publish them first, the annual appraisal is built from them.",
                        employee=form.employee_id.name,
                        year=form.period_id.name,
                    )
                )
            if not form.grade_id:
                raise UserError(
                    _(
                        "No grade covers a score of %(score).2f: add a grade starting "
                        "at 0 in Configuration › Grades.",
                        score=form.final_score,
                    )
                )
            if (
                form.grade_id.recommendation == "improvement"
                and not form.improvement_plan
            ):
                raise UserError(
                    _(
                        "Grade %(grade)s asks for an improvement plan: write the plan "
                        "of %(employee)s before publishing.",
                        grade=form.grade_id.name,
                        employee=form.employee_id.name,
                    )
                )
        for form in self.filtered("calibration_adjustment"):
            form._cs_log(
                _(
                    "Calibrated by %(points)+.2f points: %(reason)s",
                    points=form.calibration_adjustment,
                    reason=form.calibration_reason,
                )
            )
        self.sudo()._apply_outcomes()
        self._cs_set_state("published", published_date=fields.Date.context_today(self))
        self._cs_refresh_annual()
        return True

    def action_acknowledge(self):
        self._cs_require("employee", ("published",))
        self._cs_set_state(
            "acknowledged", acknowledged_date=fields.Date.context_today(self)
        )
        return True

    def action_open_reopen_wizard(self):
        self._cs_require("manager", FINAL)
        return {
            "type": "ir.actions.act_window",
            "name": _("Reopen Appraisal"),
            "res_model": "cs.appraisal.reopen",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": self._name, "active_ids": self.ids},
        }

    def _cs_reopen(self, reason):
        """After publication only a CS manager changes anything, with a
        reason kept in the chatter."""
        self._cs_require("manager", FINAL)
        if not (reason or "").strip():
            raise UserError(_("Say why the appraisal is reopened."))
        for form in self:
            form._cs_log(_("Reopened for calibration: %(reason)s", reason=reason))
        self._cs_set_state("calibration", acknowledged_date=False)

    def action_refresh(self):
        self._cs_require("supervisor", BEFORE_CALIBRATION)
        self._refresh_measures()
        return True
