"""CRM next to the ticket, and complaint review (CMP-7)."""

from odoo.exceptions import UserError

from .common import CsTicketCase


class TestCrmLink(CsTicketCase):
    def test_an_opportunity_goes_to_the_store_sales_team(self):
        sales_a = self.env["crm.team"].create({"name": "Store A Sales"})
        self.store_a.crm_team_id = sales_a
        ticket = self._new_ticket("consultation", user_id=self.presales_a.user_id.id)
        wizard = (
            self.env["helpdesk.ticket.create.lead"]
            .with_user(self.presales_a.user_id)
            .with_context(active_id=ticket.id)
            .create({})
        )
        self.assertEqual(wizard.team_id, sales_a)
        wizard.action_helpdesk_ticket_to_lead()
        self.assertEqual(ticket.lead_ids.team_id, sales_a)

    def test_the_ticket_shows_the_customer_other_tickets_and_open_opportunities(self):
        first = self._new_ticket("consultation")
        second = self._new_ticket("order")
        Lead = self.env["crm.lead"]
        # counted as the agent sees them: its own leads and unassigned ones
        Lead.create(
            {
                "name": "Skincare set",
                "type": "opportunity",
                "partner_id": self.customer.id,
                "user_id": False,
            }
        )
        Lead.create(
            {
                "name": "Colleague's",
                "type": "opportunity",
                "partner_id": self.customer.id,
                "user_id": self.agent_b.user_id.id,
            }
        )
        won_stage = self.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        Lead.create(
            {
                "name": "Old deal",
                "type": "opportunity",
                "partner_id": self.customer.id,
                "stage_id": won_stage.id,
            }
        )
        (first | second).invalidate_recordset()
        self.assertEqual(second.cs_partner_ticket_count, 1)
        self.assertEqual(first.cs_partner_opportunity_count, 1)
        action = first.action_cs_view_partner_tickets()
        self.assertEqual(self.env["helpdesk.ticket"].search(action["domain"]), second)


class TestComplaintReview(CsTicketCase):
    def test_an_improvement_action_closes_with_its_result(self):
        complaints = self._new_ticket() | self._new_ticket()
        action = (
            self.env["cs.improvement.action"]
            .with_user(self.supervisor_a.user_id)
            .create(
                {
                    "name": "Check every batch",
                    "user_id": self.supervisor_a.user_id.id,
                    "date_deadline": "2000-01-01",
                    "ticket_ids": [(6, 0, complaints.ids)],
                }
            )
        )
        self.assertTrue(action.is_late)
        self.assertIn(action, action.search([("is_late", "=", True)]))
        with self.assertRaisesRegex(UserError, "Say what changed"):
            action.action_done()
        action.result = "Batches are tested before release"
        action.action_done()
        self.assertEqual(action.state, "done")
        self.assertNotIn(action, action.search([("is_late", "=", True)]))
        self.assertEqual(complaints[0].cs_improvement_action_ids, action)

    def test_the_review_groups_complaints_by_root_cause_and_month(self):
        ticket = self._new_ticket()
        self._walk(ticket, "solution")
        groups = self.env["helpdesk.ticket"]._read_group(
            [("cs_kind", "=", "complaint"), ("id", "=", ticket.id)],
            ["cs_root_cause_id", "create_date:month"],
            ["__count"],
        )
        self.assertEqual(groups[0][0], self.root_cause)
        self.assertEqual(groups[0][2], 1)
