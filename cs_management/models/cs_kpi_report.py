from psycopg2.extensions import TRANSACTION_STATUS_INERROR

from odoo import api, fields, models, tools
from odoo.tools import SQL

from .kpi_definitions import (  # noqa: F401 (the KPIs' one home, re-exported)
    COUNTS,
    KPI_CHOICES,
    PROBLEM_KINDS,
    RATES,
    counts_for,
    rate,
)

# the view filters its sources by day: let PostgreSQL find them. Odoo keeps
# an index it did not name at uninstall: hooks.py drops these.
DAY_INDEXES = (
    (
        "helpdesk_ticket_cs_received_at_day_idx",
        "helpdesk_ticket",
        "(cs_received_at::date)",
        "",
    ),
    (
        "helpdesk_ticket_cs_closed_date_day_idx",
        "helpdesk_ticket",
        "(closed_date::date)",
        "",
    ),
    (
        "rating_rating_cs_create_date_day_idx",
        "rating_rating",
        "(create_date::date)",
        "",
    ),
    ("crm_lead_cs_date_closed_day_idx", "crm_lead", "(date_closed::date)", ""),
    (
        "mail_message_cs_ticket_reply_day_idx",
        "mail_message",
        "(date::date)",
        "model = 'helpdesk.ticket' AND message_type = 'comment'",
    ),
)


