from markupsafe import Markup

from odoo import _, api, fields, models


class HrCourseAttendee(models.Model):
    """An enrolment of an employee in a session, with its assessments and the
    failure path: retake, retraining, position adjustment (TRN-5)."""

    _name = "hr.course.attendee"
    _inherit = [
        "hr.course.attendee",
        "mail.thread",
        "mail.activity.mixin",
        "cs.recorded.fields",
    ]
    _order = "cs_training_date desc, id desc"
    _check_company_auto = True
    # a service-training enrolment's outcome comes from its exam attempts
    # (other courses keep hr_course's hand-set result)
    _cs_recorded_fields = (
        "result",
        "cs_enrolment_kind",
        "cs_previous_attendee_id",
        "cs_failure_action",
        "cs_certificate_id",
        "cs_attempt_count",
        "cs_final_score",
        "cs_hours",
    )

    result = fields.Selection(tracking=True)
    cs_course_id = fields.Many2one(
        related="course_schedule_id.course_id", store=True, index=True, string="Course"
    )
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True, string="Company"
    )
    cs_enrolment_kind = fields.Selection(
        [
            ("regular", "Training"),
            ("retraining", "Retraining"),
            ("renewal", "Re-certification"),
        ],
        string="Enrolment",
        default="regular",
        required=True,
        readonly=True,
    )
    cs_previous_attendee_id = fields.Many2one(
        "hr.course.attendee",
        string="Follows",
        readonly=True,
        index="btree_not_null",
        check_company=True,
        help="The failed enrolment this retraining follows, or the enrolment "
        "whose certificate this one renews.",
    )
    cs_need_id = fields.Many2one(
        "cs.training.need",
        string="Training Need",
        readonly=True,
        index="btree_not_null",
        check_company=True,
    )
    cs_attended = fields.Boolean(string="Present", default=True, tracking=True)
    cs_assessment_ids = fields.One2many(
        "cs.training.assessment", "attendee_id", string="Assessments"
    )
    cs_attempt_count = fields.Integer(
        string="Attempts", compute="_compute_cs_scores", store=True
    )
    cs_final_score = fields.Float(
        string="Final Score",
        compute="_compute_cs_scores",
        store=True,
        aggregator="avg",
        help="Final score of the latest decided attempt.",
    )
    cs_failure_action = fields.Selection(
        [
            ("retraining", "Enrolled in retraining"),
            ("retraining_need", "Waiting for a retraining session"),
            ("position_adjustment", "Position adjustment proposed"),
        ],
        string="After Failure",
        readonly=True,
        tracking=True,
    )
    cs_certificate_id = fields.Many2one(
        "cs.training.certificate",
        string="Certificate",
        readonly=True,
        check_company=True,
    )
    cs_training_date = fields.Date(
        string="Training Date", compute="_compute_cs_training_date", store=True
    )
    cs_hours = fields.Float(
        string="Training Hours", compute="_compute_cs_hours", store=True
    )

    @api.depends("course_schedule_id.name", "employee_id.name")
    def _compute_display_name(self):
        for attendee in self:
            attendee.display_name = (
                f"{attendee.employee_id.name} – {attendee.course_schedule_id.name}"
            )

    @api.depends("cs_assessment_ids.state", "cs_assessment_ids.final_score")
    def _compute_cs_scores(self):
        for attendee in self:
            attempts = attendee.cs_assessment_ids.filtered(
                lambda a: a.state != "cancelled"
            )
            decided = attempts.filtered(lambda a: a.state in ("passed", "failed"))
            attendee.cs_attempt_count = len(attempts)
            attendee.cs_final_score = decided.sorted("attempt")[-1:].final_score

    @api.depends("course_schedule_id.start_date", "course_schedule_id.end_date")
    def _compute_cs_training_date(self):
        for attendee in self:
            session = attendee.course_schedule_id
            attendee.cs_training_date = session.end_date or session.start_date

    @api.depends(
        "cs_attended", "course_schedule_id.cs_hours", "course_schedule_id.state"
    )
    def _compute_cs_hours(self):
        held = ("in_progress", "in_validation", "completed")
        for attendee in self:
            session = attendee.course_schedule_id
            attendee.cs_hours = (
                session.cs_hours
                if attendee.cs_attended and session.state in held
                else 0.0
            )

    @api.model_create_multi
    def create(self, vals_list):
        session_ids = {
            vals["course_schedule_id"]
            for vals in vals_list
            if vals.get("course_schedule_id")
        }
        service = (
            self.env["hr.course.schedule"]
            .browse(session_ids)
            .filtered("course_id.cs_service_training")
        )
        for vals in vals_list:
            if vals.get("course_schedule_id") in service.ids:
                self._cs_check_recorded_fields(vals)
        attendees = super().create(vals_list)
        attendees.filtered(
            lambda a: a.course_schedule_id.state in ("in_progress", "in_validation")
        )._cs_open_assessment()
        return attendees

    def write(self, vals):
        if any(self.mapped("cs_course_id.cs_service_training")):
            self._cs_check_recorded_fields(vals)
        res = super().write(vals)
        if "cs_attended" in vals:
            self._cs_sync_attendance()
        return res

    def _cs_sync_attendance(self):
        """An absent attendee is not examined; one marked present again is."""
        absent = self.filtered(lambda a: not a.cs_attended and a.result == "pending")
        cancelled = absent.cs_assessment_ids.filtered(lambda a: a.state == "open")
        cancelled.sudo().write({"state": "cancelled"})
        cancelled.activity_unlink(
            [
                "cs_training.mail_activity_take_exam",
                "cs_training.mail_activity_score_practical",
            ]
        )
        absent.sudo().result = "absent"
        back = self.filtered(lambda a: a.cs_attended and a.result == "absent")
        back.sudo().result = "pending"
        back._cs_open_assessment()

    def _cs_open_assessment(self):
        """Open the next exam attempt of each enrolment still waiting for one."""
        waiting = self.filtered(
            lambda a: (
                a.active
                and a.cs_course_id.cs_service_training
                and a.cs_attended
                and a.result == "pending"
                and not a.cs_assessment_ids.filtered(lambda x: x.state == "open")
            )
        )
        waiting.cs_course_id._cs_check_exam_setup()
        return (
            self.env["cs.training.assessment"]
            .sudo()
            .create(
                [
                    {
                        "attendee_id": attendee.id,
                        "attempt": attendee.cs_attempt_count + 1,
                    }
                    for attendee in waiting
                ]
            )
        )

    def _cs_apply_result(self, assessment):
        """Act on a decided attempt: certify, or take the next failure step."""
        self.ensure_one()
        course = self.cs_course_id
        if assessment.state == "passed":
            certificate = self.env["cs.training.certificate"]._cs_issue(assessment)
            self.write({"result": "passed", "cs_certificate_id": certificate.id})
            self.message_post(
                body=_(
                    "Passed with %(score)s/100 at attempt %(attempt)s; certificate "
                    "%(certificate)s issued.",
                    score=assessment.final_score,
                    attempt=assessment.attempt,
                    certificate=certificate.display_name,
                )
            )
            self.cs_need_id._cs_close_if_trained()
            return
        retakes_used = assessment.attempt - 1
        if (
            self.cs_enrolment_kind != "retraining"
            and retakes_used < course.cs_max_retakes
        ):
            self.message_post(
                body=_(
                    "Failed attempt %(attempt)s with %(score)s/100 (pass mark "
                    "%(pass_mark)s): retake %(retake)s of %(retakes)s opened.",
                    attempt=assessment.attempt,
                    score=assessment.final_score,
                    pass_mark=assessment.pass_mark,
                    retake=retakes_used + 1,
                    retakes=course.cs_max_retakes,
                )
            )
            self._cs_open_assessment()
            return
        self.result = "failed"
        if self.cs_enrolment_kind == "retraining":
            self._cs_propose_position_adjustment()
        else:
            self._cs_enrol_in_retraining()

    def _cs_enrol_in_retraining(self):
        self.ensure_one()
        course = self.cs_course_id
        retraining, need = course._cs_enrol_in_next_session(
            self.employee_id,
            {
                "source": "assessment",
                "failed_attendee_id": self.id,
                "name": _("Retraining in %(course)s", course=course.name),
            },
            cs_enrolment_kind="retraining",
            cs_previous_attendee_id=self.id,
        )
        if retraining:
            self.cs_failure_action = "retraining"
            self.message_post(
                body=_(
                    "Failed after %(attempts)s attempts: enrolled in retraining "
                    "session %(session)s.",
                    attempts=self.cs_attempt_count,
                    session=retraining.course_schedule_id.name,
                )
            )
            retraining.message_post(
                body=_(
                    "Retraining after failing %(session)s.",
                    session=self.course_schedule_id.name,
                )
            )
        else:
            self.cs_failure_action = "retraining_need"
            self.message_post(
                body=_(
                    "Failed after %(attempts)s attempts and no session of %(course)s "
                    "is open: training need %(need)s logged for the responsible "
                    "trainer.",
                    attempts=self.cs_attempt_count,
                    course=course.name,
                    need=need.display_name,
                )
            )

    def _cs_propose_position_adjustment(self):
        """Failing retraining: the employee's manager decides on the position."""
        self.ensure_one()
        employee = self.employee_id
        manager = (
            employee._cs_leaders()[:1]
            or employee.coach_id.user_id
            or self.course_schedule_id.cs_trainer_id
            or self.cs_course_id.cs_responsible_id
        )
        history = self._cs_history_html()
        for_manager = self._cs_in_lang_of(manager)
        self.activity_schedule(
            "cs_training.mail_activity_position_adjustment",
            user_id=manager.id,
            summary=for_manager.env._(
                "%(employee)s failed retraining in %(course)s",
                employee=employee.name,
                course=for_manager.cs_course_id.name,
            ),
            note=for_manager._cs_history_html(),
        )
        self.cs_failure_action = "position_adjustment"
        self.message_post(
            body=Markup("%s%s")
            % (
                _(
                    "Failed retraining: position adjustment proposed to %(manager)s.",
                    manager=manager.name,
                ),
                history,
            )
        )

    def _cs_history_html(self):
        """Every attempt in the chain of enrolments that led here, oldest first."""
        self.ensure_one()
        chain = self
        while chain[-1:].cs_previous_attendee_id and len(chain) < 20:
            chain |= chain[-1].cs_previous_attendee_id
        items = Markup()
        for enrolment in chain.sorted("id"):
            for attempt in enrolment.cs_assessment_ids.sorted("attempt"):
                items += Markup("<li>%s</li>") % _(
                    "%(session)s, attempt %(attempt)s: %(score)s/100 (%(result)s)",
                    session=enrolment.course_schedule_id.name,
                    attempt=attempt.attempt,
                    score=attempt.final_score,
                    result=dict(
                        attempt._fields["state"]._description_selection(self.env)
                    )[attempt.state],
                )
        return Markup("<p>%s</p><ul>%s</ul>") % (_("Training history:"), items)
