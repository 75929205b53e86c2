from odoo import Command

from odoo.addons.cs_sale.tests.common_customer import CsCustomerCase


class CsPosCase(CsCustomerCase):
    """cs_sale's customers, products and test tier rules, and a till of the
    company: a point of sale paid in cash, its session open. Receipts are
    tax-free, paid by Odoo's own payment wizard."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        journal = cls.env["account.journal"].create(
            {"name": "Test Till Cash", "type": "cash", "code": "TTCSH"}
        )
        cls.cash = cls.env["pos.payment.method"].create(
            {"name": "Test Till Cash", "journal_id": journal.id}
        )
        cls.till = cls.env["pos.config"].create(
            {"name": "Test Till A", "payment_method_ids": [Command.set(cls.cash.ids)]}
        )
        cls.till.open_ui()
        cls.session = cls.till.current_session_id

    @classmethod
    def _receipt(cls, partner, when, lines, pay=True):
        """A till receipt of ``partner`` at ``when``, paid in cash unless
        ``pay`` is false; ``lines``: (product, quantity, unit price)."""
        total = sum(quantity * price for _product, quantity, price in lines)
        order = cls.env["pos.order"].create(
            {
                "session_id": cls.session.id,
                "partner_id": partner.id,
                "date_order": when,
                "lines": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "qty": quantity,
                            "price_unit": price,
                            "price_subtotal": quantity * price,
                            "price_subtotal_incl": quantity * price,
                            "tax_ids": [Command.clear()],
                        }
                    )
                    for product, quantity, price in lines
                ],
                "amount_total": total,
                "amount_tax": 0.0,
                "amount_paid": 0.0,
                "amount_return": 0.0,
            }
        )
        if pay:
            cls._pay(order)
        return order

    @classmethod
    def _pay(cls, order):
        context = {"active_id": order.id, "active_ids": order.ids}
        cls.env["pos.make.payment"].with_context(**context).create(
            {"amount": order.amount_total, "payment_method_id": cls.cash.id}
        ).check()

    @classmethod
    def _customer_ticket(cls, partner, name):
        return cls.env["helpdesk.ticket"].create(
            {
                "name": name,
                "description": f"<p>{name}</p>",
                "partner_id": partner.id,
                "team_id": cls.team_a.id,
                "user_id": cls.agent_a.user_id.id,
            }
        )
