"""The demo: a till in each store, its session open, the demo customers'
paid receipts counted in the store's sales and the customers' purchases."""

from odoo.tests import TransactionCase

from ..hooks import uninstall_hook


class TestPosDemo(TransactionCase):
    def _sales(self, stores):
        self.env.flush_all()
        sales = self.env["cs.kpi.report"]._kpis_by(
            [("store_id", "in", stores.ids)], ["store_id"], {"sales_amount"}
        )
        return {store: sales.get(store, {}).get("sales_amount", 0) for store in stores}

    def test_each_store_sells_at_its_till(self):
        stores = self.env["cs.store"].search([])
        tills = self.env["pos.config"].search([("cs_store_id", "in", stores.ids)])
        self.assertEqual(tills.cs_store_id, stores)
        receipts = self.env["pos.order"].search([("config_id", "in", tills.ids)])
        self.assertEqual(len(receipts), 24)
        self.assertEqual(set(receipts.mapped("state")), {"paid"})
        self.assertTrue(all(tills.mapped("current_session_id")))
        customer = receipts[:1].partner_id.commercial_partner_id
        orders = self.env["sale.order"].search_count(
            [
                ("partner_id", "child_of", customer.id),
                ("state", "=", "sale"),
                ("company_id", "in", self.env.companies.ids),
            ]
        )
        bought_at_till = len(
            receipts.filtered(lambda r: r.partner_id.commercial_partner_id == customer)
        )
        self.assertEqual(customer.cs_order_count, orders + bought_at_till)
        # the store's sales with the till, less its sales without it (the
        # views as they are once cs_pos is gone; the test's rollback restores
        # them): each till's receipts, untaxed
        with_till = self._sales(stores)
        uninstall_hook(self.env)
        without_till = self._sales(stores)
        for till in tills:
            store = till.cs_store_id
            sold = sum(
                receipt.amount_total - receipt.amount_tax
                for receipt in receipts
                if receipt.config_id == till
            )
            with self.subTest(store=store.code):
                self.assertTrue(sold)
                self.assertAlmostEqual(with_till[store] - without_till[store], sold)
