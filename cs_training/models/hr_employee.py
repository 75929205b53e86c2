from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    cs_cleared_to_serve = fields.Boolean(
        string="Cleared to Serve",
        compute="_compute_cs_service_gate",
        search="_search_cs_cleared_to_serve",
        help="Holds a valid certificate of every mandatory course of the role it "
        "is bound by, so it may be assigned tickets.",
    )
    cs_gate_reason = fields.Char(
        string="Why Not Cleared", compute="_compute_cs_service_gate"
    )
    cs_certificate_ids = fields.One2many(
        "cs.training.certificate", "employee_id", string="Certificates"
    )
    cs_training_hours_year = fields.Float(
        string="Training Hours This Year", compute="_compute_cs_training_hours_year"
    )
    cs_next_role_id = fields.Many2one(
        related="cs_role_id.next_role_id", string="Next Role on the Career Path"
    )
    cs_promotion_gap = fields.Text(
        string="Missing for Promotion", compute="_compute_cs_promotion_gap"
    )

    def _cs_service_gate_reasons(self):
        """Why each employee of ``self`` may not serve customers now.

        The one home of the onboarding gate (TRN-6): ticket assignment, the
        employee form and the search all ask here. An employee whose role
        serves customers needs a certificate, not expired, of every course
        mandatory for that role. Two queries, whatever the number of
        employees.

        :return: {employee: reason} for the employees who may not serve
        """
        facing = self.filtered(lambda e: e.cs_role_id.customer_facing)
        courses = facing._cs_mandatory_courses()
        if not courses:
            return {}
        Certificate = self.env["cs.training.certificate"].sudo()
        expiries = {
            (employee, course): dates
            for employee, course, dates in Certificate._read_group(
                [("employee_id", "in", facing.ids), ("course_id", "in", courses.ids)],
                ["employee_id", "course_id"],
                ["expiry_date:array_agg"],
            )
        }
        today = fields.Date.context_today(self)
        reasons = {}
        for employee in facing:
            missing = []
            for course in courses.filtered(
                lambda c, e=employee: e.cs_role_id in c.cs_mandatory_role_ids
            ):
                dates = expiries.get((employee, course))
                if dates is None:
                    missing.append(
                        _(
                            "has not passed the mandatory course %(course)s",
                            course=course.name,
                        )
                    )
                elif not any(Certificate._cs_counts_on(date, today) for date in dates):
                    missing.append(
                        _(
                            "the certificate of %(course)s expired on %(date)s",
                            course=course.name,
                            date=format_date(self.env, max(dates)),
                        )
                    )
            if missing:
                reasons[employee] = "; ".join(missing)
        return reasons

    @api.model
    def _cs_service_blocks(self, assignments):
        """Which of these assignments the gate refuses.

        The one lookup behind every assignment to serve customers (tickets,
        follow-up calls): the user's employee in the company of the work,
        else any employee of the user, asked here why it may not serve.

        :param assignments: iterable of (user, company)
        :return: {(user, company): (employee, reason)} for the refused ones
        """
        assignments = {(user, company) for user, company in assignments if user}
        if not assignments:
            return {}
        users = self.env["res.users"].union(*(user for user, _c in assignments))
        employees = self.sudo().search([("user_id", "in", users.ids)])
        reasons = employees._cs_service_gate_reasons()
        if not reasons:
            return {}
        blocked = {}
        for user, company in assignments:
            own = employees.filtered(lambda e, user=user: e.user_id == user)
            employee = (
                own.filtered(lambda e, company=company: e.company_id == company)[:1]
                or own[:1]
            )
            if employee in reasons:
                blocked[(user, company)] = (employee, reasons[employee])
        return blocked

    def _cs_mandatory_courses(self):
        """The courses mandatory for the roles of these employees."""
        if not self.cs_role_id:
            return self.env["hr.course"]
        return (
            self.env["hr.course"]
            .sudo()
            .search([("cs_mandatory_role_ids", "in", self.cs_role_id.ids)])
        )

    def action_cs_record_prior_onboarding(self):
        """Going live: staff already serving customers were trained before
        these records. A CS manager records the mandatory courses of their
        role as passed, so that the gate does not stop them; each employee's
        chatter keeps the trace."""
        if not (
            self.env.su or self.env.user.has_group("cs_management.group_cs_manager")
        ):
            raise AccessError(
                _("Only a CS manager can record training passed before these records.")
            )
        Certificate = self.env["cs.training.certificate"].sudo()
        gated = self._cs_service_gate_reasons()
        for employee in gated:
            held = Certificate.search(
                [("employee_id", "=", employee.id), *Certificate._cs_valid_domain()]
            ).course_id
            courses = (
                employee._cs_mandatory_courses().filtered(
                    lambda c, e=employee: e.cs_role_id in c.cs_mandatory_role_ids
                )
                - held
            )
            Certificate.create(
                [
                    Certificate._cs_certificate_values(employee, course)
                    for course in courses
                ]
            )
            employee.message_post(
                body=_(
                    "Recorded as passed before the training records: %(courses)s.",
                    courses=", ".join(courses.mapped("name")),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _compute_cs_service_gate(self):
        reasons = self.sudo()._cs_service_gate_reasons()
        for employee in self:
            reason = reasons.get(employee)
            employee.cs_cleared_to_serve = not reason
            employee.cs_gate_reason = reason or False

    def _search_cs_cleared_to_serve(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(_("Search who is cleared to serve with = or !=."))
        facing = self.sudo().search([("cs_role_id.customer_facing", "=", True)])
        gated_ids = [employee.id for employee in facing._cs_service_gate_reasons()]
        cleared = (operator == "=") == bool(value)
        return [("id", "not in" if cleared else "in", gated_ids)]

    def _compute_cs_training_hours_year(self):
        today = fields.Date.context_today(self)
        hours = dict(
            self.env["hr.course.attendee"]
            .sudo()
            ._read_group(
                [
                    ("employee_id", "in", self.ids),
                    ("cs_training_date", ">=", today.replace(month=1, day=1)),
                    ("cs_training_date", "<=", today.replace(month=12, day=31)),
                ],
                ["employee_id"],
                ["cs_hours:sum"],
            )
        )
        for employee in self:
            employee.cs_training_hours_year = hours.get(employee, 0.0)

    def _cs_promotion_gaps(self):
        """What each employee still lacks, in training, for the next role.

        :return: {employee: [reason]} for employees whose role leads somewhere
        """
        requirements = (
            self.env["cs.training.promotion.requirement"]
            .sudo()
            .search([("role_id", "in", self.cs_role_id.filtered("next_role_id").ids)])
        )
        Certificate = self.env["cs.training.certificate"].sudo()
        best = {
            (employee, course): score
            for employee, course, score in Certificate._read_group(
                [
                    ("employee_id", "in", self.ids),
                    ("course_id", "in", requirements.course_id.ids),
                ]
                + Certificate._cs_valid_domain(),
                ["employee_id", "course_id"],
                ["final_score:max"],
            )
        }
        gaps = {}
        for employee in self.filtered("cs_role_id.next_role_id"):
            gaps[employee] = missing = []
            for requirement in requirements.filtered(
                lambda r, e=employee: r.role_id == e.cs_role_id
            ):
                course, minimum = requirement.course_id, requirement.min_score
                if (employee, course) not in best:
                    missing.append(
                        _(
                            "%(course)s: no valid certificate (minimum %(minimum)s)",
                            course=course.name,
                            minimum=minimum,
                        )
                    )
                elif not best[(employee, course)]:
                    # recorded when going live: passed, but no score to compare
                    missing.append(
                        _(
                            "%(course)s: certificate recorded without a score (minimum "
                            "%(minimum)s)",
                            course=course.name,
                            minimum=minimum,
                        )
                    )
                elif best[(employee, course)] < minimum:
                    missing.append(
                        _(
                            "%(course)s: %(score)s, minimum %(minimum)s",
                            course=course.name,
                            score=best[(employee, course)],
                            minimum=minimum,
                        )
                    )
        return gaps

    def _compute_cs_promotion_gap(self):
        gaps = self._cs_promotion_gaps()
        for employee in self:
            missing = gaps.get(employee)
            if missing is None:
                employee.cs_promotion_gap = False
            elif missing:
                employee.cs_promotion_gap = "\n".join(missing)
            else:
                employee.cs_promotion_gap = _(
                    "Meets the training requirements for %(role)s.",
                    role=employee.cs_next_role_id.name,
                )

    def action_cs_training_hours(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_training.action_cs_training_hours"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        return action

    def action_cs_view_certificates(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_training.action_cs_training_certificate"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action
