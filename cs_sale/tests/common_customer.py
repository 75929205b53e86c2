from datetime import datetime

from dateutil.relativedelta import relativedelta

from odoo import Command

from odoo.addons.cs_management.tests.common import CsTicketCase

# the tests' today; orders are placed so many months before it
TODAY = datetime(2026, 11, 18, 3, 0)


def months_ago(months, days=0):
    return TODAY - relativedelta(months=months, days=days)


class CsCustomerCase(CsTicketCase):
    """The organisation and the process, two products in two categories,
    test tier rules (the shipped demo rules archived):

    Silver: at least 3,000 and 2 confirmed orders over 12 months;
    Gold: at least 10,000 and 3 confirmed orders over 6 months.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tier = {
            code: cls.env.ref(f"cs_sale.tier_{code}")
            for code in ("regular", "silver", "gold", "vip")
        }
        Rule = cls.env["cs.customer.tier.rule"]
        Rule.search([]).action_archive()
        cls.rule_silver = Rule.create(
            {
                "tier_id": cls.tier["silver"].id,
                "period_months": 12,
                "min_amount": 3000,
                "min_orders": 2,
            }
        )
        cls.rule_gold = Rule.create(
            {
                "tier_id": cls.tier["gold"].id,
                "period_months": 6,
                "min_amount": 10000,
                "min_orders": 3,
            }
        )
        Category = cls.env["product.category"]
        cls.skincare = Category.create({"name": "Skincare"})
        cls.makeup = Category.create({"name": "Make-up"})
        Product = cls.env["product.product"]
        cls.serum = Product.create(
            {"name": "Night Serum", "categ_id": cls.skincare.id, "list_price": 1000}
        )
        cls.lipstick = Product.create(
            {"name": "Rouge Lipstick", "categ_id": cls.makeup.id, "list_price": 500}
        )

    def _order(self, partner, when, lines, confirm=True):
        """A sale order of ``partner`` placed at ``when``, confirmed by the
        real action on the clock set to ``when``; ``lines``: (product,
        quantity, unit price), no taxes."""
        with self._at(when):
            order = self.env["sale.order"].create(
                {
                    "partner_id": partner.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_qty": quantity,
                                "price_unit": price,
                                "tax_id": [Command.clear()],
                            }
                        )
                        for product, quantity, price in lines
                    ],
                }
            )
            if confirm:
                order.action_confirm()
        return order

    def _classify(self, partners):
        with self._at(TODAY):
            self.env["res.partner"]._cs_apply_tier_rules(
                partners.commercial_partner_id.ids
            )
        partners.invalidate_recordset()
