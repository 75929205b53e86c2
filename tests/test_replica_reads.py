"""Reports are read on the replica: the web client's report requests (KPI
pivot, store dashboard, QA analysis, appraisal analysis) take Odoo 18's
read-only path, whose cursor a server with ``db_replica_host`` opens on the
replica, and none of them writes (a write would make Odoo run the request
again on the primary, which the spy would see as a read/write cursor)."""

from odoo.addons.cs_appraisal.tests.common import CsAppraisalCase
from odoo.addons.cs_management.models.cs_store import DASHBOARD_KPIS

from .common import SuiteHttpCase

REPORTS = ("cs.kpi.report", "cs.qa.inspection.line", "cs.appraisal")


class TestReportsReadOnTheReplica(SuiteHttpCase, CsAppraisalCase):
    def setUp(self):
        super().setUp()
        self.cursors = []
        for model in REPORTS:
            self._spy_grouped_reads(type(self.env[model]))
        self.authenticate(self.cs_manager.user_id.login, self.cs_manager.user_id.login)

    def _spy_grouped_reads(self, model_class):
        original = model_class._read_group

        def spy(records, *args, **kwargs):
            self.cursors.append((records._name, records.env.cr.readonly))
            return original(records, *args, **kwargs)

        self.patch(model_class, "_read_group", spy)

    def _call(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def test_the_report_requests_take_the_read_only_cursor(self):
        pivot = self._call(
            "cs.kpi.report",
            "read_group",
            [],
            ["complaint_rate", "customers_served:sum"],
            ["store_id"],
            lazy=False,
        )
        self.assertTrue(pivot)
        dashboard = self._call(
            "cs.store",
            "web_search_read",
            specification={f"kpi_{name}": {} for name in DASHBOARD_KPIS},
            domain=[("id", "in", (self.store_a | self.store_b).ids)],
        )
        self.assertEqual(dashboard["length"], 2)
        self._call(
            "cs.qa.inspection.line",
            "read_group",
            [],
            ["abs_deviation:avg"],
            ["criterion_id"],
        )
        self._call("cs.appraisal", "web_read_group", [], ["__count"], ["state"])
        self.assertEqual({model for model, _readonly in self.cursors}, set(REPORTS))
        self.assertEqual(
            [ro for _model, ro in self.cursors],
            [True] * len(self.cursors),
            self.cursors,
        )

    def test_a_save_takes_the_read_write_cursor(self):
        """The spy tells the two paths apart: a form saved, then read back,
        is on the primary."""
        self._call(
            "cs.appraisal.period",
            "web_save",
            self.period.ids,
            {"review_deadline": "2025-04-30"},
            specification={"appraisal_count": {}},
        )
        self.assertEqual(self.cursors, [("cs.appraisal", False)])
