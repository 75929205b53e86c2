from datetime import timedelta

from odoo import Command, fields
from odoo.tests import Form, new_test_user

from odoo.addons.cs_management.tests.common import CsTicketCase


class CsOrdersCase(CsTicketCase):
    """Store A's customer bought two foundations (980 each) and a night
    cream (1,680), tax-free, invoiced and delivered from the company's
    warehouse; an after-sales ticket of store A names the order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.opened_cosmetics = cls.env["product.category"].create(
            {"name": "Opened cosmetics", "cs_return_days": 7}
        )
        cls.foundation = cls._storable("Test Foundation", 980)
        cls.cream = cls._storable("Test Night Cream", 1680)
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        for product in cls.foundation | cls.cream:
            cls.env["stock.quant"]._update_available_quantity(
                product, cls.warehouse.lot_stock_id, 20
            )
        cls.store_manager_a.user_id.groups_id = [
            Command.link(cls.env.ref("account.group_account_invoice").id)
        ]
        cls.warehouse_clerk = new_test_user(
            cls.env,
            "t_warehouse_clerk",
            groups="stock.group_stock_user,account.group_account_invoice",
            name="Test Warehouse Clerk",
        )
        cls.return_op = cls.env.ref("cs_sale.rma_operation_cs_return")

    @classmethod
    def _storable(cls, name, price):
        return cls.env["product.product"].create(
            {
                "name": name,
                "type": "consu",
                "is_storable": True,
                "list_price": price,
                "categ_id": cls.opened_cosmetics.id,
                "taxes_id": [Command.clear()],
            }
        )

    def _sold_order(self, customer=None, days_ago=0):
        """The order, confirmed, delivered ``days_ago`` and invoiced."""
        order = self.env["sale.order"].create(
            {
                "partner_id": (customer or self.customer).id,
                "warehouse_id": self.warehouse.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.foundation.id,
                            "product_uom_qty": 2,
                            "price_unit": 980,
                            "tax_id": [Command.clear()],
                        }
                    ),
                    Command.create(
                        {
                            "product_id": self.cream.id,
                            "product_uom_qty": 1,
                            "price_unit": 1680,
                            "tax_id": [Command.clear()],
                        }
                    ),
                ],
            }
        )
        order.action_confirm()
        with self._at(fields.Datetime.now() - timedelta(days=days_ago)):
            self._validate(order.picking_ids)
        order._create_invoices().action_post()
        return order

    def _validate(self, pickings, user=None):
        pickings = pickings.with_user(user) if user else pickings
        for move in pickings.move_ids:
            move.quantity = move.product_uom_qty
            move.picked = True
        pickings.button_validate()

    def _order_ticket(self, order, **values):
        ticket = self._new_ticket("after_sales", **values)
        ticket.sale_order_ids = order
        return ticket.with_env(self.env)

    def _start(self, ticket, kind, quantities, user=None, reason=None):
        """The ticket's after-sales button, as ``user`` (the agent):
        ``quantities`` by product."""
        user = user or self.agent_a.user_id
        action = (
            ticket.with_user(user)
            .with_context(cs_after_sales_kind=kind)
            .action_cs_start_after_sales()
        )
        wizard_form = Form(
            self.env["cs.after.sales.wizard"]
            .with_user(user)
            .with_context(**action["context"])
        )
        for index in range(len(wizard_form.line_ids)):
            with wizard_form.line_ids.edit(index) as line:
                line.quantity = quantities.get(line.product_id, 0)
        if reason:
            wizard_form.window_override_reason = reason
        wizard = wizard_form.save()
        wizard.action_start()
        return ticket.with_env(self.env).cs_rma_ids.sorted("id")
