from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

# what a trainer records; frozen once the attempt is decided
SCORED_FIELDS = {"customer_score", "customer_feedback", "line_ids"}


class CsTrainingAssessment(models.Model):
    """One exam attempt of an enrolment: theory exam (a survey certification),
    practical exam (scored by the trainer on the course rubric) and customer
    evaluation, combined into a final score by the course's weights."""

    _name = "cs.training.assessment"
    _description = "Training Assessment"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "cs.recorded.fields",
        "cs.weighted.score.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True
    _cs_sheet_open_states = ("open",)
    _cs_sheet_fields = SCORED_FIELDS
    # the course's rules when the attempt opened: later edits do not rewrite history
    _cs_sheet_rules = {
        "pass_mark": "cs_pass_mark",
        "theory_weight": "cs_theory_weight",
        "practical_weight": "cs_practical_weight",
        "customer_weight": "cs_customer_weight",
    }
    # the attempt, its terms and its outcome: opened, weighed and decided by the
    # training process (they make certificates and position adjustments)
    _cs_recorded_fields = (
        "attendee_id",
        "attempt",
        "state",
        "pass_mark",
        "theory_weight",
        "practical_weight",
        "customer_weight",
        "survey_input_ids",
        "theory_done",
        "theory_score",
        "practical_score",
        "scores_recorded",
        "scored_by_id",
        "scored_on",
        "final_score",
    )

    attendee_id = fields.Many2one(
        "hr.course.attendee",
        string="Enrolment",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    employee_id = fields.Many2one(
        related="attendee_id.employee_id", store=True, index=True, string="Employee"
    )
    schedule_id = fields.Many2one(
        related="attendee_id.course_schedule_id",
        store=True,
        index=True,
        string="Session",
    )
    course_id = fields.Many2one(
        related="attendee_id.cs_course_id", store=True, index=True, string="Course"
    )
    company_id = fields.Many2one(
        related="attendee_id.company_id", store=True, index=True
    )
    trainer_id = fields.Many2one(related="schedule_id.cs_trainer_id", string="Trainer")
    attempt = fields.Integer(required=True, default=1, readonly=True)
    state = fields.Selection(
        [
            ("open", "Open"),
            ("passed", "Passed"),
            ("failed", "Failed"),
            ("cancelled", "Cancelled"),
        ],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
    )
    # the course's rules when the attempt opened: later edits do not rewrite history
    pass_mark = fields.Float(readonly=True, tracking=True)
    theory_weight = fields.Integer(string="Theory Weight (%)", readonly=True)
    practical_weight = fields.Integer(string="Practical Weight (%)", readonly=True)
    customer_weight = fields.Integer(string="Customer Weight (%)", readonly=True)

    survey_input_ids = fields.One2many(
        "survey.user_input", "cs_assessment_id", string="Theory Exam Answers"
    )
    theory_done = fields.Boolean(compute="_compute_theory", store=True)
    theory_score = fields.Float(compute="_compute_theory", store=True, aggregator="avg")
    line_ids = fields.One2many(
        "cs.training.assessment.line", "assessment_id", string="Practical Exam Rubric"
    )
    practical_score = fields.Float(
        compute="_compute_practical_score", store=True, aggregator="avg"
    )
    customer_score = fields.Float(
        string="Customer Evaluation", help="Out of 100, from the customers' feedback."
    )
    customer_feedback = fields.Text()
    scores_recorded = fields.Boolean(readonly=True, tracking=True)
    scored_by_id = fields.Many2one("res.users", readonly=True, check_company=True)
    scored_on = fields.Datetime(readonly=True)
    final_score = fields.Float(
        compute="_compute_final_score", store=True, aggregator="avg", tracking=True
    )
    is_mine = fields.Boolean(compute="_compute_is_mine")
    sheet_editable = fields.Boolean(
        compute="_compute_sheet_editable",
        help="An undecided attempt the current user may write: what the form lets "
        "edit.",
    )

    @api.depends_context("uid")
    def _compute_is_mine(self):
        for assessment in self:
            assessment.is_mine = assessment.employee_id.user_id == self.env.user

    @api.depends("survey_input_ids.state", "survey_input_ids.scoring_percentage")
    def _compute_theory(self):
        for assessment in self:
            answers = assessment.survey_input_ids[:1]
            assessment.theory_done = answers.state == "done"
            assessment.theory_score = (
                answers.scoring_percentage if answers.state == "done" else 0.0
            )

    @api.depends("line_ids.level", "line_ids.weight")
    def _compute_practical_score(self):
        """The rubric's levels out of 100, weighted by the rubric's weights."""
        for assessment in self:
            assessment.practical_score = self._cs_weighted_score(
                [(line.weight, line._cs_score()) for line in assessment.line_ids],
                digits=2,
            )

    @api.depends(
        "theory_score",
        "practical_score",
        "customer_score",
        "theory_weight",
        "practical_weight",
        "customer_weight",
        "theory_done",
        "scores_recorded",
    )
    def _compute_final_score(self):
        """The one home of the score formula: a weighted mean out of 100,
        once every weighted part is in."""
        for assessment in self:
            if not assessment._cs_is_complete():
                assessment.final_score = 0.0
                continue
            assessment.final_score = self._cs_weighted_score(
                [
                    (assessment.theory_weight, assessment.theory_score),
                    (assessment.practical_weight, assessment.practical_score),
                    (assessment.customer_weight, assessment.customer_score),
                ],
                total=100,  # the course's weights total 100
                digits=2,
            )

    @api.constrains("customer_score")
    def _check_customer_score(self):
        if any(not 0 <= a.customer_score <= 100 for a in self):
            raise ValidationError(
                _("The customer evaluation is a score between 0 and 100.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        Attendee = self.env["hr.course.attendee"]
        Line = self.env["cs.training.assessment.line"]
        for vals in vals_list:
            self._cs_check_recorded_fields(vals)
            course = Attendee.browse(vals["attendee_id"]).cs_course_id
            for name, value in self._cs_rules_from(course).items():
                vals.setdefault(name, value)
            if vals["practical_weight"] and "line_ids" not in vals:
                vals["line_ids"] = [
                    fields.Command.create(line)
                    for line in Line._cs_criterion_values(
                        course.cs_rubric_criterion_ids
                    )
                ]
        assessments = super().create(vals_list)
        assessments._cs_invite()
        return assessments

    def write(self, vals):
        self._cs_check_recorded_fields(vals)
        self._cs_guard_sheet(vals)
        return super().write(vals)

    def _cs_sheet_closed_message(self):
        return _(
            "Attempt %(attempt)s of %(employee)s is already decided: its scores "
            "cannot change. Open a new attempt instead.",
            attempt=self.attempt,
            employee=self.employee_id.name,
        )

    def _cs_invite(self):
        """Hand the attendee the theory exam and the trainer the practical one."""
        for assessment in self:
            employee = assessment.employee_id
            survey = assessment.course_id.cs_exam_survey_id
            if assessment.theory_weight and not assessment.survey_input_ids:
                # the exam survey belongs to the trainers: the attendee gets a token
                survey.sudo()._create_answer(
                    user=employee.user_id,
                    partner=employee.work_contact_id,
                    check_attempts=False,
                    cs_assessment_id=assessment.id,
                )
                if employee.user_id:
                    for_employee = assessment._cs_in_lang_of(employee.user_id)
                    assessment.activity_schedule(
                        "cs_training.mail_activity_take_exam",
                        user_id=employee.user_id.id,
                        summary=for_employee.env._(
                            "Take the exam of %(course)s",
                            course=for_employee.course_id.name,
                        ),
                    )
            if (
                assessment.practical_weight or assessment.customer_weight
            ) and assessment.trainer_id:
                assessment.activity_schedule(
                    "cs_training.mail_activity_score_practical",
                    user_id=assessment.trainer_id.id,
                    summary=assessment._cs_in_lang_of(assessment.trainer_id).env._(
                        "Score the practical exam of %(employee)s",
                        employee=employee.name,
                    ),
                )

    def _cs_is_complete(self):
        self.ensure_one()
        theory_ok = not self.theory_weight or self.theory_done
        trainer_ok = (
            not (self.practical_weight or self.customer_weight) or self.scores_recorded
        )
        return theory_ok and trainer_ok

    def action_record_scores(self):
        """The trainer records the practical exam and customer evaluation."""
        self.check_access("write")
        for assessment in self:
            assessment._cs_check_sheet_open()
            unscored = assessment.line_ids.filtered(lambda line: not line.level)
            if unscored:
                raise UserError(
                    _(
                        "Score every rubric criterion before recording: %(criteria)s.",
                        criteria=", ".join(unscored.mapped("name")),
                    )
                )
        self.sudo().write(
            {
                "scores_recorded": True,
                "scored_by_id": self.env.user.id,
                "scored_on": fields.Datetime.now(),
            }
        )
        self.activity_feedback(["cs_training.mail_activity_score_practical"])
        self._cs_evaluate()
        return True

    def action_start_exam(self):
        """Open the theory exam for the attendee."""
        self.ensure_one()
        if self.employee_id.user_id != self.env.user:
            raise UserError(
                _(
                    "Only %(employee)s can take this exam.",
                    employee=self.employee_id.name,
                )
            )
        answers = self.sudo().survey_input_ids[:1]
        if self.state != "open" or not answers or answers.state == "done":
            raise UserError(
                _("This exam is not open: ask your trainer for a new attempt.")
            )
        return {
            "type": "ir.actions.act_url",
            "url": answers.get_start_url(),
            "target": "self",
        }

    def _cs_exam_submitted(self):
        self.activity_feedback(["cs_training.mail_activity_take_exam"])
        self._cs_evaluate()

    def _cs_evaluate(self):
        """Decide each complete open attempt and set off its consequences.

        Runs as superuser: the consequences (certificate, retake, retraining,
        proposal) are the company's, whoever completed the attempt, often the
        attendee submitting the exam.
        """
        for assessment in self.sudo().filtered(lambda a: a.state == "open"):
            if not assessment._cs_is_complete():
                continue
            passed = float_compare(assessment.final_score, assessment.pass_mark, 2) >= 0
            assessment.state = "passed" if passed else "failed"
            assessment.attendee_id._cs_apply_result(assessment)
