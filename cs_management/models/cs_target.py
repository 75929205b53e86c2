from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .kpi_definitions import KPI_CHOICES, LOWER_IS_BETTER, RATES


class CsTarget(models.Model):
    """A monthly target of a store, or of one of its teams (000 §2.1.1,
    002 §2.2.1, §2.3.2): the value a KPI should reach that month. The
    dashboard shows the gap to it; an appraisal criterion may read the
    employee's team's target instead of a fixed number."""

    _name = "cs.target"
    _description = "Monthly Target"
    _order = "month desc, store_id, team_id, kpi"
    _check_company_auto = True

    month = fields.Date(
        required=True,
        index=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="Any day of the month: kept as its first day.",
    )
    store_id = fields.Many2one(
        "cs.store", required=True, index=True, check_company=True
    )
    team_id = fields.Many2one(
        "helpdesk.ticket.team",
        index="btree_not_null",
        check_company=True,
        ondelete="cascade",
        domain="[('cs_store_id', '=', store_id)]",
        help="Empty: the whole store's target.",
    )
    kpi = fields.Selection(selection="_selection_kpi", string="KPI", required=True)
    value = fields.Float(string="Target", required=True)
    company_id = fields.Many2one(
        related="store_id.company_id", store=True, index=True, precompute=True
    )

    _sql_constraints = [
        (
            "target_uniq",
            "unique NULLS NOT DISTINCT (month, store_id, team_id, kpi)",
            "This KPI already has a target for this store or team and month.",
        ),
    ]

    def _selection_kpi(self):
        report = self.env["cs.kpi.report"]
        return [
            (name, report._fields[name]._description_string(self.env))
            for name in KPI_CHOICES
        ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._first_of_month(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._first_of_month(vals)
        res = super().write(vals)
        # a store manager may not move its target to another store
        if not self.env.su:
            self.check_access("write")
        return res

    @api.model
    def _first_of_month(self, vals):
        if vals.get("month"):
            vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)

    @api.constrains("team_id", "store_id")
    def _check_team_of_store(self):
        for target in self.filtered("team_id"):
            if target.team_id.cs_store_id != target.store_id:
                raise ValidationError(
                    _(
                        "Team %(team)s does not belong to store %(store)s.",
                        team=target.team_id.display_name,
                        store=target.store_id.display_name,
                    )
                )

    @api.model
    def _gap(self, kpi, target, actual):
        """The actual against the target: (gap, met); (None, None) when there
        is no actual (a rate without data)."""
        if actual is None:
            return None, None
        gap = actual - target
        return gap, (gap <= 0) if kpi in LOWER_IS_BETTER else (gap >= 0)

    @api.model
    def _team_targets(self, teams, stores, date_from, date_to):
        """{(team or store): {kpi: value}} over the months from ``date_from``
        to ``date_to``: a team's own target, else its store's. Several months
        give the average of their targets (a rate) or their sum (a count)."""
        rows = self._read_group(
            [
                "|",
                ("team_id", "in", teams.ids),
                "&",
                ("team_id", "=", False),
                ("store_id", "in", stores.ids),
                ("month", ">=", date_from.replace(day=1)),
                ("month", "<=", date_to),
            ],
            ["store_id", "team_id", "kpi"],
            ["value:avg", "value:sum"],
        )
        targets = {}
        for store, team, kpi, average, total in rows:
            holder = targets.setdefault(team or store, {})
            holder[kpi] = average if kpi in RATES else total
        return targets
