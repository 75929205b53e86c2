"""The fields that feed the KPIs are recorded by the process only: nobody
sets them by hand, over RPC included, and a refused attempt writes nothing."""

from odoo.exceptions import AccessError

from .common import CsTicketCase

# a crafted value for each recorded field of a ticket
CRAFTED = {
    "cs_process": False,
    "cs_kind": "consultation",
    "cs_promised_date": "2030-01-01 00:00:00",
    "cs_acknowledged": True,
    "cs_result_told_date": "2020-01-01 00:00:00",
    "cs_loop_count": 0,
    "cs_reopen_count": 0,
    "cs_followup_done": True,
    "cs_po_notified_severity": "critical",
    "cs_reply_deadline": "2030-01-01 00:00:00",
    "cs_reply_state": "met",
    "cs_resolution_deadline": "2030-01-01 00:00:00",
    "cs_resolution_state": "met",
    "cs_first_response_date": "2020-01-01 00:00:00",
    "cs_solved_date": "2020-01-01 00:00:00",
    "cs_origin_ticket_id": 1,
    "cs_first_response_hours": 0.1,
    "cs_resolution_hours": 0.1,
    "cs_idle_reminder_date": "2020-01-01 00:00:00",
    "cs_no_answer": True,
    "cs_escalation_count": 3,
    "cs_managers_notified": True,
    "cs_article_id": 1,
    "cs_concerned_user_id": 2,
    "cs_commendation_recorded": True,
}


class TestRecordedFields(CsTicketCase):
    def test_every_recorded_field_is_listed(self):
        self.assertEqual(
            set(CRAFTED), set(self.env["helpdesk.ticket"]._cs_recorded_fields)
        )

    def test_nobody_writes_them_by_hand(self):
        ticket = self._new_ticket()
        before = ticket.read(list(CRAFTED))[0]
        for user in (
            self.agent_a.user_id,
            self.supervisor_a.user_id,
            self.cs_manager.user_id,
        ):
            for name, value in CRAFTED.items():
                with (
                    self.subTest(user=user.login, field=name),
                    self.assertRaises(AccessError),
                ):
                    ticket.with_user(user).write({name: value, "name": "renamed"})
        ticket.invalidate_recordset()
        self.assertEqual(ticket.read(list(CRAFTED))[0], before)
        self.assertEqual(ticket.name, "New complaint")

    def test_nor_at_creation(self):
        for name, value in CRAFTED.items():
            with self.subTest(field=name), self.assertRaises(AccessError):
                self._new_ticket(**{name: value})

    def test_the_process_still_records_them_as_the_agent_works(self):
        ticket = self._new_ticket()  # as the agent
        self._walk(ticket, "feedback")
        self.assertTrue(ticket.cs_result_told_date)
        self.assertTrue(ticket.cs_first_response_date)
        ticket.action_cs_not_satisfied()
        self.assertEqual(ticket.cs_loop_count, 1)
        self.assertFalse(ticket.cs_result_told_date)
