"""CMP-4: major complaints go to a supervisor. CMP-6: hand-offs are tracked
on the ticket and the customer hears about them."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .common import CsTicketCase


class TestSupervisorAssignment(CsTicketCase):
    def _activities(self, ticket):
        major = self.env.ref("cs_management.mail_activity_major_complaint")
        return ticket.activity_ids.filtered(lambda a: a.activity_type_id == major)

    def test_a_major_complaint_goes_to_the_store_supervisor(self):
        ticket = self._new_ticket()
        ticket.cs_severity = "major"
        self.assertEqual(ticket.user_id, self.supervisor_a.user_id)
        activity = self._activities(ticket)
        self.assertEqual(
            activity.user_id, self.supervisor_a.user_id, "the supervisor is notified"
        )

    def test_critical_at_intake_too(self):
        ticket = self._new_ticket(cs_severity="critical")
        self.assertEqual(ticket.user_id, self.supervisor_a.user_id)

    def test_minor_and_normal_complaints_stay_with_the_agent(self):
        ticket = self._new_ticket(cs_severity="normal")
        self.assertEqual(ticket.user_id, self.agent_a.user_id)
        self.assertFalse(self._activities(ticket))

    def test_major_after_sales_requests_stay_with_the_agent(self):
        ticket = self._new_ticket("after_sales", cs_severity="major")
        self.assertEqual(ticket.user_id, self.agent_a.user_id)

    def test_without_store_supervisor_the_team_leader_takes_it(self):
        self.store_a.supervisor_ids = False
        self.team_a.user_id = self.store_manager_a.user_id
        ticket = self._new_ticket(cs_severity="major")
        self.assertEqual(ticket.user_id, self.store_manager_a.user_id)


class TestHandoffs(CsTicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lab = new_test_user(
            cls.env, "t_lab", groups="base.group_user", name="Lab Technician"
        )

    def _handoff(self, ticket):
        return (
            self.env["cs.ticket.handoff"]
            .with_user(self.agent_a.user_id)
            .create(
                {
                    "ticket_id": ticket.id,
                    "department_id": self.quality.id,
                    "user_id": self.lab.id,
                    "request": "Test the batch",
                    "date_due": "2030-01-10",
                }
            )
        )

    def test_a_handoff_is_logged_assigned_and_told_to_the_customer(self):
        ticket = self._new_ticket()
        self._handoff(ticket)
        self.assertTrue(
            ticket.message_ids.filtered(
                lambda m: "Handed to Quality Test Dept" in (m.body or "")
            )
        )
        self.assertEqual(
            ticket.activity_ids.filtered(
                lambda a: a.user_id == self.lab
            ).date_deadline.isoformat(),
            "2030-01-10",
        )
        progress = ticket.message_ids.filtered(lambda m: "asked our" in (m.body or ""))
        self.assertEqual(progress.partner_ids, self.customer)

    def test_the_owner_answers_without_being_in_customer_service(self):
        ticket = self._new_ticket()
        handoff = self._handoff(ticket)
        self.assertFalse(self.lab.has_group("cs_management.group_cs_agent"))
        mine = handoff.with_user(self.lab)
        with self.assertRaisesRegex(UserError, "Write the result"):
            mine.action_done()
        mine.write({"result": "Batch contaminated"})
        mine.action_done()
        self.assertEqual(handoff.state, "done")
        self.assertTrue(
            ticket.message_ids.filtered(
                lambda m: "answered: Batch contaminated" in (m.body or "")
            )
        )
        self.assertTrue(
            ticket.message_ids.filtered(
                lambda m: "has finished looking into" in (m.body or "")
            )
        )

    def test_others_reach_a_handoff_only_through_its_ticket(self):
        handoff = self._handoff(self._new_ticket())
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            handoff.with_user(self.agent_b.user_id).read(["request"])
        self.assertEqual(
            handoff.with_user(self.supervisor_a.user_id).request, "Test the batch"
        )

    def test_hand_offs_and_visits_stay_within_their_ticket(self):
        mine = self._new_ticket()
        other_store = self.ticket_b  # store B: agent A may not work it
        handoff = self._handoff(mine)
        visit = (
            self.env["cs.followup"]
            .with_user(self.agent_a.user_id)
            .create(
                {
                    "ticket_id": mine.id,
                    "partner_id": self.customer.id,
                    "user_id": self.agent_a.user_id.id,
                    "date_due": "2030-01-10",
                }
            )
        )
        for record, who in (
            (handoff, self.agent_a.user_id),
            (handoff, self.lab),
            (visit, self.agent_a.user_id),
        ):
            with (
                self.subTest(model=record._name, user=who.login),
                self.assertRaises(AccessError),
            ):
                record.with_user(who).write({"ticket_id": other_store.id})
            self.assertEqual(record.ticket_id, mine)
        for model, values in (
            (
                "cs.ticket.handoff",
                {
                    "department_id": self.quality.id,
                    "user_id": self.lab.id,
                    "request": "x",
                    "date_due": "2030-01-10",
                },
            ),
            (
                "cs.followup",
                {
                    "partner_id": self.customer.id,
                    "user_id": self.agent_a.user_id.id,
                    "date_due": "2030-01-10",
                },
            ),
        ):
            with (
                self.subTest(model=model, created=True),
                self.assertRaises(AccessError),
            ):
                self.env[model].with_user(self.agent_a.user_id).create(
                    dict(values, ticket_id=other_store.id)
                )
            self.assertFalse(
                self.env[model].search([("ticket_id", "=", other_store.id)])
            )
