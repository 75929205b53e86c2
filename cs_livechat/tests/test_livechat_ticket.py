"""CMP-1 / 004: a live chat conversation becomes a ticket, filed by the
operator through the ORM with the operator's own rights, on a hand-built
timeline (working hours of a UTC calendar)."""

from odoo import Command
from odoo.exceptions import AccessError, UserError

from odoo.addons.cs_management.tests.common import CsTicketCase
from odoo.addons.cs_management.tests.test_deadlines import at


class TestLivechatTicket(CsTicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        calendar = cls.env.ref("resource.resource_calendar_std").copy({"tz": "UTC"})
        cls.team_a.resource_calendar_id = calendar
        cls.agent = cls.agent_a.user_id
        cls.livechat = cls.env["im_livechat.channel"].create(
            {
                "name": "Store A chat",
                "cs_team_id": cls.team_a.id,
                "user_ids": [Command.set(cls.agent.ids)],
            }
        )

    def _chat(self, customer=None, guest=None, livechat=None):
        """A conversation started at 9:00 on Monday: the customer writes at
        9:01, the operator answers at 9:30."""
        visitor = (
            Command.create({"partner_id": customer.id})
            if customer
            else Command.create({"guest_id": guest.id, "partner_id": False})
        )
        with self._at(at(0, 9)):
            chat = self.env["discuss.channel"].create(
                {
                    "name": "Visitor, Agent",
                    "channel_type": "livechat",
                    "livechat_channel_id": (livechat or self.livechat).id,
                    "livechat_operator_id": self.agent.partner_id.id,
                    "channel_member_ids": [
                        Command.create({"partner_id": self.agent.partner_id.id}),
                        visitor,
                    ],
                }
            )
        with self._at(at(0, 9, 1)):
            chat.message_post(
                body="My face cream gave me an allergy\nwhat can I do?",
                author_id=customer.id if customer else False,
                author_guest_id=guest.id if guest else False,
                message_type="comment",
            )
        with self._at(at(0, 9, 30)):
            chat.with_user(self.agent).message_post(
                body="I am sorry to hear that: which batch is it?",
                message_type="comment",
            )
        return chat

    def test_the_operator_files_the_conversation_as_a_ticket(self):
        chat = self._chat(customer=self.customer)
        with self._at(at(0, 10)):
            action = chat.with_user(self.agent).action_cs_file_ticket()
        ticket = self.env["helpdesk.ticket"].browse(action["res_id"])
        self.assertEqual(ticket.name, "My face cream gave me an allergy")
        self.assertEqual(ticket.channel_id, self.env.ref("cs_management.channel_chat"))
        self.assertEqual(ticket.team_id, self.team_a)
        self.assertEqual(ticket.cs_store_id, self.store_a)
        self.assertEqual(ticket.partner_id, self.customer)
        self.assertEqual(ticket.user_id, self.agent)
        self.assertEqual(ticket.cs_kind, "complaint", "guessed from 'allergy'")
        self.assertEqual(ticket.cs_received_at, at(0, 9), "the chat's start")
        self.assertIn("which batch is it?", ticket.description)
        self.assertIn("gave me an allergy", ticket.description)
        # the operator's answer in the chat was the first response: 9:00-9:30
        self.assertEqual(ticket.cs_first_response_date, at(0, 9, 30))
        self.assertEqual(ticket.cs_first_response_hours, 0.5)
        self.assertEqual(ticket.cs_reply_state, "met")
        self.assertEqual(chat.cs_ticket_id, ticket)
        self.assertTrue(ticket.cs_acknowledged, "the customer has an e-mail address")

    def test_a_later_operator_message_is_the_first_response(self):
        with self._at(at(0, 9)):
            chat = self.env["discuss.channel"].create(
                {
                    "name": "Visitor, Agent",
                    "channel_type": "livechat",
                    "livechat_channel_id": self.livechat.id,
                    "livechat_operator_id": self.agent.partner_id.id,
                    "channel_member_ids": [
                        Command.create({"partner_id": self.agent.partner_id.id}),
                        Command.create({"partner_id": self.customer.id}),
                    ],
                }
            )
            chat.message_post(
                body="Where is my parcel?",
                author_id=self.customer.id,
                message_type="comment",
            )
        with self._at(at(0, 10)):
            # the operator types "/ticket Parcel" in the chat
            chat.with_user(self.agent).execute_command_cs_ticket(body="/ticket Parcel")
        ticket = chat.cs_ticket_id
        self.assertFalse(ticket.cs_first_response_date)
        self.assertEqual(ticket.name, "Parcel")
        self.assertEqual(ticket.cs_kind, "order", "guessed from 'parcel'")
        with self._at(at(0, 11)):
            chat.message_post(
                body="Still nothing?",
                author_id=self.customer.id,
                message_type="comment",
            )
        self.assertFalse(ticket.cs_first_response_date, "the customer's, not ours")
        with self._at(at(0, 11, 30)):
            chat.with_user(self.agent).message_post(
                body="It leaves the warehouse today.", message_type="comment"
            )
        self.assertEqual(ticket.cs_first_response_date, at(0, 11, 30))
        self.assertEqual(ticket.cs_first_response_hours, 2.5, "9:00-11:30")

    def test_a_guest_is_named_but_not_a_contact(self):
        guest = self.env["mail.guest"].create({"name": "Visitor 42"})
        chat = self._chat(guest=guest)
        with self._at(at(0, 10)):
            ticket = chat.with_user(self.agent)._cs_create_ticket()
        self.assertFalse(ticket.partner_id)
        self.assertEqual(ticket.partner_name, "Visitor 42")
        self.assertFalse(ticket.cs_acknowledged, "no address to write to")

    def test_a_conversation_is_filed_once(self):
        chat = self._chat(customer=self.customer)
        with self._at(at(0, 10)):
            ticket = chat.with_user(self.agent)._cs_create_ticket()
            with self.assertRaisesRegex(UserError, "already ticket"):
                chat.with_user(self.agent).action_cs_file_ticket()
        self.assertEqual(
            self.env["helpdesk.ticket"].search_count(
                [("cs_received_at", "=", at(0, 9))]
            ),
            1,
        )
        self.assertEqual(chat.cs_ticket_id, ticket)

    def test_only_an_operator_of_the_chat_files_it(self):
        chat = self._chat(customer=self.customer)
        with self._at(at(0, 10)):
            with self.assertRaisesRegex(UserError, "taking part"):
                chat.with_user(self.agent_b.user_id).action_cs_file_ticket()
        self.assertFalse(chat.cs_ticket_id)

    def test_the_link_to_a_ticket_is_not_typed_in(self):
        chat = self._chat(customer=self.customer)
        with self.assertRaises(AccessError):
            chat.with_user(self.agent).write({"cs_ticket_id": self.ticket_a.id})
        chat.invalidate_recordset()
        self.assertFalse(chat.cs_ticket_id)
        self.assertFalse(self.ticket_a.cs_first_response_date)

    def test_a_channel_without_a_team_uses_the_chat_channel_default(self):
        self.env.ref("cs_management.channel_chat").cs_team_id = False
        unlinked = self.livechat.copy({"cs_team_id": False})
        chat = self._chat(customer=self.customer, livechat=unlinked)
        with self._at(at(0, 10)):
            with self.assertRaisesRegex(UserError, "Link the live chat channel"):
                chat.with_user(self.agent).action_cs_file_ticket()
        self.assertFalse(chat.cs_ticket_id)
        self.env.ref("cs_management.channel_chat").cs_team_id = self.team_a
        with self._at(at(0, 10)):
            ticket = chat.with_user(self.agent)._cs_create_ticket()
        self.assertEqual(ticket.team_id, self.team_a)
