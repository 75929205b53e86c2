"""The customer's purchase profile on the contact form and the ticket's
customer panel: figures computed by hand, who sees them, and the cost of
opening them for a customer with 1,000 orders."""

import logging
from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_customer import TODAY, CsCustomerCase, months_ago

_logger = logging.getLogger(__name__)

PROFILE_FIELDS = (
    "cs_profile_visible",
    "cs_order_count",
    "cs_order_amount",
    "cs_first_order_date",
    "cs_last_order_date",
    "cs_order_interval_days",
    "cs_favourite_product_ids",
    "cs_favourite_categ_ids",
    "cs_satisfaction_recent",
    "cs_satisfaction_before",
    "cs_satisfaction_trend",
)
PANEL_FIELDS = (
    "cs_customer_tier_id",
    "cs_customer_profile_visible",
    "cs_customer_order_count",
    "cs_customer_order_amount",
    "cs_customer_last_order_date",
    "cs_customer_order_interval_days",
    "cs_customer_favourite_product_ids",
    "cs_customer_favourite_categ_ids",
    "cs_customer_satisfaction_trend",
    "cs_customer_consent_scope",
)
# queries to open the profile, or the ticket's panel, for any number of orders
# (the customer row, its visibility, orders, lines, ratings, the favourites'
# names and categories, the currency; measured 13 and 15 for the first read
# after orders were added, 11 and 12 after)
PROFILE_BUDGET = 13
PANEL_BUDGET = 15


def spec(model, names):
    return {
        name: {"fields": {"display_name": {}}} if model._fields[name].relational else {}
        for name in names
    }


class TestCustomerProfile(CsCustomerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "Where is my serum?",
                "description": "<p>Where is my serum?</p>",
                "partner_id": cls.customer.id,
                "team_id": cls.team_a.id,
                "user_id": cls.agent_a.user_id.id,
            }
        )

    def _buy(self):
        self._order(self.customer, months_ago(3), [(self.serum, 2, 1000)])
        self._order(self.customer, months_ago(2), [(self.lipstick, 3, 500)])
        self._order(
            self.customer,
            months_ago(1),
            [(self.serum, 1, 1000), (self.lipstick, 4, 400)],
        )
        # a quote is no purchase
        self._order(self.customer, months_ago(1), [(self.serum, 9, 1000)], False)

    def _profile(self, user, record=None):
        record = (record or self.customer).with_user(user)
        record.invalidate_model()
        with self._at(TODAY):
            return record.read(list(PROFILE_FIELDS))[0]

    def test_purchase_figures_on_hand_computed_orders(self):
        self._buy()
        profile = self._profile(self.agent_a.user_id)
        self.assertTrue(profile["cs_profile_visible"])
        self.assertEqual(profile["cs_order_count"], 3)
        # 2 x 1,000 + 3 x 500 + (1,000 + 4 x 400)
        self.assertEqual(profile["cs_order_amount"], 6100)
        self.assertEqual(profile["cs_first_order_date"], months_ago(3))
        self.assertEqual(profile["cs_last_order_date"], months_ago(1))
        # 18 Aug -> 18 Oct: 61 days for two intervals
        self.assertEqual(profile["cs_order_interval_days"], 30.5)
        # 7 lipsticks before 3 serums; make-up 3,100 before skincare 3,000
        self.assertEqual(
            profile["cs_favourite_product_ids"], [self.lipstick.id, self.serum.id]
        )
        self.assertEqual(
            profile["cs_favourite_categ_ids"], [self.makeup.id, self.skincare.id]
        )

    def test_a_contact_shows_its_company_purchases(self):
        shop = self.env["res.partner"].create({"name": "Rosy Shop", "is_company": True})
        self.customer.parent_id = shop
        self._buy()
        profile = self._profile(self.cs_manager.user_id, shop)
        self.assertEqual(profile["cs_order_count"], 3)

    def test_satisfaction_trend(self):
        for moment, value in (
            (months_ago(9), 2),
            (months_ago(8), 3),
            (months_ago(1), 5),
        ):
            with self._at(moment):
                self._rate(self.ticket, value)
                self.env.flush_all()
        profile = self._profile(self.agent_a.user_id)
        self.assertEqual(profile["cs_satisfaction_recent"], 5.0)
        self.assertEqual(profile["cs_satisfaction_before"], 2.5)
        self.assertEqual(profile["cs_satisfaction_trend"], "better")

    def test_the_ticket_panel_shows_the_same_figures(self):
        self._buy()
        self.customer._cs_override_tier(self.tier["gold"], "Test")
        ticket = self.ticket.with_user(self.agent_a.user_id)
        with self._at(TODAY):
            panel = ticket.read(list(PANEL_FIELDS))[0]
        self.assertEqual(panel["cs_customer_tier_id"][0], self.tier["gold"].id)
        self.assertEqual(panel["cs_customer_order_count"], 3)
        self.assertEqual(panel["cs_customer_order_amount"], 6100)
        self.assertEqual(
            panel["cs_customer_favourite_product_ids"],
            [self.lipstick.id, self.serum.id],
        )

    def test_agents_see_the_profiles_of_their_store_customers_only(self):
        self._buy()
        for user, sees in (
            (self.agent_a.user_id, True),
            (self.supervisor_a.user_id, True),
            (self.cs_manager.user_id, True),
            (self.agent_b.user_id, False),  # no ticket of this customer at store B
            (self.auditor.user_id, False),  # sees customers masked
            (self.trainer.user_id, False),
        ):
            with self.subTest(user=user.login):
                profile = self._profile(user)
                self.assertEqual(profile["cs_profile_visible"], sees)
                self.assertEqual(profile["cs_order_count"], 3 if sees else 0)
                self.assertEqual(profile["cs_order_amount"], 6100 if sees else 0)
                self.assertEqual(
                    bool(profile["cs_favourite_product_ids"]),
                    sees,
                )

    def test_the_report_and_movements_are_refused_to_agents_over_rpc(self):
        self._buy()
        self.customer._cs_override_tier(self.tier["gold"], "Test")
        for model in ("cs.customer.report", "cs.customer.tier.move"):
            Model = self.env[model].with_user(self.agent_a.user_id)
            with (
                self.subTest(model=model, call="search"),
                self.assertRaises(AccessError),
            ):
                Model.search([])
            with (
                self.subTest(model=model, call="read_group"),
                self.assertRaises(AccessError),
            ):
                Model.read_group([], ["partner_id"], ["partner_id"])
            records = self.env[model].search([])
            self.assertTrue(records)
            with (
                self.subTest(model=model, call="export"),
                self.assertRaises(
                    UserError
                ),  # no export right: the AccessError's parent
            ):
                records.with_user(self.agent_a.user_id).export_data(["partner_id"])
        with self.assertRaises(AccessError):
            self.env["cs.customer.tier.move"].with_user(self.cs_manager.user_id).create(
                {
                    "partner_id": self.customer.id,
                    "date": "2026-01-01",
                    "source": "rules",
                }
            )
        self.assertEqual(
            self.env["cs.customer.tier.move"].search_count(
                [("partner_id", "=", self.customer.id)]
            ),
            1,
        )
        report = self.env["cs.customer.report"].with_user(self.cs_manager.user_id)
        rows = report.search_read([("partner_id", "=", self.customer.id)])
        self.assertEqual(
            [(r["order_count"], r["amount"], r["repeat_rate"]) for r in rows],
            [(3, 6100, 100.0)],
        )


