"""What customers buy at the till counts in their purchase profile, their
tier and the loyalty report, with their sale orders: figures computed by
hand."""

from datetime import timedelta

from odoo import Command
from odoo.tests import tagged

from odoo.addons.cs_sale.tests.common_customer import TODAY, months_ago
from odoo.addons.cs_sale.tests.test_customer_profile import PROFILE_BUDGET, spec

from .common import CsPosCase

PROFILE_FIELDS = (
    "cs_order_count",
    "cs_order_amount",
    "cs_first_order_date",
    "cs_last_order_date",
    "cs_order_interval_days",
    "cs_favourite_product_ids",
    "cs_favourite_categ_ids",
)


class TestPosPurchases(CsPosCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket = cls._customer_ticket(cls.customer, "My serum from the shop")

    def _profile(self, user):
        customer = self.customer.with_user(user)
        customer.invalidate_model()
        with self._at(TODAY):
            return customer.read(list(PROFILE_FIELDS))[0]

    def test_the_profile_counts_the_till_receipts(self):
        self._order(self.customer, months_ago(3), [(self.serum, 2, 1000)])
        self._receipt(
            self.customer,
            months_ago(1),
            [(self.lipstick, 4, 500), (self.serum, 1, 1000)],
        )
        # a receipt not paid yet is no purchase
        self._receipt(self.customer, months_ago(0), [(self.serum, 9, 1000)], False)
        profile = self._profile(self.agent_a.user_id)
        self.assertEqual(profile["cs_order_count"], 2)
        # the order 2 x 1,000, the receipt 4 x 500 + 1,000
        self.assertEqual(profile["cs_order_amount"], 5000)
        self.assertEqual(profile["cs_first_order_date"], months_ago(3))
        self.assertEqual(profile["cs_last_order_date"], months_ago(1))
        # 18 Aug -> 18 Oct: 61 days for one interval
        self.assertEqual(profile["cs_order_interval_days"], 61.0)
        # 4 lipsticks before 3 serums; skincare 3,000 before make-up 2,000
        self.assertEqual(
            profile["cs_favourite_product_ids"], [self.lipstick.id, self.serum.id]
        )
        self.assertEqual(
            profile["cs_favourite_categ_ids"], [self.skincare.id, self.makeup.id]
        )

    def test_a_refund_at_the_till_is_no_purchase(self):
        receipt = self._receipt(self.customer, months_ago(1), [(self.serum, 2, 1000)])
        refund = self.env["pos.order"].browse(receipt.refund()["res_id"])
        self._pay(refund)
        self.assertEqual((refund.state, refund.amount_total), ("paid", -2000))
        profile = self._profile(self.agent_a.user_id)
        self.assertEqual(profile["cs_order_count"], 1)
        self.assertEqual(profile["cs_order_amount"], 2000)
        self.assertEqual(profile["cs_favourite_product_ids"], [self.serum.id])

    def test_a_tier_is_reached_by_spending_at_the_till(self):
        # Silver: 3,000 and 2 purchases over 12 months; Gold: 10,000 and 3
        self._receipt(self.customer, months_ago(2), [(self.serum, 2, 1000)])
        self._classify(self.customer)
        self.assertFalse(self.customer.cs_tier_id)  # 2,000, one purchase
        self._receipt(self.customer, months_ago(1), [(self.lipstick, 3, 500)])
        self._classify(self.customer)
        self.assertEqual(self.customer.cs_tier_id, self.tier["silver"])  # 3,500, two

    def test_the_loyalty_report_counts_the_till_receipts(self):
        self._order(self.customer, months_ago(3), [(self.serum, 2, 1000)])
        self._receipt(self.customer, months_ago(1), [(self.lipstick, 4, 500)])
        report = self.env["cs.customer.report"].with_user(self.cs_manager.user_id)
        rows = report.search_read([("partner_id", "=", self.customer.id)])
        self.assertEqual(
            [(row["order_count"], row["amount"], row["repeat_rate"]) for row in rows],
            [(2, 4000, 100.0)],
        )
        self.assertEqual(rows[0]["first_order_date"], months_ago(3))
        self.assertEqual(rows[0]["last_order_date"], months_ago(1))


@tagged("is_query_count")
class TestPosProfileCost(CsPosCase):
    """The till's receipts cost the profile no query: cs_sale's budget holds
    for 4 receipts and for 40."""

    def _receipts(self, count):
        # as the import of a till's history would: paid receipts, at once
        self.env["pos.order"].sudo().create(
            [
                {
                    "session_id": self.session.id,
                    "partner_id": self.customer.id,
                    "state": "paid",
                    "date_order": TODAY - timedelta(days=index),
                    "lines": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "qty": 1,
                                "price_unit": 100,
                                "price_subtotal": 100,
                                "price_subtotal_incl": 100,
                            }
                        )
                        for product in self.serum | self.lipstick
                    ],
                    "amount_total": 200,
                    "amount_tax": 0.0,
                    "amount_paid": 200,
                    "amount_return": 0.0,
                }
                for index in range(count)
            ]
        )

    def test_the_profile_reads_receipts_in_the_same_queries(self):
        self._customer_ticket(self.customer, "My usual lipstick")
        user = self.agent_a.user_id
        partner = self.customer.with_user(user)
        self.env = self.env(user=user)
        names = list(PROFILE_FIELDS)
        for count, total in ((4, 4), (36, 40)):
            self._receipts(count)
            if count == 4:
                partner.web_read(spec(partner, names))  # warm-up
            with self.subTest(receipts=total):
                self.env.invalidate_all()
                with self.assertQueryCount(PROFILE_BUDGET):
                    profile = partner.web_read(spec(partner, names))[0]
                self.assertEqual(profile["cs_order_count"], total)
                self.assertEqual(profile["cs_order_amount"], 200 * total)
