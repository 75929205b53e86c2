from odoo.exceptions import AccessError, UserError

from .common_orders import CsOrdersCase


class TestAfterSalesFlows(CsOrdersCase):
    """Return, Exchange and Reshipment from the ticket, as store A's agent;
    the warehouse receives and ships, billing validates the credit note."""

    def test_a_return_takes_goods_back_then_prepares_the_credit_note(self):
        order = self._sold_order()
        ticket = self._order_ticket(order)
        rma = self._start(ticket, "return", {self.foundation: 1})

        self.assertEqual(len(rma), 1)
        self.assertEqual(rma.operation_id, self.return_op)
        self.assertEqual(rma.state, "confirmed")
        self.assertEqual(rma.order_id, order)
        self.assertEqual(rma.user_id, self.agent_a.user_id)
        self.assertEqual(ticket.with_user(self.agent_a.user_id).cs_rma_count, 1)
        receipt = rma.reception_move_id.picking_id
        self.assertEqual(receipt.picking_type_code, "incoming")
        self.assertEqual(receipt.move_ids.product_id, self.foundation)
        self.assertEqual(receipt.move_ids.product_uom_qty, 1)
        self.assertFalse(rma.refund_id, "no money before the goods are back")

        self._validate(receipt, self.warehouse_clerk)

        self.assertEqual(rma.state, "refunded")
        refund = rma.refund_id
        self.assertEqual(refund.move_type, "out_refund")
        self.assertEqual(refund.state, "draft")
        self.assertEqual(refund.partner_id, self.customer)
        self.assertEqual(refund.invoice_line_ids.quantity, 1)
        self.assertEqual(refund.amount_total, 980)
        self.assertEqual(order.order_line[0].qty_delivered, 1)
        agent = self.agent_a.user_id
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            refund.with_user(agent).read(["amount_total"])
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            refund.with_user(agent).action_post()
        self.assertEqual(refund.state, "draft")

        refund.with_user(self.store_manager_a.user_id).action_post()
        self.assertEqual(refund.state, "posted")

    def test_an_exchange_takes_back_and_sends_the_same_again(self):
        order = self._sold_order()
        ticket = self._order_ticket(order)
        rma = self._start(ticket, "exchange", {self.cream: 1})
        self.assertEqual(rma.state, "confirmed")
        self.assertFalse(rma.delivery_move_ids, "replaced once the cream is back")

        self._validate(rma.reception_move_id.picking_id, self.warehouse_clerk)

        self.assertEqual(rma.state, "waiting_replacement")
        replacement = rma.delivery_move_ids
        self.assertEqual(replacement.product_id, self.cream)
        self.assertEqual(replacement.product_uom_qty, 1)
        self.assertEqual(replacement.picking_id.picking_type_code, "outgoing")
        self.assertEqual(replacement.picking_id.partner_id, self.customer)
        self._validate(replacement.picking_id, self.warehouse_clerk)
        self.assertEqual(rma.state, "replaced")
        self.assertFalse(rma.refund_id, "an exchange moves no money")
        # 20 in stock, 1 sold, 1 sent again; the one back waits in the RMA location
        self.assertEqual(
            self.cream.with_context(
                location=self.warehouse.lot_stock_id.id
            ).qty_available,
            18,
        )
        self.assertEqual(
            self.cream.with_context(
                location=self.warehouse.rma_loc_id.id
            ).qty_available,
            1,
        )

    def test_a_reshipment_sends_again_without_a_return(self):
        order = self._sold_order()
        ticket = self._order_ticket(order)
        rma = self._start(ticket, "reshipment", {self.foundation: 2})

        self.assertFalse(rma.reception_move_id, "lost goods do not come back")
        self.assertEqual(rma.state, "waiting_replacement")
        self.assertEqual(rma.delivery_move_ids.product_uom_qty, 2)
        self._validate(rma.delivery_move_ids.picking_id, self.warehouse_clerk)
        self.assertEqual(rma.state, "replaced")
        self.assertFalse(rma.refund_id)
        self.assertEqual(
            self.foundation.with_context(
                location=self.warehouse.lot_stock_id.id
            ).qty_available,
            16,
        )

    def test_more_than_delivered_is_refused(self):
        ticket = self._order_ticket(self._sold_order())
        with self.assertRaisesRegex(Exception, "between 0 and 2"):
            self._start(ticket, "return", {self.foundation: 3})
        self.assertFalse(self.env["rma"].search([("cs_ticket_id", "=", ticket.id)]))

    def test_an_rma_stays_on_a_ticket_of_its_company(self):
        ticket = self._order_ticket(self._sold_order())
        rma = self._start(ticket, "return", {self.foundation: 1})
        with self.assertRaises(UserError), self.env.cr.savepoint():
            rma.cs_ticket_id = self.ticket_c  # store C's, the other company's
        self.assertEqual(rma.cs_ticket_id, ticket)


