from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import format_date


class CsTrainingCertificate(models.Model):
    """Proof that an employee passed a course, valid until its expiry date."""

    _name = "cs.training.certificate"
    _description = "Training Certificate"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "issue_date desc, id desc"
    _check_company_auto = True

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, ondelete="cascade", tracking=True
    )
    course_id = fields.Many2one("hr.course", required=True, index=True, tracking=True)
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True, string="Company"
    )
    attendee_id = fields.Many2one(
        "hr.course.attendee",
        string="Earned In",
        readonly=True,
        index="btree_not_null",
        check_company=True,
    )
    final_score = fields.Float(aggregator="avg")
    issue_date = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True
    )
    expiry_date = fields.Date(
        tracking=True,
        help="First day the certificate is no longer valid; empty: never expires.",
    )
    state = fields.Selection(
        [
            ("valid", "Valid"),
            ("expiring", "Expiring Soon"),
            ("expired", "Expired"),
            ("renewed", "Renewed"),
        ],
        compute="_compute_state",
        search="_search_state",
    )
    reminder_date = fields.Date(
        compute="_compute_reminder_date",
        store=True,
        index=True,
        help="When the holder is warned and enrolled in the next session.",
    )
    reminded_on = fields.Date(readonly=True, copy=False)
    renewal_attendee_id = fields.Many2one(
        "hr.course.attendee",
        string="Renewal Enrolment",
        readonly=True,
        copy=False,
        check_company=True,
    )
    renewed_by_id = fields.Many2one(
        "cs.training.certificate",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )
    resume_line_id = fields.Many2one("hr.resume.line", readonly=True, copy=False)

    _sql_constraints = [
        (
            "dates_check",
            "CHECK (expiry_date IS NULL OR expiry_date > issue_date)",
            "A certificate expires after it is issued.",
        ),
    ]

    def write(self, vals):
        res = super().write(vals)
        if "employee_id" in vals and not self.env.su:
            # the certificate's company is its holder's; the rules were checked
            # before the change: check them again where it lands
            self.check_access("write")
        return res

    @api.depends("course_id.name", "employee_id.name")
    def _compute_display_name(self):
        for certificate in self:
            certificate.display_name = (
                f"{certificate.course_id.name} – {certificate.employee_id.name}"
            )

    @api.depends("expiry_date", "course_id.cs_reminder_days")
    def _compute_reminder_date(self):
        for certificate in self:
            certificate.reminder_date = certificate.expiry_date and (
                certificate.expiry_date
                - relativedelta(days=certificate.course_id.cs_reminder_days)
            )

    @api.depends("expiry_date", "reminder_date", "renewed_by_id")
    def _compute_state(self):
        today = fields.Date.context_today(self)
        for certificate in self:
            if certificate.renewed_by_id:
                certificate.state = "renewed"
            elif not self._cs_counts_on(certificate.expiry_date, today):
                certificate.state = "expired"
            elif certificate.reminder_date and certificate.reminder_date <= today:
                certificate.state = "expiring"
            else:
                certificate.state = "valid"

    def _search_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(
                _("Search certificates by validity with =, !=, in or not in.")
            )
        today = fields.Date.context_today(self)
        current = [("renewed_by_id", "=", False)]
        domains = {
            "renewed": [("renewed_by_id", "!=", False)],
            "expired": current + [("expiry_date", "<=", today)],
            "expiring": current
            + [("expiry_date", ">", today), ("reminder_date", "<=", today)],
            "valid": current
            + ["|", ("expiry_date", "=", False), ("reminder_date", ">", today)],
        }
        values = {value} if isinstance(value, str) else set(value)
        domain = expression.OR([domains[v] for v in values if v in domains]) or [
            (0, "=", 1)
        ]
        return domain if operator in ("=", "in") else ["!"] + domain

    @api.model
    def _cs_valid_domain(self):
        """Certificates that count today, renewed or not: the rule of
        ``_cs_counts_on`` as a domain."""
        today = fields.Date.context_today(self)
        return ["|", ("expiry_date", "=", False), ("expiry_date", ">", today)]

    @api.model
    def _cs_counts_on(self, expiry_date, day):
        """Whether a certificate expiring on ``expiry_date`` counts on
        ``day``: the rule of ``_cs_valid_domain`` for a date already read."""
        return not expiry_date or expiry_date > day

    @api.model
    def _cs_certificate_values(self, employee, course):
        """A certificate of ``course`` issued today, valid for the course's
        validity."""
        today = fields.Date.context_today(self)
        return {
            "employee_id": employee.id,
            "course_id": course.id,
            "issue_date": today,
            "expiry_date": today + relativedelta(months=course.cs_validity_months)
            if course.cs_validity_months
            else False,
        }

    @api.model
    def _cs_issue(self, assessment):
        """Certify the employee of a passed ``assessment``."""
        course = assessment.course_id
        employee = assessment.employee_id
        today = fields.Date.context_today(self)
        previous = self.search(
            [
                ("employee_id", "=", employee.id),
                ("course_id", "=", course.id),
                ("renewed_by_id", "=", False),
            ]
        )
        certificate = self.create(
            dict(
                self._cs_certificate_values(employee, course),
                attendee_id=assessment.attendee_id.id,
                final_score=assessment.final_score,
            )
        )
        previous.renewed_by_id = certificate
        certificate.resume_line_id = self.env["hr.resume.line"].create(
            {
                "employee_id": employee.id,
                "name": course.name,
                # a session dated in another time zone may start on the
                # holder's tomorrow
                "date_start": min(assessment.schedule_id.start_date or today, today),
                "date_end": today,
                "line_type_id": self.env.ref(
                    "cs_training.resume_type_service_training"
                ).id,
                "description": _(
                    "Passed with %(score)s/100 (attempt %(attempt)s).",
                    score=assessment.final_score,
                    attempt=assessment.attempt,
                ),
            }
        )
        return certificate

    @api.model
    def _cron_remind_expiring(self, batch_size=200):
        """Warn holders and their managers before a certificate expires and
        enrol them in the next session: once per certificate, a batch a run."""
        domain = [
            ("reminder_date", "<=", fields.Date.context_today(self)),
            ("reminded_on", "=", False),
            ("renewed_by_id", "=", False),
            ("employee_id.active", "=", True),
        ]
        certificates = self.search(domain, order="expiry_date, id", limit=batch_size)
        certificates._cs_remind()
        self.env["ir.cron"]._notify_progress(
            done=len(certificates), remaining=self.search_count(domain)
        )

    def _cs_remind(self):
        """The cron reminds the employee and their manager, each in their
        own language; the certificate's chatter reads in the employee's."""
        today = fields.Date.context_today(self)
        for certificate in self:
            enrolment = certificate._cs_enrol_for_renewal()
            employee = certificate.employee_id
            for user in employee.user_id | employee._cs_leaders()[:1]:
                summary, plan = certificate._cs_in_lang_of(user)._cs_reminder_texts(
                    enrolment
                )
                certificate.activity_schedule(
                    "cs_training.mail_activity_certificate_renewal",
                    date_deadline=max(certificate.expiry_date, today),
                    user_id=user.id,
                    summary=summary,
                    note=plan,
                )
            summary, plan = certificate._cs_in_lang_of(
                certificate.employee_id
            )._cs_reminder_texts(enrolment)
            certificate.message_post(
                body=_("%(summary)s. %(plan)s", summary=summary, plan=plan)
            )
            certificate.write(
                {"reminded_on": today, "renewal_attendee_id": enrolment.id}
            )

    def _cs_reminder_texts(self, enrolment):
        """(summary, plan) of the expiry reminder, in this env's language."""
        self.ensure_one()
        employee, course = self.employee_id, self.course_id
        if enrolment:
            plan = _(
                "%(employee)s is enrolled in session %(session)s.",
                employee=employee.name,
                session=enrolment.with_env(self.env).course_schedule_id.name,
            )
        else:
            plan = _(
                "No session of %(course)s is open yet: a training need was logged "
                "for the responsible trainer.",
                course=course.name,
            )
        summary = _(
            "Certificate %(course)s of %(employee)s expires on %(date)s",
            course=course.name,
            employee=employee.name,
            date=format_date(self.env, self.expiry_date),
        )
        return summary, plan

    def _cs_enrol_for_renewal(self):
        """The employee's open enrolment in the course, or a new one."""
        self.ensure_one()
        open_enrolment = self.env["hr.course.attendee"].search(
            [
                ("employee_id", "=", self.employee_id.id),
                ("cs_course_id", "=", self.course_id.id),
                ("result", "=", "pending"),
                ("course_schedule_id.state", "not in", ("completed", "cancelled")),
            ],
            limit=1,
        )
        if open_enrolment:
            return open_enrolment
        enrolment, _need = self.course_id._cs_enrol_in_next_session(
            self.employee_id,
            {
                "source": "certificate",
                "name": _("Renew certificate %(course)s", course=self.course_id.name),
            },
            cs_enrolment_kind="renewal",
            cs_previous_attendee_id=self.attendee_id.id,
        )
        return enrolment
