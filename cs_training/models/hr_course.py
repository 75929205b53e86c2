from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .selections import TRAINING_METHODS


class HrCourse(models.Model):
    _name = "hr.course"
    _inherit = ["hr.course", "mail.activity.mixin"]

    cs_service_training = fields.Boolean(
        string="Service Training",
        index=True,
        tracking=True,
        help="A course of the customer-service training: it is examined and "
        "certified, and may be mandatory before serving customers. Other "
        "courses keep the plain course flow.",
    )
    cs_method = fields.Selection(
        TRAINING_METHODS,
        string="Method",
        required=True,
        default="lecture",
        tracking=True,
    )
    cs_material_ids = fields.Many2many(
        "ir.attachment",
        "cs_course_material_rel",
        "course_id",
        "attachment_id",
        string="Learning Material",
        help="Documents and videos attendees study, e.g. for online learning.",
    )
    cs_duration_hours = fields.Float(
        string="Hours", help="Training hours of one session of this course."
    )
    cs_responsible_id = fields.Many2one(
        "res.users",
        string="Responsible Trainer",
        default=lambda self: self.env.user,
        tracking=True,
        help="Schedules sessions and is told when someone waits for one.",
    )
    cs_exam_survey_id = fields.Many2one(
        "survey.survey",
        string="Theory Exam",
        domain=[("certification", "=", True)],
        tracking=True,
        help="A certification survey: the theory score comes from the attendee's "
        "answers.",
    )
    cs_rubric_criterion_ids = fields.One2many(
        "cs.training.rubric.criterion",
        "course_id",
        string="Practical Exam Rubric",
        copy=True,
    )
    cs_pass_mark = fields.Float(
        string="Pass Mark",
        default=lambda self: self.env.company.cs_training_pass_mark,
        tracking=True,
        help="Minimum final score (out of 100) to pass.",
    )
    cs_theory_weight = fields.Integer(
        string="Theory Weight (%)",
        default=lambda self: self.env.company.cs_training_theory_weight,
        tracking=True,
    )
    cs_practical_weight = fields.Integer(
        string="Practical Weight (%)",
        default=lambda self: self.env.company.cs_training_practical_weight,
        tracking=True,
    )
    cs_customer_weight = fields.Integer(
        string="Customer Evaluation Weight (%)",
        default=lambda self: self.env.company.cs_training_customer_weight,
        tracking=True,
    )
    cs_max_retakes = fields.Integer(
        string="Retakes Allowed",
        default=lambda self: self.env.company.cs_training_max_retakes,
        tracking=True,
        help="Exam retakes after a first failure, before retraining.",
    )
    cs_validity_months = fields.Integer(
        string="Validity (months)",
        default=lambda self: self.env.company.cs_training_validity_months,
        tracking=True,
        help="How long a certificate of this course is valid; 0 means it never "
        "expires.",
    )
    cs_reminder_days = fields.Integer(
        string="Reminder (days before expiry)",
        default=lambda self: self.env.company.cs_training_reminder_days,
        help="Holders are warned and enrolled in the next session this many days "
        "before their certificate expires.",
    )
    cs_mandatory_role_ids = fields.Many2many(
        "cs.role",
        "cs_course_mandatory_role_rel",
        "course_id",
        "role_id",
        string="Mandatory For",
        help="Employees of these roles need a valid certificate of this course: "
        "once enrolled or certified, those serving customers cannot be assigned "
        "tickets without one.",
    )
    cs_certificate_ids = fields.One2many(
        "cs.training.certificate", "course_id", string="Certificates"
    )
    cs_certificate_count = fields.Integer(
        string="Certificate Count", compute="_compute_cs_certificate_count"
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cs_check_service_training_change(vals, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        self._cs_check_service_training_change(vals)
        return super().write(vals)

    @api.model
    def _cs_check_service_training_change(self, vals, creating=False):
        # a service-training course gates who may serve customers
        self.env["res.users"]._cs_check_decides(
            ("cs_service_training",),
            vals,
            ("cs_management.group_cs_trainer", "cs_management.group_cs_manager"),
            _(
                "Only trainers and Customer Service managers decide which courses are "
                "service training."
            ),
            creating=creating,
        )

    @api.constrains("cs_theory_weight", "cs_practical_weight", "cs_customer_weight")
    def _check_cs_weights(self):
        for course in self:
            self._check_score_weights(
                course.cs_theory_weight,
                course.cs_practical_weight,
                course.cs_customer_weight,
            )

    @api.model
    def _check_score_weights(self, theory, practical, customer):
        """The three assessment weights are percentages that add up to 100."""
        if min(theory, practical, customer) < 0 or theory + practical + customer != 100:
            raise ValidationError(
                _(
                    "The theory, practical and customer evaluation weights must be "
                    "zero or more and add up to 100 (now %(total)s).",
                    total=theory + practical + customer,
                )
            )

    @api.constrains(
        "cs_pass_mark", "cs_max_retakes", "cs_validity_months", "cs_reminder_days"
    )
    def _check_cs_limits(self):
        for course in self:
            if not 0 <= course.cs_pass_mark <= 100:
                raise ValidationError(_("The pass mark is a score between 0 and 100."))
            if (
                min(
                    course.cs_max_retakes,
                    course.cs_validity_months,
                    course.cs_reminder_days,
                )
                < 0
            ):
                raise ValidationError(
                    _("Retakes, validity and reminder days cannot be negative.")
                )

    def _compute_cs_certificate_count(self):
        counts = dict(
            self.env["cs.training.certificate"]._read_group(
                [("course_id", "in", self.ids)], ["course_id"], ["__count"]
            )
        )
        for course in self:
            course.cs_certificate_count = counts.get(course, 0)

    def _cs_check_exam_setup(self):
        """Each weighted part of the assessment needs its instrument."""
        for course in self.filtered("cs_service_training"):
            if course.cs_theory_weight and not course.cs_exam_survey_id:
                raise UserError(
                    _(
                        "Course %(course)s weighs the theory exam but has no exam "
                        "survey: choose one on the course or set the theory weight "
                        "to 0.",
                        course=course.name,
                    )
                )
            if course.cs_practical_weight and not course.cs_rubric_criterion_ids:
                raise UserError(
                    _(
                        "Course %(course)s weighs the practical exam but has no "
                        "rubric: add rubric criteria on the course or set the "
                        "practical weight to 0.",
                        course=course.name,
                    )
                )

    def _cs_next_session(self):
        """The earliest session of this course still open to enrolment."""
        self.ensure_one()
        return self.env["hr.course.schedule"].search(
            [
                ("course_id", "=", self.id),
                ("state", "in", ("draft", "waiting_attendees")),
                "|",
                ("start_date", "=", False),
                ("start_date", ">=", fields.Date.context_today(self)),
            ],
            order="start_date asc nulls last, id",
            limit=1,
        )

    def _cs_enrol_in_next_session(self, employee, need_values, **attendee_values):
        """Enrol ``employee`` in the next open session of this course; without
        one, log a training need for the responsible trainer instead.

        :return: (new enrolment, new need), one of them empty
        """
        self.ensure_one()
        session = self._cs_next_session()
        if session:
            enrolment = session._cs_enrol(employee, **attendee_values)
            return enrolment, self.env["cs.training.need"]
        # the failure or the expiry is the action that records the need
        need = (
            self.env["cs.training.need"]
            .sudo()
            .create(dict(need_values, employee_id=employee.id, course_id=self.id))
            .sudo(False)
        )
        trainer = self.cs_responsible_id or self.env.user
        env = need._cs_in_lang_of(trainer).env
        need.activity_schedule(
            "mail.mail_activity_data_todo",
            user_id=trainer.id,
            summary=env._(
                "Schedule a session of %(course)s", course=self.with_env(env).name
            ),
        )
        return self.env["hr.course.attendee"], need

    def action_view_cs_certificates(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_training.action_cs_training_certificate"
        )
        action["domain"] = [("course_id", "=", self.id)]
        action["context"] = {"default_course_id": self.id}
        return action
