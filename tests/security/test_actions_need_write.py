"""Process actions that record something through sudo() first check that the
caller may change the ticket: a reader (trainer, auditor) who calls them over
RPC is refused, and nothing is posted, dated or counted."""

from .common import READ_ONLY_ROLES, SecurityCase


class TestActionsNeedWrite(SecurityCase):
    def setUp(self):
        super().setUp()
        self.ticket = self.ticket_a
        self.ticket.sudo().write({"cs_solution": "<p>A replacement is on its way.</p>"})
        self.ticket.sudo().ticket_sla_ids.unlink()
        self.before = self._state()

    def _state(self):
        self.env.invalidate_all()
        ticket = self.ticket.sudo()
        return {
            "told": ticket.cs_result_told_date,
            "escalations": ticket.cs_escalation_count,
            "deadlines": ticket.ticket_sla_ids.ids,
            "messages": ticket.message_ids.ids,
            "activities": ticket.activity_ids.ids,
        }

    def _assert_nothing_written(self):
        self.assertEqual(self._state(), self.before)

    def test_a_reader_cannot_tell_the_customer_the_result(self):
        for role in READ_ONLY_ROLES:
            with self.subTest(role=role):
                ticket = self.ticket.with_user(self._user(role))
                self._refused(ticket.action_cs_tell_result)

    def test_a_reader_cannot_set_deadlines_on_a_ticket_without_any(self):
        for role in READ_ONLY_ROLES:
            with self.subTest(role=role):
                ticket = self.ticket.with_user(self._user(role))
                self._refused(ticket.set_sla)

    def test_a_reader_cannot_escalate(self):
        for role in READ_ONLY_ROLES:
            with self.subTest(role=role):
                Wizard = self.env["cs.ticket.escalate.wizard"].with_user(
                    self._user(role)
                )
                self._refused(
                    lambda Wizard=Wizard: Wizard.create(
                        {"ticket_id": self.ticket.id, "reason": "Angry customer"}
                    ).action_confirm()
                )

    def test_the_assignee_still_tells_the_result(self):
        ticket = self.ticket.with_user(self._user("agent_a"))
        ticket.action_cs_tell_result()
        self.assertTrue(self.ticket.cs_result_told_date)
