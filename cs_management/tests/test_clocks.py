"""INT-4, KPI-3, KPI-5: the clocks on hand-built timelines. Received at is
when the customer wrote; the deadlines and the first response count from
it; the first response is the first message sent to the customer; the
handling time runs from received to solved (the result accepted at
Customer Feedback), and the KPI report reads these."""

from odoo.exceptions import ValidationError

from .common import CsTicketCase
from .test_deadlines import MONDAY_9, at

REPLY = "<p>您好，we are checking the batch of your cream now. 謝謝</p>"


class TestClocks(CsTicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        calendar = cls.env.ref("resource.resource_calendar_std").copy({"tz": "UTC"})
        cls.team_a.resource_calendar_id = calendar

    def _reply_deadline(self, ticket):
        return ticket.ticket_sla_ids.filtered(
            lambda line: line.sla_id.name == "First response"
        )

    def _reply(self, ticket, subtype="mail.mt_comment"):
        return ticket.with_user(self.agent_a.user_id).message_post(
            body=REPLY,
            message_type="comment",
            subtype_xmlid=subtype,
            partner_ids=ticket.partner_id.ids,
        )

    def test_deadlines_count_from_when_the_customer_wrote(self):
        # a walk-in at 9:00 typed in at 11:00
        with self._at(at(0, 11)):
            walk_in = self._new_ticket(cs_received_at=at(0, 9))
            typed = self._new_ticket()
        self.assertEqual(
            self._reply_deadline(walk_in).deadline, at(0, 14), "9-12, 13-14"
        )
        self.assertEqual(typed.cs_received_at, at(0, 11), "typed in: received now")
        self.assertEqual(
            self._reply_deadline(typed).deadline, at(0, 16), "11-12, 13-16"
        )
        # the agent corrects the time afterwards: the clock follows
        with self._at(at(0, 11, 30)):
            typed.with_user(self.agent_a.user_id).cs_received_at = at(0, 10)
        self.assertEqual(self._reply_deadline(typed).deadline, at(0, 15))

    def test_a_request_cannot_be_received_in_the_future(self):
        with self._at(at(0, 11)):
            ticket = self._new_ticket()
            with self.assertRaises(ValidationError):
                ticket.with_user(self.agent_a.user_id).cs_received_at = at(0, 12)
        ticket.invalidate_recordset()
        self.assertEqual(ticket.cs_received_at, at(0, 11), "nothing written")

    def test_the_first_response_is_the_first_message_to_the_customer(self):
        with self._at(MONDAY_9):
            ticket = self._new_ticket()
        self.assertTrue(ticket.cs_acknowledged)
        self.assertFalse(
            ticket.cs_first_response_date, "the acknowledgement is no answer"
        )
        with self._at(at(0, 10)):
            self._advance(ticket, "verification")
        self.assertFalse(ticket.cs_first_response_date, "a stage move is no answer")
        with self._at(at(0, 10, 30)):
            self._reply(ticket, subtype="mail.mt_note")
        self.assertFalse(ticket.cs_first_response_date, "an internal note is no answer")
        with self._at(at(0, 11, 30)):
            self._reply(ticket)
        self.assertEqual(ticket.cs_first_response_date, at(0, 11, 30))
        self.assertAlmostEqual(ticket.cs_first_response_hours, 2.5)
        self.assertEqual(ticket.cs_reply_state, "met")
        with self._at(at(0, 15)):
            self._reply(ticket)
        self.assertEqual(
            ticket.cs_first_response_date, at(0, 11, 30), "only the first counts"
        )

    def test_a_phone_call_logged_as_a_reply_is_the_first_response(self):
        with self._at(MONDAY_9):
            ticket = self._new_ticket()
        with self._at(at(0, 9, 30)):
            ticket.with_user(self.agent_a.user_id).action_cs_log_phone_reply()
        self.assertEqual(ticket.cs_first_response_date, at(0, 9, 30))
        self.assertAlmostEqual(ticket.cs_first_response_hours, 0.5)
        self.assertIn("phone", ticket.message_ids[0].body)

    def test_a_late_first_response_misses_its_deadline(self):
        with self._at(MONDAY_9):
            ticket = self._new_ticket()
        with self._at(at(1, 10)):
            self._reply(ticket)
        self.assertAlmostEqual(
            ticket.cs_first_response_hours, 9.0, msg="7 on Monday, 2 on Tuesday"
        )
        self.assertEqual(ticket.cs_reply_state, "missed")

    def test_handling_time_ends_when_the_customer_accepts_the_result(self):
        with self._at(at(0, 11)):
            ticket = self._new_ticket(cs_received_at=MONDAY_9)
        with self._at(at(0, 13)):
            for step in ("verification", "investigation", "solution"):
                self._advance(ticket, step)
        with self._at(at(1, 11)):
            self._advance(ticket, "feedback")
        self.assertFalse(ticket.cs_solved_date, "told, not yet accepted")
        with self._at(at(1, 15)):
            self._advance(ticket, "followup")
        self.assertEqual(ticket.cs_solved_date, at(1, 15))
        with self._at(at(3, 10)):
            self._advance(ticket, "closed")
        self.assertEqual(
            ticket.cs_solved_date, at(1, 15), "the follow-up visit is not handling"
        )
        self.assertAlmostEqual(
            ticket.cs_resolution_hours, 13.0, msg="7 on Monday, 6 on Tuesday"
        )
        # the KPI report counts the ticket on the day it was received
        self.env.flush_all()
        kpis = self.env["cs.kpi.report"]._kpis(
            [("team_id", "=", self.team_a.id), ("date", "=", MONDAY_9.date())]
        )
        self.assertEqual(kpis["inquiries"], 1)
        self.assertEqual(kpis["handled"], 1)
        self.assertAlmostEqual(kpis["avg_handling_hours"], 13.0)
        self.assertEqual(
            kpis["first_responses"],
            1,
            "telling the result is a message to the customer",
        )
        self.assertAlmostEqual(
            kpis["avg_first_response_hours"],
            10.0,
            msg="received Monday 9, told Tuesday 11",
        )

    def test_an_answered_consultation_is_solved_when_closed(self):
        with self._at(MONDAY_9):
            ticket = self._new_ticket("consultation")
        with self._at(at(0, 10)):
            ticket.cs_solution = REPLY
            ticket.action_cs_answer_and_close()
        self.assertEqual(ticket.cs_first_response_date, at(0, 10))
        self.assertEqual(ticket.cs_solved_date, at(0, 10))
        self.assertAlmostEqual(ticket.cs_resolution_hours, 1.0)
