"""DESK-3: new tickets spread over the team's members by the team's
method, among those at work in the ticket's store, up to a cap; major and
critical complaints still go to the supervisor."""

from collections import Counter

from odoo import Command, fields
from odoo.exceptions import ValidationError

from .common import CsTicketCase


class TestAssignment(CsTicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent_a2 = cls._person(
            "specialist", "t_agent_a2", cls.store_a, cls.supervisor_a
        )
        cls.agents = (cls.agent_a | cls.presales_a | cls.agent_a2).user_id
        # agent B serves store B: a member of the team, not of its store
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Store A counter",
                "cs_store_id": cls.store_a.id,
                "cs_assign_method": "round_robin",
                "user_ids": [Command.set((cls.agents | cls.agent_b.user_id).ids)],
            }
        )

    def _open_counts(self):
        Ticket = self.env["helpdesk.ticket"]
        return {
            user: Ticket.search_count(
                [("user_id", "=", user.id), ("stage_id.closed", "=", False)]
            )
            for user in self.agents
        }

    def _unassigned(self, count, kind="consultation", **values):
        """``count`` tickets created unassigned, one by one, as an agent."""
        values = {
            "name": "Question",
            "team_id": self.team.id,
            "user_id": False,
            **values,
        }
        tickets = self.env["helpdesk.ticket"]
        for _n in range(count):
            tickets |= self._new_ticket(kind, **values)
        return tickets

    def test_round_robin_takes_turns(self):
        tickets = self._unassigned(9)
        self.assertEqual(
            Counter(ticket.user_id.id for ticket in tickets),
            Counter(dict.fromkeys(self.agents.ids, 3)),
        )
        self.assertEqual(len(tickets[:3].user_id), 3)
        self.assertEqual(tickets[3:6].mapped("user_id"), tickets[:3].mapped("user_id"))

    def test_fewest_open_fills_the_lightest_first(self):
        self.team.cs_assign_method = "least_open"
        self._unassigned(3, user_id=self.agent_a.user_id.id)  # agent A is busy
        before = self._open_counts()
        tickets = self._unassigned(6)
        after = self._open_counts()
        self.assertEqual(sum(after.values()) - sum(before.values()), 6)
        self.assertNotIn(self.agent_a.user_id, tickets[:2].user_id)
        self.assertLessEqual(max(after.values()) - min(after.values()), 1)

    def test_only_members_of_the_ticket_store(self):
        tickets = self._unassigned(8)
        self.assertNotIn(self.agent_b.user_id, tickets.user_id)
        self.assertTrue(all(tickets.mapped("user_id")))

    def test_absent_members_get_nothing(self):
        """A leave validated in Time Off is an absence of the employee's
        resource; the suite reads that, without depending on Time Off."""
        now = fields.Datetime.now()
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Annual leave",
                "resource_id": self.agent_a2.resource_id.id,
                "calendar_id": self.agent_a2.resource_calendar_id.id,
                "date_from": fields.Datetime.subtract(now, hours=1),
                "date_to": fields.Datetime.add(now, days=2),
            }
        )
        tickets = self._unassigned(6)
        self.assertNotIn(self.agent_a2.user_id, tickets.user_id)
        self.assertEqual(len(tickets.user_id), 2)

    def test_cap_of_open_tickets(self):
        self.team.cs_assign_method = "least_open"
        cap = max(self._open_counts().values()) + 1
        self.team.cs_assign_cap = cap
        tickets = self._unassigned(3 * cap + 2)
        self.assertTrue(all(count <= cap for count in self._open_counts().values()))
        self.assertTrue(
            tickets.filtered(lambda t: not t.user_id), "the rest waits unassigned"
        )

    def test_cap_below_one_refused(self):
        team = self.team.with_user(self.cs_manager.user_id)
        for cap in (0, -3):
            with self.subTest(cap=cap), self.assertRaises(ValidationError) as refused:
                team.cs_assign_cap = cap
            self.assertIn("at least 1", str(refused.exception))
        self.team.invalidate_recordset()
        self.assertEqual(self.team.cs_assign_cap, 20)

    def test_manual_teams_leave_tickets_unassigned(self):
        self.team.cs_assign_method = "manual"
        self.assertFalse(self._unassigned(3).user_id)

    def test_given_assignee_kept(self):
        ticket = self._new_ticket(
            "consultation", team_id=self.team.id, user_id=self.presales_a.user_id.id
        )
        self.assertEqual(ticket.user_id, self.presales_a.user_id)

    def test_major_complaints_still_go_to_the_supervisor(self):
        self.team.user_ids = [Command.link(self.supervisor_a.user_id.id)]
        ticket = self._new_ticket(
            "complaint", team_id=self.team.id, user_id=False, cs_severity="critical"
        )
        self.assertEqual(ticket.user_id, self.supervisor_a.user_id)
        normal = self._unassigned(1, kind="complaint")
        self.assertIn(normal.user_id, self.agents | self.supervisor_a.user_id)
        normal.write(
            {"stage_id": self.stage["verification"].id, "cs_severity": "major"}
        )
        self.assertEqual(normal.user_id, self.supervisor_a.user_id)

    def test_candidates_read_once_per_team(self):
        """One ticket or ten: the same queries to pick their agents."""
        Ticket = self.env["helpdesk.ticket"].with_user(self.agent_a.user_id)
        consultation = self.kinds["consultation"].id
        queries = []
        for count in (1, 1, 10):
            batch = [
                {"name": "Q", "team_id": self.team.id, "category_id": consultation}
                for _n in range(count)
            ]
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            Ticket._cs_auto_assign(batch)
            queries.append(self.env.cr.sql_log_count - start)
            self.assertTrue(all(vals.get("user_id") for vals in batch))
        self.assertEqual(queries[1], queries[2])
