from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

# a custom period is chosen by a CS manager for an unscheduled appraisal
KINDS = [("monthly", "Monthly"), ("annual", "Annual"), ("custom", "Custom")]
# what a period's forms measure
PERIOD_DATES = {"kind", "date_from", "date_to"}
# forms one job opens or starts; the next job does the next ones
FORM_BATCH = 500


class CsAppraisalPeriod(models.Model):
    """A month or a year of appraisals of one company (APR-1), or the dates a
    CS manager chose for an unscheduled appraisal (004 §5.2.3), with the due
    dates of its steps."""

    _name = "cs.appraisal.period"
    _description = "Appraisal Period"
    _inherit = ["cs.job.mixin"]
    _order = "date_from desc, kind desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    kind = fields.Selection(KINDS, required=True, default="monthly")
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(
        string="To",
        compute="_compute_date_to",
        store=True,
        readonly=False,
        help="The last day: the month's or the year's, chosen for a custom period.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    self_deadline = fields.Date(string="Self-Assessment Due")
    review_deadline = fields.Date(string="Supervisor Review Due")
    calibration_deadline = fields.Date(string="Calibration Due")
    calibrator_id = fields.Many2one(
        "res.users",
        string="Calibrated By",
        check_company=True,
        help="The CS manager who calibrates and publishes this period's appraisals.",
    )
    appraisal_ids = fields.One2many("cs.appraisal", "period_id", string="Appraisals")
    appraisal_count = fields.Integer(compute="_compute_counts")
    published_count = fields.Integer(compute="_compute_counts")
    progress = fields.Float(
        compute="_compute_counts",
        help="Share of the appraisals published or acknowledged.",
    )

    _sql_constraints = [
        (
            "period_uniq",
            "unique(company_id, kind, date_from, date_to)",
            "This period already exists for the company.",
        ),
    ]

    @api.depends("kind", "date_from", "date_to")
    def _compute_name(self):
        for period in self:
            if period.kind == "custom":
                period.name = f"{period.date_from or ''} – {period.date_to or ''}"
            elif period.date_from:
                period.name = period.date_from.strftime(
                    "%Y" if period.kind == "annual" else "%Y-%m"
                )

    @api.depends("kind", "name")
    def _compute_display_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for period in self:
            period.display_name = (
                f"{labels.get(period.kind, '')} {period.name or ''}".strip()
            )

    @staticmethod
    def _last_day(kind, date_from, date_to=None):
        """The last day of a period: its month's or its year's, the one
        chosen for a custom period."""
        if kind == "custom":
            return date_to
        length = relativedelta(years=1) if kind == "annual" else relativedelta(months=1)
        return date_from and date_from + length - relativedelta(days=1)

    @api.depends("kind", "date_from")
    def _compute_date_to(self):
        for period in self:
            period.date_to = self._last_day(
                period.kind, period.date_from, period.date_to
            )

    def _compute_counts(self):
        counts = {
            (period, state): count
            for period, state, count in self.env["cs.appraisal"]._read_group(
                [("period_id", "in", self.ids)], ["period_id", "state"], ["__count"]
            )
        }
        for period in self:
            total = sum(count for (p, _state), count in counts.items() if p == period)
            published = counts.get((period, "published"), 0) + counts.get(
                (period, "acknowledged"), 0
            )
            period.appraisal_count = total
            period.published_count = published
            period.progress = 100.0 * published / total if total else 0.0

    @api.constrains("kind", "date_from", "date_to")
    def _check_dates(self):
        for period in self:
            if period.kind == "custom":
                if not period.date_to or period.date_to < period.date_from:
                    raise ValidationError(
                        _("A custom period ends on or after the day it starts.")
                    )
                continue
            if period.date_from.day != 1 or (
                period.kind == "annual" and period.date_from.month != 1
            ):
                raise ValidationError(
                    _(
                        "A monthly period starts on the 1st of a month, an annual one "
                        "on the 1st of January."
                    )
                )
            # what a monthly or annual form measures is its whole month or year
            if period.date_to != self._last_day(period.kind, period.date_from):
                raise ValidationError(
                    _(
                        "A monthly period ends on the last day of its month, an "
                        "annual one on the 31st of December."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        Company = self.env["res.company"]
        for vals in vals_list:
            company = Company.browse(vals.get("company_id")) or self.env.company
            date_from = fields.Date.to_date(vals["date_from"])
            date_to = fields.Date.to_date(vals.get("date_to"))
            for name, value in self._calendar(
                company, vals.get("kind", "monthly"), date_from, date_to
            ).items():
                vals.setdefault(name, value)
        return super().create(vals_list)

    def write(self, vals):
        if PERIOD_DATES & vals.keys() and self.env["cs.appraisal"].search_count(
            [("period_id", "in", self.ids)], limit=1
        ):
            raise UserError(
                _(
                    "The appraisals of this period measure its dates: they cannot "
                    "change any more."
                )
            )
        return super().write(vals)

    @api.model
    def _calendar(self, company, kind, date_from, date_to=None):
        """Due dates of the steps, counted from the end of the period (product
        defaults: the 3rd, 7th and 10th of the next month). The annual
        appraisal follows December's: its steps count from December's
        calibration."""
        start = self._last_day(kind, date_from, date_to) or date_from
        if kind == "annual":
            start += relativedelta(days=company.cs_appraisal_calibration_days)
        return {
            "self_deadline": start + relativedelta(days=company.cs_appraisal_self_days),
            "review_deadline": start
            + relativedelta(days=company.cs_appraisal_review_days),
            "calibration_deadline": start
            + relativedelta(days=company.cs_appraisal_calibration_days),
            "calibrator_id": company.cs_appraisal_calibrator_id.id,
        }

    # ------------------------------------------------------------------
    # Opening the forms
    # ------------------------------------------------------------------
    def _employees_to_appraise(self):
        """Active employees of the company whose role has a template and who
        have no form in this period yet."""
        self.ensure_one()
        roles = list(
            self.env["cs.appraisal.template"].sudo()._for_roles(self.company_id)
        )
        if not roles:
            return self.env["hr.employee"]
        done = (
            self.env["cs.appraisal"]
            .sudo()
            .search([("period_id", "=", self.id)])
            .employee_id
        )
        return (
            self.env["hr.employee"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("cs_role_id", "in", [role.id for role in roles]),
                    ("id", "not in", done.ids),
                ],
                order="id",
            )
        )

    def _open_forms(self, limit=None):
        """Create the missing forms, ``limit`` at most: (created, still
        missing). Running it again creates no duplicate."""
        self.ensure_one()
        employees = self._employees_to_appraise()
        batch = employees[:limit] if limit is not None else employees
        if batch:
            self.env["cs.appraisal"].sudo().with_context(
                tracking_disable=True,
                mail_create_nolog=True,
                mail_create_nosubscribe=True,
            ).create(
                [
                    {"period_id": self.id, "employee_id": employee.id}
                    for employee in batch
                ]
            )
        return len(batch), len(employees) - len(batch)

    def action_open_forms(self):
        """Queue the creation of the period's missing forms."""
        if not (
            self.env.su or self.env.user.has_group("cs_management.group_cs_manager")
        ):
            raise AccessError(_("Only a CS manager can open appraisal forms."))
        self._cs_enqueue("_job_open_forms", _("Open the missing appraisal forms"))
        return self._cs_queued_notification(
            _(
                "The missing forms are being opened in the background: the period "
                "counts them as they come."
            )
        )

    def _job_open_forms(self, batch_size=FORM_BATCH):
        """One batch of forms; queues the next batch while forms are missing."""
        self._cs_job_lock()
        created, missing = self._open_forms(limit=batch_size)
        if missing:
            self._cs_enqueue(
                "_job_open_forms", _("Open the missing appraisal forms"), batch_size
            )
        return created

    def action_start_self_assessment(self):
        """Queue handing every open form of the period to its employee:
        whoever may start each of them today."""
        forms = self.appraisal_ids.filtered(lambda form: form.state == "open")
        if not forms:
            raise UserError(_("No appraisal of this period is waiting to start."))
        forms._cs_require("supervisor", ("open",))
        self._cs_enqueue("_job_start_self_assessment", _("Start the self-assessments"))
        return self._cs_queued_notification(
            _(
                "The self-assessments are being started in the background: the period "
                "shows them as they come."
            )
        )

    def _job_start_self_assessment(self, batch_size=FORM_BATCH):
        """One batch of forms started; queues the next batch while open
        forms remain."""
        self._cs_job_lock()
        forms = self.env["cs.appraisal"].search(
            [("period_id", "=", self.id), ("state", "=", "open")],
            order="id",
            limit=batch_size + 1,
        )
        forms[:batch_size].action_start()
        if len(forms) > batch_size:
            self._cs_enqueue(
                "_job_start_self_assessment",
                _("Start the self-assessments"),
                batch_size,
            )
        return len(forms[:batch_size])

    def action_view_appraisals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_appraisal.action_cs_appraisal"
        )
        action["domain"] = [("period_id", "=", self.id)]
        action["context"] = {"search_default_group_state": 1}
        return action

    @api.model
    def _ensure(self, company, kind, date_from, date_to=None):
        """The period of these dates (``date_to`` only for a custom one),
        created if it does not exist yet."""
        domain = [
            ("company_id", "=", company.id),
            ("kind", "=", kind),
            ("date_from", "=", date_from),
        ]
        values = {"company_id": company.id, "kind": kind, "date_from": date_from}
        if kind == "custom":
            domain.append(("date_to", "=", date_to))
            values["date_to"] = date_to
        return self.search(domain) or self.create(values)

    @api.model
    def _cron_open_periods(self, batch_size=500):
        """APR-1: from the 1st of a month, last month's period and its forms;
        in January, also last year's annual period. Idempotent and in
        batches: the scheduler runs it again while forms are missing."""
        today = fields.Date.context_today(self)
        month = today.replace(day=1) - relativedelta(months=1)
        periods = self.browse()
        Employee = self.env["hr.employee"]
        for company in self.env["res.company"].search([]):
            roles = [
                role.id
                for role in self.env["cs.appraisal.template"]._for_roles(company)
            ]
            if not Employee.search_count(
                [("company_id", "=", company.id), ("cs_role_id", "in", roles)], limit=1
            ):
                continue
            periods |= self._ensure(company, "monthly", month)
            if today.month == 1:
                periods |= self._ensure(company, "annual", month.replace(month=1))
        created = remaining = 0
        for period in periods:
            done, missing = period._open_forms(limit=max(batch_size - created, 0))
            created += done
            remaining += missing
        self.env["ir.cron"]._notify_progress(done=created, remaining=remaining)
