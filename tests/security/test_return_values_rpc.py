"""The button methods of the service process over real XML-RPC, as the
users who press them: each answers True (a None would be a fault at the
client after the server committed)."""

from odoo.tests import get_db_name

from odoo.addons.cs_management.tests.common import CsTicketCase
from odoo.addons.cs_management.tests.jobs import performing_stored_jobs

from ..common import SuiteHttpCase


class TestButtonsOverXmlRpc(SuiteHttpCase, CsTicketCase):
    def _call(self, employee, model, method, records):
        user = employee.user_id
        return self.xmlrpc_object.execute_kw(
            get_db_name(), user.id, user.login, model, method, [records.ids]
        )

    def test_ticket_buttons(self):
        ticket = self._new_ticket()
        self._walk(ticket, "solution")
        self.assertIs(
            self._call(
                self.agent_a, "helpdesk.ticket", "action_cs_tell_result", ticket
            ),
            True,
        )
        self.assertTrue(ticket.cs_result_told_date)
        ticket.stage_id = self.stage["feedback"]
        self.assertIs(
            self._call(
                self.agent_a, "helpdesk.ticket", "action_cs_not_satisfied", ticket
            ),
            True,
        )
        self.assertEqual(ticket.stage_id, self.stage["solution"])
        self.assertEqual(ticket.cs_loop_count, 1)

        consultation = self._new_ticket(
            "consultation", cs_solution="<p>您好，it keeps 12 months. 謝謝</p>"
        )
        self.assertIs(
            self._call(
                self.agent_a,
                "helpdesk.ticket",
                "action_cs_answer_and_close",
                consultation,
            ),
            True,
        )
        self.assertEqual(consultation.stage_id, self.stage["closed"])

    def test_followup_and_handoff_buttons(self):
        ticket = self._new_ticket()
        self._walk(ticket, "followup")
        visit = ticket.cs_followup_ids
        visit.write({"reached": True, "satisfaction": "5"})
        self.assertIs(
            self._call(self.agent_a, "cs.followup", "action_done", visit), True
        )
        self.assertEqual(visit.state, "done")
        self.assertIs(
            self._call(self.agent_a, "cs.followup", "action_reset", visit), True
        )
        self.assertEqual(visit.state, "todo")

        handoff = self.env["cs.ticket.handoff"].create(
            {
                "ticket_id": ticket.id,
                "department_id": self.quality.id,
                "user_id": self.agent_a.user_id.id,
                "request": "Test the batch",
                "date_due": "2030-01-10",
                "result": "The batch is fine",
            }
        )
        self.assertIs(
            self._call(self.agent_a, "cs.ticket.handoff", "action_done", handoff), True
        )
        self.assertEqual(handoff.state, "done")

    def test_review_and_plan_buttons(self):
        action = self.env["cs.improvement.action"].create(
            {
                "name": "Check every batch",
                "user_id": self.supervisor_a.user_id.id,
                "date_deadline": "2030-01-01",
            }
        )
        action.result = "Batches are tested"
        for method, state in (
            ("action_done", "done"),
            ("action_reopen", "open"),
            ("action_cancel", "cancel"),
        ):
            self.assertIs(
                self._call(self.supervisor_a, "cs.improvement.action", method, action),
                True,
            )
            self.assertEqual(action.state, state)

        self.customer.cs_consent_scope = "service"
        plan = self.env["cs.followup.plan"].create(
            {
                "name": "Night cream buyers",
                "partner_ids": [(6, 0, self.customer.ids)],
                "date_start": "2030-03-01",
                "date_end": "2030-03-03",
                "user_ids": [(6, 0, self.agent_a.user_id.ids)],
            }
        )
        with performing_stored_jobs(self.env):
            queued = self._call(
                self.supervisor_a, "cs.followup.plan", "action_generate", plan
            )
        self.assertEqual(queued["tag"], "display_notification")
        self.assertIn(self.customer, plan.followup_ids.partner_id)
        self.assertIs(
            self._call(self.supervisor_a, "cs.followup.plan", "action_done", plan), True
        )
        self.assertEqual(plan.state, "done")

    def test_training_plan_buttons(self):
        plan = self.env["cs.training.plan"].create({"name": "Plan 2030", "year": 2030})
        for method, state in (
            ("action_approve", "approved"),
            ("action_close", "closed"),
            ("action_reset_draft", "draft"),
        ):
            self.assertIs(
                self._call(self.cs_manager, "cs.training.plan", method, plan), True
            )
            self.assertEqual(plan.state, state)
