"""CMP-3: the complaint process, its gates and its loop, as the agent."""

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form

from .common import CsTicketCase


class TestComplaintLifecycle(CsTicketCase):
    def test_a_complaint_travels_every_step_to_closed(self):
        ticket = self._new_ticket()
        self.assertEqual(ticket.stage_id, self.stage["acceptance"])
        self._walk(ticket, "closed")
        self.assertEqual(ticket.stage_id, self.stage["closed"])
        self.assertTrue(ticket.closed_date)
        self.assertTrue(ticket.cs_followup_done)
        self.assertEqual(ticket.cs_loop_count, 0)

    def _assert_gate(self, ticket, step, *missing):
        with self.assertRaises(ValidationError) as refusal, self.env.cr.savepoint():
            ticket.stage_id = self.stage[step]
        for label in missing:
            self.assertIn(label, str(refusal.exception))
        self.assertNotEqual(ticket.stage_id, self.stage[step])

    def test_each_gate_refuses_a_complaint_without_its_data(self):
        ticket = self._new_ticket()
        self._assert_gate(ticket, "verification", "Severity")
        self._advance(ticket, "verification")
        self._assert_gate(ticket, "investigation", "Responsible Department")
        self._advance(ticket, "investigation")
        self._assert_gate(
            ticket,
            "solution",
            "Root Cause",
            "Responsible Party",
            "Solution / Answer",
            "Solution Owner",
            "Solution Due",
        )
        self._advance(ticket, "solution")
        self._assert_gate(ticket, "feedback", "Result Told to Customer")
        self._advance(ticket, "feedback")
        self._assert_gate(ticket, "followup", "Customer Satisfaction")
        self._advance(ticket, "followup")
        self.assertEqual(
            len(ticket.cs_followup_ids),
            1,
            "entering the follow-up step plans the visit",
        )
        ticket.cs_satisfaction = "4"
        self._assert_gate(
            ticket, "closed", "Follow-up Visit Completed", "Closing Summary"
        )

    def test_the_gate_holds_from_the_form_too(self):
        ticket = self._new_ticket()
        form = Form(ticket.with_user(self.agent_a.user_id))
        form.stage_id = self.stage["verification"]
        with (
            self.assertRaisesRegex(ValidationError, "Severity"),
            self.env.cr.savepoint(),
        ):
            form.save()

    def test_other_kinds_skip_the_complaint_gates(self):
        ticket = self._new_ticket("after_sales", cs_solution="<p>Refund approved.</p>")
        ticket.stage_id = self.stage["solution"]
        ticket.stage_id = self.stage["closed"]
        self.assertTrue(ticket.closed)

    def test_closing_needs_an_answer_for_every_kind(self):
        ticket = self._new_ticket("order")
        with (
            self.assertRaisesRegex(ValidationError, "Solution / Answer"),
            self.env.cr.savepoint(),
        ):
            ticket.stage_id = self.stage["closed"]

    def test_complaints_cannot_skip_a_stage_forward(self):
        ticket = self._new_ticket(
            cs_severity="normal", cs_department_id=self.quality.id
        )
        with self.assertRaisesRegex(UserError, "next is Verification"):
            ticket.stage_id = self.stage["investigation"]
        self.assertEqual(ticket.stage_id, self.stage["acceptance"])
        # leaving the process is always possible
        ticket.stage_id = self.cancelled
        self.assertTrue(ticket.closed)

    def test_moving_back_is_allowed(self):
        ticket = self._new_ticket()
        self._walk(ticket, "investigation")
        ticket.stage_id = self.stage["verification"]
        self.assertEqual(ticket.stage_id, self.stage["verification"])

    def test_an_unsatisfied_customer_sends_the_complaint_back_to_solution(self):
        ticket = self._new_ticket()
        self._walk(ticket, "feedback")
        ticket.cs_satisfaction = "2"
        with self.assertRaisesRegex(UserError, "not satisfied"):
            ticket.stage_id = self.stage["followup"]
        ticket.action_cs_not_satisfied()
        self.assertEqual(ticket.stage_id, self.stage["solution"])
        self.assertEqual(ticket.cs_loop_count, 1)
        self.assertFalse(
            ticket.cs_result_told_date, "the new result must be told again"
        )
        self.assertFalse(ticket.cs_satisfaction)
        # second round: the customer accepts
        self._walk_from(ticket, "feedback", "closed")
        self.assertEqual(ticket.cs_loop_count, 1)
        self.assertTrue(ticket.closed)

    def _walk_from(self, ticket, first, last):
        steps = list(self.STEP_DATA)
        for step in steps[steps.index(first) : steps.index(last) + 1]:
            self._advance(ticket, step)

    def test_dragging_back_from_feedback_counts_a_loop_too(self):
        ticket = self._new_ticket()
        self._walk(ticket, "feedback")
        ticket.stage_id = self.stage["solution"]
        self.assertEqual(ticket.cs_loop_count, 1)

    def test_not_satisfied_only_at_feedback(self):
        ticket = self._new_ticket()
        with self.assertRaisesRegex(UserError, "waiting for the customer's feedback"):
            ticket.action_cs_not_satisfied()

    def test_a_consultation_is_answered_and_closed_in_one_step(self):
        ticket = self._new_ticket(
            "consultation",
            cs_solution="<p>您好，use the oil first, then the foam. 謝謝</p>",
        )
        ticket.action_cs_answer_and_close()
        self.assertTrue(ticket.closed)
        self.assertTrue(ticket.cs_result_told_date)
        self.assertTrue(ticket.cs_first_response_date)
        answer = ticket.message_ids.filtered(
            lambda m: "use the oil first" in (m.body or "")
        )
        self.assertEqual(answer.partner_ids, self.customer)

    def test_answer_and_close_needs_an_answer(self):
        ticket = self._new_ticket("consultation")
        with self.assertRaisesRegex(UserError, "Write the solution"):
            ticket.action_cs_answer_and_close()
        self.assertFalse(ticket.closed)

    def test_answer_and_close_is_for_consultations(self):
        ticket = self._new_ticket(cs_solution="<p>Refund</p>")
        with self.assertRaisesRegex(UserError, "Only a consultation"):
            ticket.action_cs_answer_and_close()

    def test_reopening_a_closed_ticket_is_counted(self):
        ticket = self._new_ticket("order", cs_solution="<p>Done</p>")
        ticket.stage_id = self.stage["closed"]
        ticket.stage_id = self.stage["solution"]
        self.assertEqual(ticket.cs_reopen_count, 1)
