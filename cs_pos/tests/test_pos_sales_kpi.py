"""KPI-8 with the till: a store's sales count the paid receipts of the
points of sale it holds; uninstalling cs_pos takes them out of the view."""

from odoo import fields
from odoo.tools import sql

from ..hooks import uninstall_hook
from ..models.cs_kpi_report import TILL_DAY_INDEX
from .common import CsPosCase


class TestPosSalesKpi(CsPosCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.till.cs_store_id = cls.store_a

    def _store_sales(self):
        self.env.flush_all()
        today = fields.Date.today()  # the receipts' day, as stored
        figures = self.env["cs.kpi.report"]._kpis_by(
            [("date", "=", today), ("store_id", "=", self.store_a.id)],
            ["store_id"],
            {"sales_amount"},
        )
        return figures.get(self.store_a, {}).get("sales_amount", 0)

    def test_the_till_sells_for_its_store(self):
        now = fields.Datetime.now()
        self._receipt(self.customer, now, [(self.serum, 2, 450)])
        self._receipt(self.customer, now, [(self.lipstick, 1, 300)])
        self._receipt(self.customer, now, [(self.serum, 9, 1000)], pay=False)  # unpaid
        self.assertEqual(self._store_sales(), 900 + 300)

    def test_uninstalling_takes_the_till_out_of_the_kpis(self):
        # DDL is transactional: the test's rollback restores the views
        self._receipt(self.customer, fields.Datetime.now(), [(self.serum, 2, 450)])
        uninstall_hook(self.env)
        self.assertFalse(sql.index_exists(self.env.cr, TILL_DAY_INDEX))
        self.env.cr.execute(
            "SELECT pg_get_viewdef('cs_kpi_report'::regclass) LIKE '%pos_order%'"
        )
        self.assertFalse(self.env.cr.fetchone()[0])
        self.assertEqual(self._store_sales(), 0)
