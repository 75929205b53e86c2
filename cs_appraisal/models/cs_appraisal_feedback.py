from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .cs_appraisal import BEFORE_CALIBRATION

ACTIVITY = "cs_appraisal.mail_activity_peer_feedback"


class CsAppraisalFeedback(models.Model):
    """A colleague's feedback on an appraisal (360°, APR-4): the peer scores
    the criteria scored by people. The appraised employee sees the average
    and the comments, never who gave them."""

    _name = "cs.appraisal.feedback"
    _description = "Peer Feedback"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "deadline, id"
    _check_company_auto = True

    appraisal_id = fields.Many2one(
        "cs.appraisal",
        required=True,
        ondelete="cascade",
        index=True,
    )
    employee_id = fields.Many2one(
        related="appraisal_id.employee_id", store=True, string="Colleague Appraised"
    )
    period_id = fields.Many2one(related="appraisal_id.period_id", store=True)
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True)
    reviewer_id = fields.Many2one(
        "hr.employee",
        string="Peer",
        required=True,
        index=True,
        check_company=True,
        domain="[('user_id', '!=', False), ('id', '!=', employee_id), "
        "('company_id', '=', company_id)]",
    )
    reviewer_user_id = fields.Many2one(
        related="reviewer_id.user_id", store=True, index=True
    )
    state = fields.Selection(
        [
            ("requested", "Requested"),
            ("submitted", "Submitted"),
            ("cancelled", "Cancelled"),
        ],
        default="requested",
        required=True,
        readonly=True,
        tracking=True,
    )
    deadline = fields.Date(
        compute="_compute_deadline",
        store=True,
        readonly=False,
        help="Answer before the supervisor reviews.",
    )
    comment = fields.Text(help="Shown to the appraised colleague without your name.")
    line_ids = fields.One2many(
        "cs.appraisal.feedback.line", "feedback_id", string="Scores"
    )
    is_reviewer = fields.Boolean(compute="_compute_is_reviewer")

    _sql_constraints = [
        (
            "reviewer_uniq",
            "unique(appraisal_id, reviewer_id)",
            "This colleague is already asked for feedback.",
        ),
    ]

    @api.depends("employee_id.name", "period_id.name")
    def _compute_display_name(self):
        for feedback in self:
            feedback.display_name = _(
                "Feedback on %(employee)s (%(period)s)",
                employee=feedback.employee_id.name,
                period=feedback.period_id.name,
            )

    @api.depends("appraisal_id.period_id.review_deadline")
    def _compute_deadline(self):
        for feedback in self:
            feedback.deadline = feedback.appraisal_id.period_id.review_deadline

    @api.depends_context("uid")
    def _compute_is_reviewer(self):
        for feedback in self:
            feedback.is_reviewer = feedback.reviewer_user_id == self.env.user

    @api.constrains("reviewer_id", "appraisal_id")
    def _check_reviewer(self):
        for feedback in self:
            reviewer = feedback.reviewer_id
            if reviewer == feedback.employee_id:
                raise ValidationError(
                    _(
                        "Ask colleagues for feedback: the self-assessment is done on "
                        "the form."
                    )
                )
            if not reviewer.user_id:
                raise ValidationError(
                    _(
                        "%(peer)s has no user to answer with: choose another "
                        "colleague.",
                        peer=reviewer.name,
                    )
                )
            if reviewer.company_id != feedback.company_id:
                raise ValidationError(
                    _(
                        "%(peer)s works for another company: choose a colleague.",
                        peer=reviewer.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        Appraisal = self.env["cs.appraisal"]
        for vals in vals_list:
            Appraisal.browse(vals["appraisal_id"])._cs_require(
                "supervisor", BEFORE_CALIBRATION
            )
            # the criteria come from the form, unscored: scores are the peer's
            if "line_ids" in vals and not self.env.su:
                raise AccessError(
                    _("The criteria a colleague scores come with the feedback request.")
                )
        feedbacks = super().create(vals_list)
        feedbacks.filtered(lambda feedback: not feedback.line_ids)._cs_add_criteria()
        for feedback in feedbacks:
            feedback.sudo().with_context(
                mail_activity_quick_update=True
            ).activity_schedule(
                ACTIVITY,
                date_deadline=feedback.deadline or fields.Date.context_today(feedback),
                user_id=feedback.reviewer_user_id.id,
                summary=feedback._cs_in_lang_of(feedback.reviewer_user_id).env._(
                    "Give your feedback on %(employee)s",
                    employee=feedback.employee_id.name,
                ),
            )
        return feedbacks

    def _cs_add_criteria(self):
        """One line a criterion scored by people on the form."""
        self.env["cs.appraisal.feedback.line"].sudo().create(
            [
                {"feedback_id": feedback.id, "criterion_id": line.criterion_id.id}
                for feedback in self
                for line in feedback.sudo().appraisal_id.line_ids.filtered(
                    lambda line: not line.measured
                )
            ]
        )

    def _cs_check_open(self):
        for feedback in self:
            # the peer may not read the form: its step is asked as the system
            if (
                feedback.state != "requested"
                or feedback.sudo().appraisal_id.state not in BEFORE_CALIBRATION
            ):
                raise UserError(
                    _(
                        "%(feedback)s is closed: feedback is taken until the "
                        "supervisor submits the review.",
                        feedback=feedback.display_name,
                    )
                )

    def _cs_check_reviewer(self):
        for feedback in self:
            if not (self.env.su or feedback.is_reviewer):
                raise AccessError(
                    _(
                        "Only the colleague asked can answer %(feedback)s.",
                        feedback=feedback.display_name,
                    )
                )

    def write(self, vals):
        if not self.env.su:
            if vals.keys() - {"comment", "line_ids", "deadline"}:
                raise AccessError(
                    _(
                        "Only the comment, the scores and the due date of a feedback "
                        "can change."
                    )
                )
            if vals.keys() & {"comment", "line_ids"}:
                self._cs_check_reviewer()
                self._cs_check_open()
            if "deadline" in vals:
                self.appraisal_id._cs_require("supervisor", BEFORE_CALIBRATION)
        return super().write(vals)

    def action_submit(self):
        self._cs_check_reviewer()
        self._cs_check_open()
        for feedback in self:
            missing = feedback.line_ids.filtered(lambda line: not line.score)
            if missing:
                raise UserError(
                    _(
                        "Score every criterion before sending your feedback: "
                        "%(criteria)s.",
                        criteria=", ".join(missing.mapped("name")),
                    )
                )
        self.sudo().write({"state": "submitted"})
        self.sudo().activity_feedback([ACTIVITY])
        return True

    def action_cancel(self):
        self.appraisal_id._cs_require("supervisor", BEFORE_CALIBRATION)
        self._cs_check_open()
        self.sudo()._cs_close_unanswered()
        return True

    def _cs_close_unanswered(self):
        self.write({"state": "cancelled"})
        self.activity_unlink([ACTIVITY])
