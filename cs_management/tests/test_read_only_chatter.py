"""An auditor reads everything and changes nothing, not even through the
chatter: no message, no activity on the tickets and inspections it reads.
The agents keep discussing their tickets."""

from odoo.exceptions import AccessError

from .common import CsTicketCase


class TestReadOnlyChatter(CsTicketCase):
    def test_the_auditor_reads_the_ticket_but_cannot_post(self):
        ticket = self._new_ticket()
        auditor = self.auditor.user_id
        messages = len(ticket.message_ids)
        self.assertTrue(ticket.with_user(auditor).read(["name"]))
        for kwargs in (
            {
                "body": "Looks fine",
                "message_type": "comment",
                "subtype_xmlid": "mail.mt_note",
            },
            {
                "body": "Dear customer",
                "message_type": "comment",
                "subtype_xmlid": "mail.mt_comment",
            },
        ):
            with (
                self.subTest(subtype=kwargs["subtype_xmlid"]),
                self.assertRaises(AccessError),
            ):
                ticket.with_user(auditor).message_post(**kwargs)
        ticket.invalidate_recordset()
        self.assertEqual(len(ticket.message_ids), messages)

    def test_the_auditor_cannot_schedule_or_close_activities(self):
        ticket = self._new_ticket()
        auditor = self.auditor.user_id
        with self.assertRaises(AccessError):
            ticket.with_user(auditor).activity_schedule(
                "mail.mail_activity_data_todo", user_id=auditor.id
            )
        activity = ticket.activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.agent_a.user_id.id
        )
        with self.assertRaises(AccessError):
            activity.with_user(auditor).action_feedback(feedback="done")
        with self.assertRaises(AccessError):
            activity.with_user(auditor).write({"summary": "changed"})
        self.assertTrue(activity.exists())
        self.assertFalse(activity.summary)
        self.assertEqual(len(ticket.activity_ids), 1)

    def test_the_routes_refuse_the_auditor(self):
        Ticket = self.env["helpdesk.ticket"]
        ticket = self._new_ticket()
        self.assertFalse(
            Ticket.with_user(self.auditor.user_id)._get_thread_with_access(
                ticket.id, mode=Ticket.with_user(self.auditor.user_id)._mail_post_access
            )
        )
        self.assertEqual(
            Ticket.with_user(self.agent_a.user_id)._mail_post_access, "read"
        )

    def test_agents_keep_discussing_their_tickets(self):
        ticket = self._new_ticket()
        message = ticket.message_post(
            body="Called back", message_type="comment", subtype_xmlid="mail.mt_note"
        )
        self.assertTrue(message)
