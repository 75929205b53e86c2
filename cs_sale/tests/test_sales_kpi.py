"""KPI-8 with the Sales app: a store sells through its confirmed orders and
the won deals that never became one; a deal and its order count once, and
the sales target's actual on the dashboard is that figure."""

from odoo import Command, fields
from odoo.tools import sql

from ..hooks import uninstall_hook
from ..models.cs_kpi_report import ORDER_INDEXES
from .common_orders import CsOrdersCase


class TestSalesKpi(CsOrdersCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sales_a = cls.env["crm.team"].create({"name": "Sales A"})
        cls.store_a.crm_team_id = cls.sales_a

    def _deal(self, name, revenue):
        deal = self.env["crm.lead"].create(
            {
                "type": "opportunity",
                "name": name,
                "expected_revenue": revenue,
                "team_id": self.sales_a.id,
                "user_id": self.agent_a.user_id.id,
            }
        )
        deal.action_set_won()
        return deal

    def _order(self, amount, **values):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "team_id": self.sales_a.id,
                "user_id": self.agent_a.user_id.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.cream.id,
                            "price_unit": amount,
                            "tax_id": [Command.clear()],
                        }
                    )
                ],
                **values,
            }
        )
        order.action_confirm()
        return order

    def test_orders_and_unsold_won_deals_count_once(self):
        self._order(1200)  # sold over the counter
        self._deal("Gift sets", 500)  # won, no order yet
        sold = self._deal("Spa package", 800)
        self._order(300, opportunity_id=sold.id)  # its order: 300, not 800
        self._order(999)._action_cancel()  # cancelled: no sale
        self._order(4000, team_id=False)  # no store's sales team
        today = fields.Date.today()  # the day of the orders, as stored
        self.env.flush_all()
        store = self.env["cs.kpi.report"]._kpis_by(
            [("date", "=", today), ("store_id", "=", self.store_a.id)],
            ["store_id"],
            {"sales_amount"},
        )
        self.assertEqual(store[self.store_a]["sales_amount"], 1200 + 500 + 300)
        agent = self.env["cs.kpi.report"].get_employee_kpis(self.agent_a, today, today)
        self.assertEqual(agent["sales_amount"], 1200 + 500 + 300 + 4000)

        self.env["cs.target"].with_user(self.store_manager_a.user_id).create(
            {"store_id": self.store_a.id, "kpi": "sales_amount", "value": 2500}
        )
        line = next(
            line
            for line in self.store_a.with_user(self.store_manager_a.user_id).kpi_targets
            if line["kpi"] == "sales_amount"
        )
        self.assertEqual(
            (line["actual"], line["gap"], line["met"]), (2000, -500, False)
        )

    def test_uninstalling_gives_the_view_back_to_cs_management(self):
        # DDL is transactional: the test's rollback restores the view
        self._order(1200)
        self._deal("Gift sets", 500)
        uninstall_hook(self.env)
        self.assertFalse(
            any(sql.index_exists(self.env.cr, name) for name, *_ in ORDER_INDEXES)
        )
        self.env.cr.execute(
            "SELECT pg_get_viewdef('cs_kpi_report'::regclass) LIKE '%sale_order%'"
        )
        self.assertFalse(self.env.cr.fetchone()[0], "no order in the view")
        self.env.flush_all()
        today = fields.Date.today()
        store = self.env["cs.kpi.report"]._kpis_by(
            [("date", "=", today), ("store_id", "=", self.store_a.id)],
            ["store_id"],
            {"sales_amount"},
        )
        self.assertEqual(store[self.store_a]["sales_amount"], 500, "won deals only")