class CsKpiReport(models.Model):
    """The service KPIs of the rulebooks (KPI-1..8) at the grain agent ×
    team × store × day. Counts are additive; rates come from RATES.

    Tickets count on the day they were received (their cohort: complaint,
    resolution, response, deadline and reopen figures); ratings on the day
    they were requested; replies, resolved tickets and sales on the day they
    happened; inspections on their date (a sampled ticket's closing day).
    Days are UTC days."""

    _name = "cs.kpi.report"
    _description = "Service KPIs"
    _auto = False
    _rec_name = "date"
    _order = "date desc"
    _check_company_auto = True

    date = fields.Date(readonly=True)
    user_id = fields.Many2one("res.users", string="Agent", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    team_id = fields.Many2one("helpdesk.ticket.team", readonly=True)
    store_id = fields.Many2one("cs.store", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)

    inquiries = fields.Integer(readonly=True)
    customers_served = fields.Integer(readonly=True)
    complaining_customers = fields.Integer(readonly=True)
    complaints_charged = fields.Integer(
        string="Complaints about the Agent's Service", readonly=True
    )
    complaints_handled = fields.Integer(readonly=True)
    customers_with_problem = fields.Integer(
        string="Customers with a Problem", readonly=True
    )
    customers_solved = fields.Integer(readonly=True)
    staff_complaints = fields.Integer(string="Complaints about Staff", readonly=True)
    first_response_hours = fields.Float(readonly=True)
    first_responses = fields.Integer(readonly=True)
    handling_hours = fields.Float(readonly=True)
    handled = fields.Integer(string="Tickets Handled", readonly=True)
    closed_tickets = fields.Integer(readonly=True)
    reopened = fields.Integer(string="Reopened Tickets", readonly=True)
    ratings = fields.Integer(readonly=True)
    rating_total = fields.Float(string="Rating Points", readonly=True)
    ratings_satisfied = fields.Integer(string="Satisfied Ratings", readonly=True)
    ratings_neutral = fields.Integer(string="Neutral Ratings", readonly=True)
    ratings_dissatisfied = fields.Integer(string="Dissatisfied Ratings", readonly=True)
    deadlines_due = fields.Integer(string="Tickets Due for Resolution", readonly=True)
    deadlines_met = fields.Integer(string="Resolved in Time", readonly=True)
    replies_due = fields.Integer(string="Tickets Due for a First Reply", readonly=True)
    replies_in_time = fields.Integer(string="First Replies in Time", readonly=True)
    replies = fields.Integer(readonly=True)
    resolved = fields.Integer(readonly=True)
    qa_inspections = fields.Integer(string="Inspections", readonly=True)
    qa_score_total = fields.Float(string="Inspection Points", readonly=True)
    qa_passed = fields.Integer(string="Inspections Passed", readonly=True)
    sales_amount = fields.Float(readonly=True)
    deals_won = fields.Integer(readonly=True)
    leads_closed = fields.Integer(string="Opportunities Closed", readonly=True)
    commendations = fields.Integer(readonly=True)
    customer_commendations = fields.Integer(
        string="Commendations by Customers", readonly=True
    )
    disciplinary_records = fields.Integer(readonly=True)

    # rates: filled from the summed counts of each group (see read_group)
    complaint_rate = fields.Float(string="Complaint Rate (%)", readonly=True)
    agent_complaint_rate = fields.Float(
        string="Agent Complaint Rate (%)", readonly=True
    )
    resolution_rate = fields.Float(string="Resolution Rate (%)", readonly=True)
    avg_first_response_hours = fields.Float(
        string="Avg First Response (h)", readonly=True
    )
    avg_handling_hours = fields.Float(string="Avg Handling Time (h)", readonly=True)
    rating_average = fields.Float(readonly=True)
    praise_rate = fields.Float(string="Praise Rate (%)", readonly=True)
    staff_complaint_rate = fields.Float(
        string="Complaints about Staff (%)", readonly=True
    )
    within_deadline_rate = fields.Float(string="Within Deadline (%)", readonly=True)
    reply_timeliness_rate = fields.Float(string="Reply Timeliness (%)", readonly=True)
    reopen_rate = fields.Float(string="Reopen Rate (%)", readonly=True)
    qa_average = fields.Float(string="QA Average (IQS)", readonly=True)
    qa_accuracy_rate = fields.Float(string="QA Accuracy (%)", readonly=True)
    conversion_rate = fields.Float(string="Conversion Rate (%)", readonly=True)

    # ------------------------------------------------------------------
    # The view: one stream per source, added up per key. Each part is a
    # method returning SQL, so that a module adds a stream or a column.
    # ------------------------------------------------------------------
    KEYS = ("date", "user_id", "team_id", "store_id", "company_id")

    def _sql_type(self, name):
        return SQL("integer") if self._fields[name].type == "integer" else SQL("float")

    def _keys(self, alias=None):
        return SQL(", ").join(
            SQL.identifier(*filter(None, (alias, key))) for key in self.KEYS
        )

    def _select(self):
        # the id hashes the key: stable, and unlike row_number() it lets
        # PostgreSQL push a filter on the day down into every stream
        return SQL(
            """SELECT ('x' || substr(md5(concat_ws(',', %s)), 1, 15))::bit(60)::bigint
                          AS id,
                      g.*, e.id AS employee_id, %s""",
            self._keys("g"),
            SQL(", ").join(
                SQL("NULL::float AS %s", SQL.identifier(name)) for name in RATES
            ),
        )

    def _from(self):
        sums = SQL(", ").join(
            SQL(
                "SUM(%s)::%s AS %s",
                SQL.identifier(name),
                self._sql_type(name),
                SQL.identifier(name),
            )
            for name in COUNTS
        )
        return SQL(
            """FROM (SELECT %(keys)s, %(sums)s
                       FROM (%(streams)s) AS streams
                     %(where)s
                      GROUP BY %(group_by)s) AS g
               LEFT JOIN hr_employee e
                      ON e.user_id = g.user_id AND e.company_id = g.company_id
                     AND e.active""",
            keys=self._keys(),
            sums=sums,
            streams=SQL("\nUNION ALL\n").join(self._streams()),
            where=self._where(),
            group_by=self._group_by(),
        )

    def _where(self):
        """A condition on the streams' rows, WHERE included; none by default."""
        return SQL()

    def _group_by(self):
        return self._keys()

    def _view_query(self):
        return SQL("%s %s", self._select(), self._from())

    # ------------------------------------------------------------------
    # Rates from sums
    # ------------------------------------------------------------------
    @api.model
    def _read_group(
        self,
        domain,
        groupby=(),
        aggregates=(),
        having=(),
        offset=0,
        limit=None,
        order=None,
    ):
        # measured: compiling this view's plan (PostgreSQL JIT) takes longer
        # than running it on a month of a million tickets; off for this query only
        cr = self.env.cr
        cr.execute("SELECT current_setting('jit'), set_config('jit', 'off', true)")
        jit = cr.fetchone()[0]
        try:
            return super()._read_group(
                domain, groupby, aggregates, having, offset, limit, order
            )
        finally:
            # after an SQL error, the rollback restores the setting
            if cr._cnx.info.transaction_status != TRANSACTION_STATUS_INERROR:
                cr.execute(SQL("SELECT set_config('jit', %s, true)", jit))

    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        """Pivot and graph: each rate of a group from its summed counts;
        False (an empty cell, not 0) for a group without a denominator."""
        asked = {spec.split(":")[0] for spec in fields}
        wanted = [name for name in RATES if name in asked]
        counts = {part for name in wanted for part in RATES[name][:2]} - asked
        rows = super().read_group(
            domain,
            list(fields) + [f"{c}:sum" for c in counts],
            groupby,
            offset,
            limit,
            orderby,
            lazy,
        )
        for row in rows:
            for name in wanted:
                numerator, denominator, factor = RATES[name]
                value = rate(row.get(numerator) or 0, row.get(denominator) or 0, factor)
                row[name] = False if value is None else value
        return rows

    @api.model
    def _values(self, sums):
        """Counts and the rates they give, from {count: summed value}; a
        rate without a denominator is None."""
        values = {name: value or 0 for name, value in sums.items()}
        rates = {
            name: parts
            for name, parts in RATES.items()
            if parts[0] in values and parts[1] in values
        }
        values.update(
            {
                name: rate(values[num], values[den], factor)
                for name, (num, den, factor) in rates.items()
            }
        )
        return values

    @api.model
    def _kpis_by(self, domain, groupby, names=COUNTS + tuple(RATES)):
        """{group: counts and rates} over ``domain``: the one computation
        every consumer (dashboard, appraisal) uses. A single group key is
        given as itself, several as a tuple. Only the counts ``names`` need
        are summed: the view computes no other."""
        counts = counts_for(names)
        rows = self._read_group(domain, groupby, [f"{name}:sum" for name in counts])
        size = len(groupby)
        return {
            (row[0] if size == 1 else tuple(row[:size])): self._values(
                dict(zip(counts, row[size:], strict=True))
            )
            for row in rows
        }

    @api.model
    def _kpis(self, domain):
        return self._kpis_by(domain, [])[()]

    @api.model
    def get_employee_kpis(self, employee, date_from, date_to):
        """KPI values of ``employee`` from ``date_from`` to ``date_to``
        (inclusive): every count of COUNTS and every rate of RATES."""
        return self._kpis(self._employee_domain(employee, date_from, date_to))

    @api.model
    def _employee_domain(self, employee, date_from, date_to):
        return [
            ("user_id", "=", employee.user_id.id or 0),
            ("company_id", "=", employee.company_id.id),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
        ]

    def init(self):
        # tickets count on the day they were received, no longer created
        self.env.cr.execute(
            "DROP INDEX IF EXISTS helpdesk_ticket_cs_create_date_day_idx"
        )
        for name, table, expression, where in DAY_INDEXES:
            tools.create_index(self.env.cr, name, table, [expression], where=where)
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._view_query(),
            )
        )
