"""ORG-3: tickets are visible along the reporting hierarchy."""

from odoo import Command

from .common import CsOrganisationCase


class TestHierarchyVisibility(CsOrganisationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a head-office team that none of the store leaders belongs to
        cls.team_hq = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Hotline",
                "user_ids": [Command.set((cls.agent_a | cls.agent_b).user_id.ids)],
            }
        )
        cls.hq_ticket_of_agent_a = cls._ticket(
            "Hotline call of agent A", cls.team_hq, cls.agent_a
        )
        cls.hq_ticket_of_agent_b = cls._ticket(
            "Hotline call of agent B", cls.team_hq, cls.agent_b
        )

    def _visible(self, employee):
        tickets = self.hq_ticket_of_agent_a | self.hq_ticket_of_agent_b
        return (
            self.env["helpdesk.ticket"]
            .with_user(employee.user_id)
            .search([("id", "in", tickets.ids)])
        )

    def test_supervisor_sees_the_tickets_of_its_subordinates_anywhere(self):
        self.assertEqual(self._visible(self.supervisor_a), self.hq_ticket_of_agent_a)

    def test_visibility_runs_down_every_level(self):
        self.assertEqual(self._visible(self.store_manager_a), self.hq_ticket_of_agent_a)
        self.assertEqual(
            self._visible(self.cs_manager),
            self.hq_ticket_of_agent_a | self.hq_ticket_of_agent_b,
        )

    def test_peers_do_not_see_each_other(self):
        self.assertFalse(self._visible(self.presales_a))

    def test_a_new_report_is_visible_at_once(self):
        self.assertFalse(
            self._visible(self.store_manager_b) & self.hq_ticket_of_agent_a
        )
        self.supervisor_a.parent_id = self.store_manager_b
        self.assertIn(self.hq_ticket_of_agent_a, self._visible(self.store_manager_b))
        self.assertNotIn(self.hq_ticket_of_agent_a, self._visible(self.store_manager_a))

    def test_joining_a_team_shows_its_tickets(self):
        self.assertFalse(self._visible(self.presales_a))
        self.team_hq.user_ids = [Command.link(self.presales_a.user_id.id)]
        self.assertEqual(
            self._visible(self.presales_a),
            self.hq_ticket_of_agent_a | self.hq_ticket_of_agent_b,
        )