class TestCloseGate(CsOrdersCase):
    def test_the_ticket_waits_for_its_open_rma(self):
        order = self._sold_order()
        ticket = self._order_ticket(order, cs_solution="<p>退貨處理中。</p>")
        rma = self._start(ticket, "return", {self.foundation: 1})
        ticket.stage_id = self.stage["solution"]
        with self.assertRaisesRegex(UserError, rma.name), self.env.cr.savepoint():
            ticket.stage_id = self.stage["closed"]
        self.assertEqual(ticket.stage_id, self.stage["solution"])

        self._validate(rma.reception_move_id.picking_id, self.warehouse_clerk)
        self.assertEqual(rma.state, "refunded")
        ticket.stage_id = self.stage["closed"]
        self.assertTrue(ticket.closed)

    def test_the_gate_counts_rmas_the_closer_cannot_read(self):
        order = self._sold_order()
        ticket = self._order_ticket(order, cs_solution="<p>補寄中。</p>")
        self._start(ticket, "reshipment", {self.cream: 1})
        ticket.cs_rma_ids.user_id = self.supervisor_a.user_id
        ticket.stage_id = self.stage["solution"]
        with self.assertRaises(UserError), self.env.cr.savepoint():
            ticket.with_user(self.agent_a.user_id).stage_id = self.stage["closed"]

    def test_a_cancelled_rma_lets_the_ticket_close(self):
        ticket = self._order_ticket(self._sold_order(), cs_solution="<p>取消。</p>")
        rma = self._start(ticket, "exchange", {self.cream: 1})
        rma.with_user(self.agent_a.user_id).action_cancel()
        ticket.stage_id = self.stage["solution"]
        ticket.stage_id = self.stage["closed"]
        self.assertTrue(ticket.closed)


class TestReturnWindow(CsOrdersCase):
    """Opened cosmetics come back within 7 days of their delivery."""

    def test_within_the_window_the_agent_returns(self):
        ticket = self._order_ticket(self._sold_order(days_ago=7))
        rma = self._start(ticket, "return", {self.foundation: 1})
        self.assertEqual(rma.state, "confirmed")

    def test_after_the_window_the_agent_is_refused(self):
        ticket = self._order_ticket(self._sold_order(days_ago=8))
        for kind in ("return", "exchange"):
            with (
                self.assertRaisesRegex(AccessError, "supervisor"),
                self.env.cr.savepoint(),
            ):
                self._start(ticket, kind, {self.foundation: 1})
        self.assertFalse(self.env["rma"].search([("cs_ticket_id", "=", ticket.id)]))

    def test_the_agent_cannot_give_an_override_over_rpc(self):
        order = self._sold_order(days_ago=10)
        ticket = self._order_ticket(order)
        agent = self.agent_a.user_id
        Wizard = self.env["cs.after.sales.wizard"].with_user(agent)
        with self.assertRaises(AccessError):
            Wizard.create(
                {
                    "ticket_id": ticket.id,
                    "kind": "return",
                    "order_id": order.id,
                    "window_override_reason": "熟客",
                }
            )
        move = order.picking_ids.move_ids.filtered(
            lambda m: m.product_id == self.foundation
        )
        values = {
            "cs_ticket_id": ticket.id,
            "partner_id": self.customer.id,
            "partner_invoice_id": self.customer.id,
            "partner_shipping_id": self.customer.id,
            "order_id": order.id,
            "picking_id": move.picking_id.id,
            "move_id": move.id,
            "product_id": self.foundation.id,
            "product_uom_qty": 1,
            "product_uom": self.foundation.uom_id.id,
            "location_id": self.warehouse.rma_loc_id.id,
            "operation_id": self.return_op.id,
        }
        with self.assertRaises(AccessError):
            self.env["rma"].with_user(agent).create(
                dict(values, cs_window_override_reason="熟客")
            )
        rma = self.env["rma"].with_user(agent).create(values)
        with self.assertRaisesRegex(AccessError, "supervisor"):
            rma.action_confirm()
        self.assertEqual(rma.state, "draft")
        self.assertFalse(rma.reception_move_id)

    def test_a_supervisor_overrides_with_a_reason_logged_on_the_ticket(self):
        ticket = self._order_ticket(self._sold_order(days_ago=10))
        supervisor = self.supervisor_a.user_id
        wizard = (
            self.env["cs.after.sales.wizard"]
            .with_user(supervisor)
            .create(
                {
                    "ticket_id": ticket.id,
                    "kind": "return",
                    "order_id": ticket.sale_order_ids.id,
                }
            )
        )
        wizard.line_ids.filtered(
            lambda line: line.product_id == self.foundation
        ).quantity = 1
        with self.assertRaisesRegex(UserError, "reason"), self.env.cr.savepoint():
            wizard.action_start()
        self.assertFalse(ticket.cs_rma_ids)

        rma = self._start(
            ticket,
            "return",
            {self.foundation: 1},
            user=supervisor,
            reason="VIP 顧客，過敏反應",
        )
        self.assertEqual(rma.state, "confirmed")
        self.assertEqual(rma.cs_window_override_reason, "VIP 顧客，過敏反應")
        logged = ticket.message_ids.filtered(
            lambda m: "VIP 顧客，過敏反應" in (m.body or "")
        )
        self.assertEqual(logged.author_id, supervisor.partner_id)
        self.assertIn(rma.name, logged.body)

    def test_a_reshipment_has_no_window(self):
        ticket = self._order_ticket(self._sold_order(days_ago=30))
        rma = self._start(ticket, "reshipment", {self.cream: 1})
        self.assertEqual(rma.state, "waiting_replacement")

    def test_a_category_without_window_takes_back_any_time(self):
        self.opened_cosmetics.cs_return_days = 0
        ticket = self._order_ticket(self._sold_order(days_ago=60))
        rma = self._start(ticket, "return", {self.cream: 1})
        self.assertEqual(rma.state, "confirmed")
