from odoo import api, models

from .cs_appraisal import FINAL


class CsAppraisal(models.Model):
    """The measured figures of an appraisal (APR-3): each criterion's value
    taken from the KPIs of the period, and an annual form's from its months."""

    _inherit = "cs.appraisal"

    @api.model
    def _measures(self, period, employees):
        """{employee: (KPI values or None, average training score or None,
        {kpi: its team's target})} over ``period``, for any number of
        employees in four queries."""
        users = employees.user_id
        kpis = {}
        # the KPI view reads the tables: pending tickets and ratings first
        self.env.flush_all()
        if users:
            kpis = (
                self.env["cs.kpi.report"]
                .sudo()
                ._kpis_by(
                    [
                        ("user_id", "in", users.ids),
                        ("company_id", "=", period.company_id.id),
                        ("date", ">=", period.date_from),
                        ("date", "<=", period.date_to),
                    ],
                    ["user_id"],
                )
            )
        training = dict(
            self.env["cs.training.assessment"]
            .sudo()
            ._read_group(
                [
                    ("employee_id", "in", employees.ids),
                    ("state", "in", ("passed", "failed")),
                    ("attendee_id.cs_training_date", ">=", period.date_from),
                    ("attendee_id.cs_training_date", "<=", period.date_to),
                ],
                ["employee_id"],
                ["final_score:avg"],
            )
        )
        targets = self._team_targets(period, employees)
        return {
            employee: (
                kpis.get(employee.user_id) if employee.user_id else None,
                training.get(employee),
                targets[employee],
            )
            for employee in employees
        }

    @api.model
    def _team_targets(self, period, employees):
        """{employee: {kpi: target}}: the monthly targets of the employee's
        helpdesk team over the period, else of its store."""
        teams = (
            self.env["helpdesk.ticket.team"]
            .sudo()
            .search(
                [
                    ("user_ids", "in", employees.user_id.ids),
                    ("company_id", "=", period.company_id.id),
                ]
            )
        )
        targets = (
            self.env["cs.target"]
            .sudo()
            ._team_targets(
                teams, employees.cs_store_id, period.date_from, period.date_to
            )
        )
        result = {}
        for employee in employees:
            team = teams.filtered(
                lambda team, user=employee.user_id: user and user in team.user_ids
            )[:1]
            result[employee] = {
                **targets.get(employee.cs_store_id, {}),
                **targets.get(team, {}),
            }
        return result

    @api.model
    def _measured_values(self, criterion, measure):
        if criterion.source == "manual":
            return {}
        kpis, training, team_targets = measure
        value, has_data = criterion._measure(kpis, training)
        target = criterion._target_for(team_targets)
        return {
            "auto_value": value,
            "has_data": has_data,
            "target_used": target,
            "auto_score": criterion._score_for(value, target) if has_data else 0.0,
        }

    @api.model
    def _customer_values(self, measure):
        kpis = measure[0] or {}
        return {
            "rating_count": kpis.get("ratings", 0),
            "rating_average": kpis.get("rating_average", 0.0),
        }

    def _refresh_measures(self):
        """Fill the measured criteria and the customers' ratings again from
        the period's data (late tickets and ratings count until calibration)."""
        for period, forms in self.grouped("period_id").items():
            if period.kind == "annual":
                forms._fill_from_months()
                continue
            measures = self._measures(period, forms.employee_id)
            for form in forms:
                measure = measures[form.employee_id]
                form.sudo().write(self._customer_values(measure))
                for line in form.line_ids.filtered(
                    lambda line: line.source != "manual"
                ):
                    line.sudo().write(self._measured_values(line.criterion_id, measure))

    def _fill_from_months(self):
        """Annual forms (APR-1): each criterion scores the average of its
        scores in the published monthly forms of the year, and the form the
        average of their final scores."""
        for period, forms in self.grouped("period_id").items():
            domain = [
                ("kind", "=", "monthly"),
                ("company_id", "=", period.company_id.id),
                ("period_date", ">=", period.date_from),
                ("period_date", "<=", period.date_to),
                ("state", "in", FINAL),
                ("employee_id", "in", forms.employee_id.ids),
            ]
            Monthly = self.sudo()
            totals = {
                employee: (count, average)
                for employee, count, average in Monthly._read_group(
                    domain, ["employee_id"], ["__count", "final_score:avg"]
                )
            }
            criteria = {
                (employee, criterion): average
                for employee, criterion, average in self.env["cs.appraisal.line"]
                .sudo()
                ._read_group(
                    [("appraisal_id", "any", domain), ("is_scored", "=", True)],
                    ["employee_id", "criterion_id"],
                    ["score:avg"],
                )
            }
            for form in forms:
                count, average = totals.get(form.employee_id, (0, 0.0))
                form.sudo().write({"monthly_count": count, "monthly_average": average})
                for line in form.line_ids:
                    average = criteria.get((form.employee_id, line.criterion_id))
                    line.sudo().write(
                        {
                            "auto_value": average or 0.0,
                            "auto_score": average or 0.0,
                            "has_data": average is not None,
                        }
                    )
