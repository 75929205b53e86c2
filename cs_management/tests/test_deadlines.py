"""CMP-5: deadlines by kind, severity and channel on the working calendar,
the promise told to the customer, the pause, reminders and escalation."""

from datetime import datetime, timedelta

from dateutil.relativedelta import MO, relativedelta

from .common import CsTicketCase

# next Monday 09:00 UTC: near enough for the organisation's certificates to
# be valid; the calendar of the tests works Monday to Friday 8-12, 13-17
MONDAY_9 = datetime.combine(
    datetime.now().date() + relativedelta(days=1, weekday=MO), datetime.min.time()
).replace(hour=9)


def at(days, hour, minute=0):
    """``days`` after MONDAY_9's day, at ``hour``:``minute``."""
    return MONDAY_9.replace(hour=hour, minute=minute) + timedelta(days=days)


class TestDeadlines(CsTicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        calendar = cls.env.ref("resource.resource_calendar_std").copy({"tz": "UTC"})
        (cls.team_a | cls.team_b).resource_calendar_id = calendar
        cls.social = cls.env.ref("cs_management.channel_social_message")

    def _deadlines(self, ticket):
        return {line.sla_id.name: line for line in ticket.ticket_sla_ids}

    def test_a_complaint_gets_a_first_response_and_a_promised_resolution(self):
        with self._at(MONDAY_9):
            ticket = self._new_ticket()
        lines = self._deadlines(ticket)
        self.assertEqual(lines["First response"].deadline, at(0, 14))
        promised = lines["Resolution: complaint not yet assessed"]
        self.assertEqual(promised.deadline, at(3, 9), "three working days")
        self.assertEqual(ticket.cs_promised_date, promised.deadline)

    def test_social_media_is_answered_in_minutes(self):
        with self._at(MONDAY_9):
            ticket = self._new_ticket("consultation", channel_id=self.social.id)
        lines = self._deadlines(ticket)
        self.assertEqual(lines["First response on social media"].deadline, at(0, 9, 30))
        self.assertNotIn("First response", lines)

    def test_the_severity_sets_the_resolution_deadline(self):
        with self._at(MONDAY_9):
            ticket = self._new_ticket()
            ticket.cs_severity = "critical"
        lines = self._deadlines(ticket)
        self.assertNotIn("Resolution: complaint not yet assessed", lines)
        self.assertEqual(lines["Resolution: critical complaint"].deadline, at(1, 9))

    def test_the_customer_is_acknowledged_with_an_apology_for_a_complaint(self):
        with self._at(MONDAY_9):
            ticket = self._new_ticket()
        self.assertTrue(ticket.cs_acknowledged)
        mail = (
            self.env["mail.mail"]
            .sudo()
            .search([("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)])
        )
        self.assertEqual(mail.recipient_ids, self.customer)
        self.assertIn("We are sorry", mail.body_html)
        self.assertIn(at(3, 9).strftime("%b %-d, %Y"), mail.body_html)

    def test_a_simple_consultation_gets_no_promise(self):
        ticket = self._new_ticket("consultation")
        self.assertFalse(ticket.cs_promised_date)
        self.assertFalse(ticket.cs_acknowledged)

    def test_other_requests_are_acknowledged_without_apology(self):
        ticket = self._new_ticket("after_sales")
        message = ticket.message_ids.filtered(
            lambda m: "Thank you for contacting us" in (m.body or "")
        )
        self.assertTrue(message)
        self.assertNotIn("We are sorry", message.body)

    def test_the_clock_pauses_while_waiting_for_the_customer(self):
        with self._at(MONDAY_9):
            ticket = self._new_ticket()
            self._walk(ticket, "solution")
        with self._at(at(0, 11)):
            self._advance(ticket, "feedback")
        line = ticket.ticket_sla_ids.filtered(
            lambda sla_line: sla_line.sla_id.cs_promised
        )
        self.assertEqual(
            line.state,
            "accomplished",
            "the promise is kept once the result reaches the customer",
        )
        # the first-response clock stopped at verification; what pauses is
        # any line still running when the ticket waits
        with self._at(MONDAY_9):
            other = self._new_ticket("order")
            other.stage_id = self.stage["feedback"]
        self.assertEqual(
            other.ticket_sla_ids.filtered(
                lambda sla_line: sla_line.sla_id.name == "Resolution: order issue"
            ).state,
            "accomplished",
        )

    def test_a_paused_line_resumes_with_its_consumed_time(self):
        sla = self.env["helpdesk.sla"].create(
            {
                "name": "Close within 8h",
                "hours": 8,
                "stage_id": self.stage["closed"].id,
                "cs_process": True,
            }
        )
        self.assertIn(
            self.stage["feedback"],
            sla.ignore_stage_ids,
            "new deadlines pause where stages say so",
        )
        with self._at(MONDAY_9):
            ticket = self._new_ticket("order", cs_solution="<p>ok</p>")
        line = ticket.ticket_sla_ids.filtered(lambda sla_line: sla_line.sla_id == sla)
        with self._at(at(0, 11)):
            ticket.stage_id = self.stage["feedback"]
        self.assertEqual(line.state, "on_hold")
        self.assertAlmostEqual(line.consumed_time, 2.0)
        with self._at(at(2, 9)):  # two days later
            ticket.stage_id = self.stage["followup"]
        self.assertEqual(line.state, "in_progress")
        self.assertEqual(
            line.deadline, at(2, 16), "6 working hours left after the pause"
        )

    def test_a_stage_stops_pausing_when_told(self):
        sla = self.env["helpdesk.sla"].create(
            {"name": "Any", "hours": 8, "stage_id": self.stage["closed"].id}
        )
        self.stage["feedback"].cs_pauses_deadlines = False
        self.assertNotIn(self.stage["feedback"], sla.ignore_stage_ids)
        self.stage["investigation"].cs_pauses_deadlines = True
        self.assertIn(self.stage["investigation"], sla.ignore_stage_ids)

    def test_response_and_handling_times_are_working_hours(self):
        with self._at(MONDAY_9):
            ticket = self._new_ticket("order", cs_solution="<p>ok</p>")
        with self._at(at(0, 16)):
            ticket.stage_id = self.stage["verification"]
            ticket.message_post(
                body="<p>您好，your parcel left today. 謝謝</p>",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        with self._at(at(1, 10)):
            ticket.stage_id = self.stage["closed"]
        self.assertAlmostEqual(
            ticket.cs_first_response_hours, 6.0, msg="9-12 and 13-16"
        )
        self.assertAlmostEqual(
            ticket.cs_resolution_hours, 9.0, msg="7 on Monday, 2 on Tuesday"
        )


class TestDeadlineCron(CsTicketCase):
    def _activities(self, ticket, xmlid):
        return ticket.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(xmlid)
        )

    def test_reminder_before_then_escalation_after_once_each(self):
        with self._at(at(0, 9)):
            ticket = self._new_ticket(user=self.agent_a.user_id)
        first_response = ticket.ticket_sla_ids.filtered(
            lambda sla_line: sla_line.sla_id.name == "First response"
        )
        deadline = first_response.deadline
        Cron = self.env["helpdesk.ticket.sla"]
        with self._at(deadline - timedelta(hours=1)):
            Cron._cron_remind_and_escalate()
            Cron._cron_remind_and_escalate()
        reminders = self._activities(
            ticket, "cs_management.mail_activity_deadline_reminder"
        )
        self.assertEqual(len(reminders), 1)
        self.assertEqual(reminders.user_id, self.agent_a.user_id)
        self.assertFalse(
            self._activities(ticket, "cs_management.mail_activity_deadline_escalation")
        )
        with self._at(deadline + timedelta(hours=1)):
            Cron._cron_remind_and_escalate()
            Cron._cron_remind_and_escalate()
        escalations = self._activities(
            ticket, "cs_management.mail_activity_deadline_escalation"
        )
        self.assertEqual(len(escalations), 1, "running twice must not escalate twice")
        self.assertEqual(escalations.user_id, self.supervisor_a.user_id)
        notes = ticket.message_ids.filtered(lambda m: "was missed" in (m.body or ""))
        self.assertEqual(len(notes), 1)
        self.assertIn(self.supervisor_a.user_id.name, notes.body)

    def test_no_reminder_for_a_met_deadline(self):
        with self._at(at(0, 9)):
            ticket = self._new_ticket("order", cs_solution="<p>ok</p>")
            ticket.stage_id = self.stage["closed"]
        with self._at(at(25, 9)):
            self.env["helpdesk.ticket.sla"]._cron_remind_and_escalate()
        self.assertFalse(ticket.activity_ids)


class TestCustomerMessagesNeedASender(CsTicketCase):
    def test_without_company_email_the_ticket_is_created_and_says_why(self):
        self.env.company.email = False
        ticket = self._new_ticket()
        self.assertFalse(ticket.cs_acknowledged)
        self.assertTrue(
            ticket.message_ids.filtered(
                lambda m: "set the e-mail address" in (m.body or "")
            )
        )
