"""The demo: a till in each store, its session open, the demo customers'
paid receipts counted in the store's sales and the customers' purchases."""

from odoo.tests import TransactionCase


class TestPosDemo(TransactionCase):
    def test_each_store_sells_at_its_till(self):
        stores = self.env["cs.store"].search([])
        tills = self.env["pos.config"].search([("cs_store_id", "in", stores.ids)])
        self.assertEqual(tills.cs_store_id, stores)
        receipts = self.env["pos.order"].search([("config_id", "in", tills.ids)])
        self.assertEqual(len(receipts), 24)
        self.assertEqual(set(receipts.mapped("state")), {"paid"})
        self.assertTrue(all(tills.mapped("current_session_id")))
        self.env.flush_all()
        sales = self.env["cs.kpi.report"]._kpis_by(
            [("store_id", "in", stores.ids)], ["store_id"], {"sales_amount"}
        )
        for till in tills:
            sold = sum(
                (receipt.amount_total - receipt.amount_tax)
                for receipt in receipts
                if receipt.config_id == till
            )
            with self.subTest(store=till.cs_store_id.code):
                self.assertGreaterEqual(sales[till.cs_store_id]["sales_amount"], sold)
        customer = receipts[:1].partner_id.commercial_partner_id
        self.assertGreaterEqual(
            customer.cs_order_count,
            len(
                receipts.filtered(
                    lambda r: r.partner_id.commercial_partner_id == customer
                )
            ),
        )