@tagged("is_query_count")
class TestCustomerProfileCost(CsCustomerCase):
    """The profile and the panel open in a fixed number of queries, whatever
    the number of orders (grouped reads): the same budget holds for 4 orders
    and for 40. The time for a customer with 1,000 orders is measured by
    bench/customer_profile.py (creating 1,000 orders through the ORM takes
    minutes: not for every test run)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "My usual order",
                "description": "<p>My usual order</p>",
                "partner_id": cls.customer.id,
                "team_id": cls.team_a.id,
                "user_id": cls.agent_a.user_id.id,
            }
        )

    def _orders(self, count):
        # as the import of a shop's history would: confirmed orders, at once
        self.env["sale.order"].create(
            [
                {
                    "partner_id": self.customer.id,
                    "state": "sale",
                    "date_order": TODAY - timedelta(days=index),
                    "order_line": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_qty": 1 + index % 3,
                                "price_unit": 100,
                                "tax_id": [Command.clear()],
                            }
                        )
                        for product in self.serum | self.lipstick
                    ],
                }
                for index in range(count)
            ]
        )

    def _read_within(self, record, names, budget):
        self.env.invalidate_all()
        with self.assertQueryCount(budget):
            return record.web_read(spec(record, names))[0]

    def test_profile_and_panel_queries_do_not_grow_with_the_orders(self):
        user = self.agent_a.user_id
        partner = self.customer.with_user(user)
        ticket = self.ticket.with_user(user)
        self.env = self.env(user=user)
        for count, total in ((4, 4), (36, 40)):
            self._orders(count)
            if count == 4:
                # warm-up: the first read of the session fills Odoo's caches
                partner.web_read(spec(partner, PROFILE_FIELDS))
                ticket.web_read(spec(ticket, PANEL_FIELDS))
            with self.subTest(orders=total):
                profile = self._read_within(partner, PROFILE_FIELDS, PROFILE_BUDGET)
                self.assertEqual(profile["cs_order_count"], total)
                panel = self._read_within(ticket, PANEL_FIELDS, PANEL_BUDGET)
                self.assertEqual(panel["cs_customer_order_count"], total)
