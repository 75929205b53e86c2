"""DESK-4, escalation by hand: agent to supervisor, supervisor to CS
manager, with a reason; critical and twice-escalated complaints reach the
CS managers; their weekly digest."""

from odoo.exceptions import UserError

from .common import CsTicketCase


class TestManualEscalation(CsTicketCase):
    def _escalate(
        self, ticket, employee, reason="The customer threatens to go to the press"
    ):
        wizard = (
            self.env["cs.ticket.escalate.wizard"]
            .with_user(employee.user_id)
            .create({"ticket_id": ticket.id, "reason": reason})
        )
        receiver = wizard.receiver_id
        wizard.action_confirm()
        return receiver

    def _activities(self, ticket, employee):
        return ticket.activity_ids.filtered(
            lambda a: (
                a.user_id == employee.user_id
                and a.activity_type_id
                == self.env.ref("cs_management.mail_activity_escalated")
            )
        )

    def _reports(self, ticket):
        return ticket.message_ids.filtered(
            lambda m: (
                self.cs_manager.user_id.partner_id in m.partner_ids
                and "Reported to the CS managers" in str(m.body)
            )
        )

    def test_agent_to_supervisor_to_cs_manager(self):
        ticket = self._new_ticket("consultation")
        self.assertEqual(
            self._escalate(ticket, self.agent_a), self.supervisor_a.user_id
        )
        self.assertEqual(ticket.cs_escalation_count, 1)
        self.assertEqual(len(self._activities(ticket, self.supervisor_a)), 1)
        note = ticket.message_ids.filtered(lambda m: "Escalated by" in str(m.body))
        self.assertIn("go to the press", str(note.body))
        self.assertIn(self.supervisor_a.user_id.partner_id, ticket.message_partner_ids)

        self.assertEqual(
            self._escalate(ticket, self.supervisor_a), self.cs_manager.user_id
        )
        self.assertEqual(len(self._activities(ticket, self.cs_manager)), 1)
        self.assertEqual(ticket.cs_escalation_count, 2)
        self.assertFalse(self._reports(ticket), "a consultation is not reported")

    def test_refusals_write_nothing(self):
        ticket = self._new_ticket("consultation")
        messages = len(ticket.message_ids)
        for employee, reason in ((self.agent_a, "  "), (self.cs_manager, "Help")):
            with self.subTest(user=employee.name), self.assertRaises(UserError):
                self._escalate(ticket, employee, reason)
        ticket.invalidate_recordset()
        self.assertEqual(ticket.cs_escalation_count, 0)
        self.assertFalse(ticket.activity_ids)
        self.assertEqual(len(ticket.message_ids), messages)

    def test_complaint_escalated_twice_reported_once(self):
        ticket = self._new_ticket("complaint")
        self._escalate(ticket, self.agent_a)
        self.assertFalse(self._reports(ticket))
        self._escalate(ticket, self.agent_a)
        self.assertEqual(len(self._reports(ticket)), 1)
        self._escalate(ticket, self.supervisor_a)
        self.assertEqual(len(self._reports(ticket)), 1)

    def test_critical_complaint_reported(self):
        ticket = self._new_ticket("complaint")
        self._advance(ticket, "verification")
        self.assertFalse(self._reports(ticket))
        ticket.cs_severity = "critical"
        self.assertEqual(len(self._reports(ticket)), 1)

    def test_weekly_digest(self):
        critical = self._new_ticket(
            "complaint", name="Burnt skin", cs_severity="critical"
        )
        calm = self._new_ticket("complaint", name="Late parcel", cs_severity="minor")
        self.env["helpdesk.ticket"]._cron_cs_complaint_digest()
        digest = self.env["mail.message"].search(
            [
                ("partner_ids", "in", self.cs_manager.user_id.partner_id.ids),
                ("subject", "ilike", "complaints at risk"),
            ]
        )
        self.assertEqual(len(digest), 1)
        self.assertIn(critical.number, str(digest.body))
        self.assertNotIn(calm.number, str(digest.body))
