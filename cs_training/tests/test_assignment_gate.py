"""DESK-3 with TRN-6: automatic assignment gives tickets only to members
cleared to serve."""

from odoo import Command

from .common import CsTrainingCase


class TestAssignmentGate(CsTrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.new_hire = cls._person(
            "specialist",
            "t_new_hire",
            cls.store_a,
            cls.supervisor_a,
            ready_to_serve=False,
        )
        cls._make_ready_to_serve(cls.agent_a | cls.presales_a)
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Store A counter",
                "cs_store_id": cls.store_a.id,
                "cs_assign_method": "round_robin",
                "user_ids": [
                    Command.set(
                        (cls.agent_a | cls.presales_a | cls.new_hire).user_id.ids
                    )
                ],
            }
        )

    def _unassigned(self, count):
        Ticket = self.env["helpdesk.ticket"].with_user(self.agent_a.user_id)
        return Ticket.create(
            [
                {
                    "name": f"Question {n}",
                    "description": "<p>When does it expire?</p>",
                    "team_id": self.team.id,
                }
                for n in range(count)
            ]
        )

    def test_not_cleared_members_get_nothing_until_cleared(self):
        self.assertFalse(self.new_hire.cs_cleared_to_serve)
        tickets = self._unassigned(6)
        self.assertEqual(tickets.user_id, (self.agent_a | self.presales_a).user_id)
        self._make_ready_to_serve(self.new_hire)
        self.assertIn(self.new_hire.user_id, self._unassigned(3).user_id)

    def test_nobody_cleared_leaves_the_ticket_unassigned(self):
        self.team.user_ids = self.new_hire.user_id
        self.assertFalse(self._unassigned(2).user_id)
