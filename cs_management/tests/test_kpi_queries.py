"""The KPI report's reads cost a fixed number of queries, whatever the
number of stores or agents shown; the report leaves the transaction's
settings as it found them; the indexes it adds on other modules' tables are
the ones the uninstall hook drops."""

from odoo.exceptions import AccessError
from odoo.tests import new_test_user
from odoo.tools import sql

from ..hooks import OVERRIDDEN_FIELD_INDEXES
from ..models.cs_kpi_report import DAY_INDEXES
from .common import CsTicketCase

# queries of the store dashboard (the KPI tiles of any number of stores)
# and of a pivot of the report by agent, measured warm
DASHBOARD_BUDGET = 7
PIVOT_BUDGET = 5
DASHBOARD_FIELDS = (
    "name",
    "code",
    "open_ticket_count",
    "kpi_trend",
    "kpi_inquiries",
    "kpi_complaint_rate",
    "kpi_resolution_rate",
    "kpi_rating_average",
    "kpi_within_deadline_rate",
    "kpi_qa_average",
)


class TestKpiQueries(CsTicketCase):
    def setUp(self):
        super().setUp()
        self.manager = self.cs_manager.user_id
        self._new_ticket("complaint")
        self._new_ticket(
            "consultation",
            team_id=self.team_b.id,
            user_id=self.agent_b.user_id.id,
            user=self.agent_b.user_id,
        )
        self.env.flush_all()

    def _queries(self, function):
        self.env.invalidate_all()
        function()  # warm: the registry's caches
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        result = function()
        return self.env.cr.sql_log_count - before, result

    def _dashboard(self, stores):
        spec = {name: {} for name in DASHBOARD_FIELDS}
        Store = self.env["cs.store"].with_user(self.manager)
        return lambda: Store.web_search_read([("id", "in", stores.ids)], spec)[
            "records"
        ]

    def test_the_dashboard_costs_the_same_for_one_store_or_all(self):
        one, records = self._queries(self._dashboard(self.store_a))
        self.assertEqual(
            records[0]["kpi_inquiries"], 2, "the complaint and the ticket of the set-up"
        )
        every, records = self._queries(self._dashboard(self.store_a | self.store_b))
        self.assertEqual(len(records), 2)
        self.assertEqual(every, one, "no query per store")
        self.assertLessEqual(every, DASHBOARD_BUDGET)

    def test_the_pivot_by_agent_costs_the_same_for_one_agent_or_all(self):
        Report = self.env["cs.kpi.report"].with_user(self.manager)

        def pivot(domain):
            return lambda: Report.read_group(
                domain, ["complaint_rate", "inquiries"], ["user_id"]
            )

        one, rows = self._queries(pivot([("user_id", "=", self.agent_a.user_id.id)]))
        self.assertEqual(
            [row["complaint_rate"] for row in rows],
            [100.0],
            "one customer, who complained",
        )
        every, rows = self._queries(pivot([]))
        self.assertGreaterEqual(len(rows), 2)
        self.assertEqual(every, one, "no query per agent")
        self.assertLessEqual(every, PIVOT_BUDGET)

    def test_the_report_leaves_the_transaction_settings_as_they_were(self):
        cr = self.env.cr
        cr.execute("SELECT set_config('jit', 'on', true)")
        self.env["cs.kpi.report"].read_group([], ["inquiries"], ["company_id"])
        self.store_a.invalidate_recordset()
        self.assertGreaterEqual(self.store_a.kpi_inquiries, 1)
        cr.execute("SHOW jit")
        self.assertEqual(cr.fetchone()[0], "on")
        outsider = new_test_user(self.env, login="t_no_kpi", groups="base.group_user")
        with self.assertRaises(AccessError):
            self.env["cs.kpi.report"].with_user(outsider)._read_group(
                [], ["company_id"], ["inquiries:sum"]
            )
        cr.execute("SHOW jit")
        self.assertEqual(cr.fetchone()[0], "on", "nor when the user may not read it")

    def test_the_indexes_the_uninstall_hook_drops_are_those_installed(self):
        cr = self.env.cr
        names = [name for name, *_definition in DAY_INDEXES]
        names += [
            sql.make_index_name(table, column)
            for table, column in OVERRIDDEN_FIELD_INDEXES
        ]
        for name in names:
            with self.subTest(index=name):
                self.assertTrue(sql.index_exists(cr, name))
