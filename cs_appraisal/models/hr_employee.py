from dateutil.relativedelta import relativedelta

from odoo import fields, models

from odoo.addons.cs_management.models.cs_kpi_report import RATES

from .cs_appraisal import FINAL

GROWTH_MONTHS = 6
# the KPI report's figures the growth shows, month by month (the complaints
# charged to the employee's service, not those it held)
GROWTH_KPIS = (
    "resolution_rate",
    "rating_average",
    "agent_complaint_rate",
    "qa_average",
)


def shown(values, kpi):
    """A rate with one decimal, a dash without data (never 0)."""
    if not values or not values.get(RATES[kpi][1]):
        return "—"
    return f"{values[kpi]:.1f}"


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    cs_service_growth = fields.Html(
        string="Service Growth",
        compute="_compute_cs_service_growth",
        sanitize=False,
        groups="hr.group_hr_user,cs_management.group_cs_supervisor,"
        "cs_management.group_cs_auditor",
        help="Month by month: the service KPIs, the IQS, the appraisal grade, the "
        "training needs opened and closed, the certificates, and the effect "
        "measured after each course.",
    )

    def _compute_cs_service_growth(self):
        """What the reader may see, under its own rules; a few grouped
        queries whatever the number of employees."""
        today = fields.Date.context_today(self)
        first = today.replace(day=1) - relativedelta(months=GROWTH_MONTHS - 1)
        months = [first + relativedelta(months=n) for n in range(GROWTH_MONTHS)]
        facts = self._cs_growth_facts(first)
        effects = self._cs_growth_effects()
        for employee in self:
            employee.cs_service_growth = self.env["ir.qweb"]._render(
                "cs_appraisal.service_growth",
                {
                    "rows": [employee._cs_growth_row(month, facts) for month in months],
                    "effects": effects.get(employee, []),
                },
            )

    def _cs_growth_row(self, month, facts):
        kpis = facts["kpis"].get((self.user_id, self.company_id, month))
        form = facts["forms"].get((self, month))
        return {
            "month": month.strftime("%Y-%m"),
            "kpis": [shown(kpis, kpi) for kpi in GROWTH_KPIS],
            "grade": form.grade_id.name if form else "—",
            "opened": facts["opened"].get((self, month), 0),
            "closed": facts["closed"].get((self, month), 0),
            "certificates": facts["certificates"].get((self, month), 0),
        }

    def _cs_growth_facts(self, first):
        Kpi = self.env["cs.kpi.report"]
        Need = self.env["cs.training.need"]
        Certificate = self.env["cs.training.certificate"]
        mine = [("employee_id", "in", self.ids)]
        forms = self.env["cs.appraisal"].search(
            mine
            + [
                ("kind", "=", "monthly"),
                ("period_date", ">=", first),
                ("state", "in", FINAL),
            ]
        )
        return {
            "kpis": Kpi._kpis_by(
                [
                    ("user_id", "in", self.user_id.ids),
                    ("company_id", "in", self.company_id.ids),
                    ("date", ">=", first),
                ],
                ["user_id", "company_id", "date:month"],
                GROWTH_KPIS,
            ),
            "forms": {(form.employee_id, form.period_date): form for form in forms},
            "opened": self._cs_count_by_month(Need, "create_date", first),
            "closed": self._cs_count_by_month(Need, "closed_date", first),
            "certificates": self._cs_count_by_month(Certificate, "issue_date", first),
        }

    def _cs_count_by_month(self, model, date_field, first):
        return {
            (employee, month.date() if hasattr(month, "date") else month): count
            for employee, month, count in model._read_group(
                [("employee_id", "in", self.ids), (date_field, ">=", first)],
                ["employee_id", f"{date_field}:month"],
                ["__count"],
            )
        }

    def _cs_growth_effects(self):
        """{employee: [effect of each course attended]}, newest first."""
        attendees = self.env["hr.course.attendee"].search(
            [
                ("employee_id", "in", self.ids),
                ("cs_course_id.cs_service_training", "=", True),
                ("course_schedule_id.state", "!=", "cancelled"),
            ]
        )
        effects = {}
        for attendee in attendees:
            effects.setdefault(attendee.employee_id, []).append(attendee)
        return effects
