from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .kpi_definitions import LOWER_IS_BETTER, RATES

# the figures of the dashboard, this month and the previous one
DASHBOARD_KPIS = (
    "inquiries",
    "complaint_rate",
    "resolution_rate",
    "rating_average",
    "within_deadline_rate",
    "qa_average",
)


STORE_LEADER_FIELDS = {"manager_id", "active", "company_id"}


class CsStore(models.Model):
    """A shop of the company; head-office service staff belong to no store."""

    _name = "cs.store"
    _description = "Store"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, code, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, tracking=True)
    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Address",
        help="Contact holding the store's address, phone and e-mail.",
    )
    phone = fields.Char(related="partner_id.phone")
    manager_id = fields.Many2one(
        "hr.employee",
        string="Store Manager",
        tracking=True,
        check_company=True,
        domain="[('cs_store_id', '=', id)]",
    )
    supervisor_ids = fields.Many2many(
        "hr.employee",
        "cs_store_supervisor_rel",
        "store_id",
        "employee_id",
        string="CS Supervisors",
        check_company=True,
        domain="[('cs_store_id', '=', id)]",
    )
    employee_ids = fields.One2many("hr.employee", "cs_store_id", string="Staff")
    helpdesk_team_ids = fields.One2many(
        "helpdesk.ticket.team", "cs_store_id", string="Helpdesk Teams"
    )
    crm_team_id = fields.Many2one(
        "crm.team", string="Sales Team", check_company=True, tracking=True
    )
    employee_count = fields.Integer(string="Staff Count", compute="_compute_counts")
    open_ticket_count = fields.Integer(string="Open Tickets", compute="_compute_counts")

    # dashboard (KPI-7): this month and its trend against the previous one
    kpi_inquiries = fields.Integer(string="Inquiries", compute="_compute_kpis")
    kpi_complaint_rate = fields.Float(
        string="Complaint Rate (%)", compute="_compute_kpis"
    )
    kpi_resolution_rate = fields.Float(
        string="Resolution Rate (%)", compute="_compute_kpis"
    )
    kpi_rating_average = fields.Float(string="Rating Average", compute="_compute_kpis")
    kpi_within_deadline_rate = fields.Float(
        string="Within Deadline (%)", compute="_compute_kpis"
    )
    kpi_qa_average = fields.Float(string="QA Average", compute="_compute_kpis")
    kpi_trend = fields.Json(compute="_compute_kpis")
    # the figures without data this month: the dashboard shows "—", no arrow
    kpi_without_data = fields.Json(compute="_compute_kpis")
    kpi_targets = fields.Json(string="Targets", compute="_compute_kpi_targets")

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "A store with this code already exists in this company.",
        ),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for store in self:
            store.display_name = (
                f"[{store.code}] {store.name}" if store.code else store.name
            )

    def _compute_counts(self):
        # the public directory: every internal user may count colleagues
        staff = dict(
            self.env["hr.employee.public"]._read_group(
                [("cs_store_id", "in", self.ids)], ["cs_store_id"], ["__count"]
            )
        )
        tickets = dict(
            self.env["helpdesk.ticket"]._read_group(
                [("cs_store_id", "in", self.ids), ("closed", "=", False)],
                ["cs_store_id"],
                ["__count"],
            )
        )
        for store in self:
            store.employee_count = staff.get(store, 0)
            store.open_ticket_count = tickets.get(store, 0)

    def _compute_kpis(self):
        """Two months of figures for all stores in one grouped query."""
        today = fields.Date.context_today(self)
        month_start = today.replace(day=1)
        previous_start = month_start - relativedelta(months=1)
        figures = self.env["cs.kpi.report"]._kpis_by(
            [
                ("store_id", "in", self.ids),
                ("date", ">=", previous_start),
                ("date", "<=", today),
            ],
            ["store_id", "date:month"],
            DASHBOARD_KPIS,
        )
        for store in self:
            current = self._month_values(figures, store, month_start)
            previous = self._month_values(figures, store, previous_start)
            for name in DASHBOARD_KPIS:
                store[f"kpi_{name}"] = current[name] or 0
            store.kpi_without_data = [
                name for name in DASHBOARD_KPIS if current[name] is None
            ]
            store.kpi_trend = {
                name: self._trend(name, current.get(name), previous.get(name))
                for name in DASHBOARD_KPIS
            }

    @staticmethod
    def _trend(name, current, previous):
        """+1: better than the previous month, -1: worse, 0: the same or
        nothing to compare (a month without data)."""
        if current is None or previous is None:
            return 0
        sign = (current > previous) - (current < previous)
        return -sign if name in LOWER_IS_BETTER else sign

    @classmethod
    def _month_values(cls, figures, store, month_start):
        """The dashboard's figures of a month: a count without activity is
        0, a rate without a denominator None."""
        values = cls._month_figures(figures, store, month_start)
        return {
            name: values.get(name, None if name in RATES else 0)
            for name in DASHBOARD_KPIS
        }

    def _compute_kpi_targets(self):
        """This month's targets of the store (not of its teams), each with
        its actual and the gap: [{kpi, label, target, actual, gap, met}]."""
        today = fields.Date.context_today(self)
        month_start = today.replace(day=1)
        Target = self.env["cs.target"]
        targets = Target.search(
            [
                ("store_id", "in", self.ids),
                ("team_id", "=", False),
                ("month", "=", month_start),
            ]
        )
        if not targets:
            self.kpi_targets = []
            return
        figures = self.env["cs.kpi.report"]._kpis_by(
            [
                ("store_id", "in", targets.store_id.ids),
                ("date", ">=", month_start),
                ("date", "<=", today),
            ],
            ["store_id"],
            set(targets.mapped("kpi")),
        )
        labels = dict(Target._fields["kpi"]._description_selection(self.env))
        for store in self:
            actuals = figures.get(store, {})
            store.kpi_targets = [
                self._target_line(
                    target,
                    labels,
                    # a count without activity is 0; a rate without data None
                    actuals.get(target.kpi, None if target.kpi in RATES else 0),
                )
                for target in targets
                if target.store_id == store
            ]

    @staticmethod
    def _target_line(target, labels, actual):
        gap, met = target._gap(target.kpi, target.value, actual)
        return {
            "kpi": target.kpi,
            "label": labels[target.kpi],
            "target": target.value,
            "actual": None if gap is None else actual,
            "gap": gap,
            "met": met,
        }

    @staticmethod
    def _month_figures(figures, store, month_start):
        return next(
            (
                values
                for (group_store, month), values in figures.items()
                if group_store == store and month == month_start
            ),
            {},
        )

    @api.model_create_multi
    def create(self, vals_list):
        stores = super().create(vals_list)
        if stores.filtered("manager_id"):
            self.env["hr.employee"]._cs_organisation_changed()
        return stores

    def write(self, vals):
        res = super().write(vals)
        # the record rules read res.users.cs_managed_store_ids: a cached
        # domain goes stale when a store changes hands
        if STORE_LEADER_FIELDS & vals.keys():
            self.env["hr.employee"]._cs_organisation_changed()
        return res

    @api.constrains("crm_team_id")
    def _check_own_sales_team(self):
        """A store's sales team sells for that store only: shared, its
        opportunities would open to the other store's staff."""
        teams = self.crm_team_id
        if not teams:
            return
        counts = dict(
            self.sudo()._read_group(
                [("crm_team_id", "in", teams.ids)], ["crm_team_id"], ["__count"]
            )
        )
        shared = [team for team, count in counts.items() if count > 1]
        if shared:
            raise ValidationError(
                _(
                    "Sales team %(team)s already sells for another store.",
                    team=shared[0].display_name,
                )
            )

    @api.constrains("manager_id", "supervisor_ids")
    def _check_leaders_in_store(self):
        self._check_staff_belongs_to_store()

    def _check_staff_belongs_to_store(self):
        """The manager and the supervisors of a store work in that store."""
        for store in self:
            outsiders = (store.manager_id | store.supervisor_ids).filtered(
                lambda emp, store=store: emp.cs_store_id != store
            )
            if outsiders:
                raise ValidationError(
                    _(
                        "%(names)s cannot lead store %(store)s: assign them to "
                        "the store first.",
                        names=", ".join(outsiders.mapped("name")),
                        store=store.display_name,
                    )
                )

    def action_view_open_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_management.action_cs_ticket"
        )
        action["domain"] = [("cs_store_id", "=", self.id)]
        action["context"] = {"search_default_open": 1, "default_cs_store_id": self.id}
        return action

    def action_view_staff(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_management.action_cs_staff"
        )
        action["domain"] = [("cs_store_id", "=", self.id)]
        action["context"] = {"default_cs_store_id": self.id}
        return action
