"""A ticket names its customer's till receipts and shows their lines; agents
read the receipts of their tickets' customers and change none."""

from odoo import Command
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.cs_sale.tests.common_customer import months_ago

from .common import CsPosCase


class TestPosTicketAccess(CsPosCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        # a customer of another ticket of store A, and a walk-in with none
        cls.neighbour = Partner.create({"name": "Store A Regular"})
        cls.stranger = Partner.create({"name": "Walk-in Customer"})
        cls.receipt = cls._receipt(
            cls.customer,
            months_ago(1),
            [(cls.lipstick, 4, 500), (cls.serum, 1, 1000)],
        )
        cls.neighbour_receipt = cls._receipt(
            cls.neighbour, months_ago(1), [(cls.serum, 1, 1000)]
        )
        cls.stranger_receipt = cls._receipt(
            cls.stranger, months_ago(1), [(cls.lipstick, 1, 500)]
        )
        cls.ticket = cls._customer_ticket(cls.customer, "Lipstick bought at the till")
        cls.ticket.cs_pos_order_ids = cls.receipt
        cls._customer_ticket(cls.neighbour, "Serum bought at the till")

    def setUp(self):
        super().setUp()
        self.order_count = self.env["pos.order"].search_count([])

    def test_the_ticket_shows_its_receipt_lines(self):
        ticket = self.ticket.with_user(self.agent_a.user_id)
        self.assertEqual(ticket.cs_pos_order_ids, self.receipt)
        self.assertEqual(
            sorted(
                (line.product_id.name, line.qty, line.price_subtotal_incl)
                for line in ticket.cs_pos_line_ids
            ),
            [("Night Serum", 1, 1000), ("Rouge Lipstick", 4, 2000)],
        )

    def test_a_ticket_names_only_receipts_of_its_customer(self):
        ticket = self.ticket.with_user(self.agent_a.user_id)
        # a receipt the agent reads, of another customer; one it does not read
        for receipt in (self.neighbour_receipt, self.stranger_receipt):
            with (
                self.subTest(receipt=receipt.partner_id.name),
                self.assertRaises(ValidationError),
                self.env.cr.savepoint(),
            ):
                ticket.write({"cs_pos_order_ids": [Command.link(receipt.id)]})
            self.assertEqual(self.ticket.cs_pos_order_ids, self.receipt)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env["helpdesk.ticket"].with_user(self.agent_a.user_id).create(
                {
                    "name": "Forged",
                    "description": "<p>Forged</p>",
                    "partner_id": self.customer.id,
                    "team_id": self.team_a.id,
                    "cs_pos_order_ids": [Command.set(self.stranger_receipt.ids)],
                }
            )
        self.assertFalse(self.env["helpdesk.ticket"].search([("name", "=", "Forged")]))

    def test_the_agent_reads_its_tickets_customers_receipts_only(self):
        agent = self.agent_a.user_id
        Order = self.env["pos.order"].with_user(agent)
        self.assertEqual(Order.search([]), self.receipt | self.neighbour_receipt)
        self.assertEqual(
            self.receipt.with_user(agent).read(["amount_total"])[0]["amount_total"],
            3000,
        )
        grouped = dict(Order._read_group([], ["partner_id"], ["__count"]))
        self.assertEqual(grouped, {self.customer: 1, self.neighbour: 1})
        Line = self.env["pos.order.line"].with_user(agent)
        self.assertEqual(
            Line.search([]).order_id, self.receipt | self.neighbour_receipt
        )
        for user, receipt in (
            (agent, self.stranger_receipt),
            (self.agent_b.user_id, self.receipt),  # no ticket of this customer at B
        ):
            with (
                self.subTest(user=user.login, receipt=receipt.partner_id.name),
                self.assertRaises(AccessError),
            ):
                receipt.with_user(user).read(["name", "amount_total"])
            self.assertFalse(
                self.env["pos.order.line"]
                .with_user(user)
                .search_count([("order_id", "=", receipt.id)])
            )

    def test_the_agent_changes_no_receipt(self):
        agent = self.agent_a.user_id
        receipt = self.receipt.with_user(agent)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            receipt.write({"general_note": "forged"})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            receipt.lines[:1].write({"qty": 40})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            receipt.unlink()
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self._receipt_as(agent)
        self.assertFalse(self.receipt.general_note)
        self.assertEqual(self.receipt.lines.mapped("qty"), [4, 1])
        self.assertEqual(self.env["pos.order"].search_count([]), self.order_count)

    def test_point_of_sale_users_keep_their_rights(self):
        cashier = self.agent_b.user_id
        cashier.groups_id = [
            Command.link(self.env.ref("point_of_sale.group_pos_user").id)
        ]
        receipt = self.stranger_receipt.with_user(cashier)
        self.assertEqual(receipt.read(["amount_total"])[0]["amount_total"], 500)
        receipt.write({"general_note": "Gift wrapped"})
        self.assertEqual(self.stranger_receipt.general_note, "Gift wrapped")

    def _receipt_as(self, user):
        return (
            self.env["pos.order"]
            .with_user(user)
            .create(
                {
                    "session_id": self.session.id,
                    "partner_id": self.customer.id,
                    "amount_total": 0.0,
                    "amount_tax": 0.0,
                    "amount_paid": 0.0,
                    "amount_return": 0.0,
                }
            )
        )
