from odoo.exceptions import AccessError

from .common_orders import CsOrdersCase


class TestOrdersAccess(CsOrdersCase):
    """Agents read the orders of their tickets' customers, never an invoice."""

    def setUp(self):
        super().setUp()
        self.order = self._sold_order()
        self.ticket = self._order_ticket(self.order)
        self.stranger = self.env["res.partner"].create({"name": "Walk-in Customer"})
        self.other_order = self._sold_order(customer=self.stranger)
        self.invoice = self.order.invoice_ids

    def test_the_agent_reads_the_orders_of_its_tickets_customers(self):
        agent = self.agent_a.user_id
        Order = self.env["sale.order"].with_user(agent)
        self.assertEqual(Order.search([]), self.order)
        ticket = self.ticket.with_user(agent)
        self.assertEqual(
            ticket.cs_order_line_ids.product_id, self.foundation | self.cream
        )
        self.assertEqual(ticket.cs_delivery_ids.state, "done")
        self.assertEqual(
            self.env["sale.order.line"]
            .with_user(agent)
            .search_count([("order_id", "=", self.other_order.id)]),
            0,
        )

    def test_another_store_and_other_customers_are_refused(self):
        for user, order in (
            (self.agent_b.user_id, self.order),
            (self.agent_a.user_id, self.other_order),
        ):
            Order = self.env["sale.order"].with_user(user)
            with self.assertRaises(AccessError), self.env.cr.savepoint():
                order.with_user(user).read(["name", "amount_total"])
            self.assertNotIn(order, Order.search([]))
            grouped = dict(Order._read_group([], ["partner_id"], ["__count"]))
            self.assertNotIn(order.partner_id, grouped)

    def test_the_agent_changes_no_order(self):
        agent = self.agent_a.user_id
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.order.with_user(agent).write({"client_order_ref": "forged"})
        self.assertFalse(self.order.client_order_ref)

    def test_the_agent_reads_no_invoice(self):
        for user in (self.agent_a.user_id, self.supervisor_a.user_id):
            Move = self.env["account.move"].with_user(user)
            with self.assertRaises(AccessError), self.env.cr.savepoint():
                self.invoice.with_user(user).read(["amount_total"])
            self.assertFalse(Move.search([]))
            self.assertEqual(Move._read_group([], [], ["amount_total:sum"]), [(0.0,)])
            self.assertFalse(self.env["account.move.line"].with_user(user).search([]))

    def test_billing_rights_read_the_invoice(self):
        manager = self.store_manager_a.user_id
        self.assertEqual(
            self.invoice.with_user(manager).read(["amount_total"])[0]["amount_total"],
            3640,
        )

    def test_an_rma_goes_only_on_a_ticket_the_agent_may_change(self):
        values = {
            "partner_id": self.customer.id,
            "product_id": self.foundation.id,
            "product_uom_qty": 1,
            "product_uom": self.foundation.uom_id.id,
            "operation_id": self.return_op.id,
        }
        Rma = self.env["rma"].with_user(self.agent_b.user_id)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            Rma.create(dict(values, cs_ticket_id=self.ticket.id))
        self.assertFalse(
            self.env["rma"].search([("cs_ticket_id", "=", self.ticket.id)])
        )

    def test_another_stores_agent_sees_no_rma_of_the_ticket(self):
        rma = self._start(self.ticket, "return", {self.foundation: 1})
        self.assertEqual(
            self.env["rma"].with_user(self.agent_b.user_id).search([]) & rma,
            self.env["rma"],
        )
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            rma.with_user(self.agent_b.user_id).write({"description": "x"})
