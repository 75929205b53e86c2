"""DESK-4, nothing left hanging: a customer who does not answer the result
gets one reminder, then the ticket closes with the rating request; a
complaint goes on to its follow-up visit with the silence recorded."""

from datetime import datetime

from odoo.exceptions import ValidationError

from .common import CsTicketCase

# Monday 2027-01-04, 10:00 in Taipei, within the staff's certificates;
# the company's calendar works Monday to Friday
TOLD = datetime(2027, 1, 4, 2, 0)


class TestSilentCustomers(CsTicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.email = "service@example.com"
        cls.company.cs_idle_days = 3

    def _told(self, kind):
        with self._at(TOLD):
            ticket = self._new_ticket(kind)
            if kind == "complaint":
                self._walk(ticket, "feedback")
            else:
                ticket.cs_solution = "<p>您好，it keeps 12 months. 謝謝</p>"
                ticket.action_cs_tell_result()
                ticket.stage_id = self.stage["feedback"]
        return ticket

    def _cron(self, day):
        with self._at(datetime(2027, 1, day, 3, 0)):
            self.env["helpdesk.ticket"]._cron_cs_silent_customers()

    def _sent(self, ticket, subject_part):
        return ticket.message_ids.filtered(lambda m: subject_part in (m.subject or ""))

    def test_reminder_then_closed_with_rating_request(self):
        ticket = self._told("consultation")
        self._cron(6)  # Wednesday: two working days
        self.assertFalse(ticket.cs_idle_reminder_date)
        self._cron(7)  # Thursday: three
        self.assertTrue(ticket.cs_idle_reminder_date)
        self.assertEqual(len(self._sent(ticket, "is your request")), 1)
        self._cron(8)
        self.assertEqual(len(self._sent(ticket, "is your request")), 1, "one reminder")
        self.assertEqual(ticket.stage_id, self.stage["feedback"])
        self._cron(12)  # Tuesday: three working days after the reminder
        self.assertEqual(ticket.stage_id, self.stage["closed"])
        self.assertTrue(self._sent(ticket, "is closed"))
        notes = ticket.message_ids.filtered(lambda m: "nor the reminder" in str(m.body))
        self.assertEqual(len(notes), 1)
        self.assertTrue(ticket.sudo().rating_ids, "the closed stage asks for a rating")

    def test_an_answer_keeps_the_ticket_open(self):
        ticket = self._told("consultation")
        with self._at(datetime(2027, 1, 5, 3, 0)):
            ticket.message_post(
                body="It does not work",
                author_id=self.customer.id,
                message_type="email",
                subtype_xmlid="mail.mt_comment",
            )
        self._cron(18)
        self.assertFalse(ticket.cs_idle_reminder_date)
        self.assertEqual(ticket.stage_id, self.stage["feedback"])

    def test_a_silent_complaint_goes_on_to_its_visit(self):
        ticket = self._told("complaint")
        self._cron(7)
        self.assertEqual(ticket.stage_id, self.stage["followup"])
        self.assertTrue(ticket.cs_no_answer)
        self.assertFalse(self._sent(ticket, "is your request"), "no reminder")
        self.assertEqual(ticket.cs_followup_ids.mapped("state"), ["todo"])
        self.assertTrue(
            ticket.message_ids.filtered(lambda m: "did not answer" in str(m.body))
        )
        # the visit still happens before the complaint closes
        ticket.write({"cs_summary": "Customer reached at the visit."})
        with self.assertRaises(ValidationError):
            ticket.stage_id = self.stage["closed"]
