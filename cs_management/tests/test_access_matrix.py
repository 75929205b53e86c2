"""ORG-3: what each role may do on stores, employees' service data and
tickets, in its own store and in another one. Every cell is tried as the
user of that role; a denial must be an AccessError."""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from .common import CsOrganisationCase

Y, N = True, False
OPERATIONS = (
    "read own",
    "read other",
    "write own",
    "write other",
    "create own",
    "create other",
    "delete own",
)

# fmt: off
STORE_MATRIX = {
    #                read own/other, write own/other, create own/other, delete
    "agent_a":          (Y, Y, N, N, N, N, N),
    "supervisor_a":     (Y, Y, N, N, N, N, N),
    "store_manager_a":  (Y, Y, Y, N, N, N, N),
    "cs_manager":       (Y, Y, Y, Y, Y, Y, N),
    "admin_user":       (Y, Y, Y, Y, Y, Y, Y),
    "trainer":          (Y, Y, N, N, N, N, N),
    "auditor":          (Y, Y, N, N, N, N, N),
}
EMPLOYEE_MATRIX = {
    "agent_a":          (Y, Y, N, N, N, N, N),
    "supervisor_a":     (Y, Y, N, N, N, N, N),
    "store_manager_a":  (Y, Y, N, N, N, N, N),
    "cs_manager":       (Y, Y, Y, Y, Y, Y, Y),
    "admin_user":       (Y, Y, Y, Y, Y, Y, Y),
    "trainer":          (Y, Y, N, N, N, N, N),
    "auditor":          (Y, Y, N, N, N, N, N),
}
# Anyone serving customers may log a ticket for another store's team (a
# walk-in about another shop): as its follower the author keeps access to it.
TICKET_MATRIX = {
    "agent_a":          (Y, N, Y, N, Y, Y, N),
    "supervisor_a":     (Y, N, Y, N, Y, Y, N),
    "store_manager_a":  (Y, N, Y, N, Y, Y, N),
    "cs_manager":       (Y, Y, Y, Y, Y, Y, Y),
    "admin_user":       (Y, Y, Y, Y, Y, Y, Y),
    "trainer":          (Y, Y, N, N, N, N, N),
    "auditor":          (Y, Y, N, N, N, N, N),
}
# fmt: on


class _Undo(Exception):
    """Raised to roll back an operation that succeeded."""


class TestAccessMatrix(CsOrganisationCase):
    def _user(self, who):
        person = getattr(self, who)
        return person if person._name == "res.users" else person.user_id

    def _allowed(self, operation):
        """Try ``operation`` and undo it: True if done, False on AccessError."""
        try:
            with mute_logger("odoo.models", "odoo.addons.base.models.ir_rule"):
                with self.env.cr.savepoint():
                    operation()
                    self.env.flush_all()
                    raise _Undo()
        except _Undo:
            return True
        except AccessError:
            return False

    def _check_matrix(self, matrix, operations):
        mismatches = []
        for who, expected_row in matrix.items():
            user = self._user(who)
            for name, expected in zip(OPERATIONS, expected_row, strict=True):
                self.env.invalidate_all()
                got = self._allowed(lambda op=operations[name], u=user: op(u))
                if got != expected:
                    mismatches.append(
                        f"{who} {name}: expected "
                        f"{'allowed' if expected else 'denied'}, "
                        f"got {'allowed' if got else 'denied'}"
                    )
        self.assertFalse(mismatches, "\n".join(mismatches))

    def test_store_matrix(self):
        def create(user, company):
            self.env["cs.store"].with_user(user).with_company(company).create(
                {"code": f"N{user.id}", "name": "New Store", "company_id": company.id}
            )

        operations = {
            "read own": lambda u: self.store_a.with_user(u).read(
                ["name", "manager_id"]
            ),
            "read other": lambda u: self.store_b.with_user(u).read(
                ["name", "manager_id"]
            ),
            "write own": lambda u: self.store_a.with_user(u).write(
                {"name": "Renamed A"}
            ),
            "write other": lambda u: self.store_b.with_user(u).write(
                {"name": "Renamed B"}
            ),
            "create own": lambda u: create(u, self.company),
            # the other store's company is the same: creating twice must work too
            "create other": lambda u: create(u, self.company),
            "delete own": lambda u: self.store_a.with_user(u).unlink(),
        }
        self._check_matrix(STORE_MATRIX, operations)

    def test_employee_service_data_matrix(self):
        def create(user, store):
            self.env["hr.employee"].with_user(user).create(
                {
                    "name": "New Hire",
                    "cs_store_id": store.id,
                    "cs_role_id": self.roles["specialist"].id,
                }
            )

        operations = {
            "read own": lambda u: (
                self.env["hr.employee"]
                .with_user(u)
                .browse(self.agent_a.id)
                .read(["cs_store_id", "cs_role_id"])
            ),
            "read other": lambda u: (
                self.env["hr.employee"]
                .with_user(u)
                .browse(self.agent_b.id)
                .read(["cs_store_id", "cs_role_id"])
            ),
            "write own": lambda u: self.agent_a.with_user(u).write(
                {"cs_role_id": self.roles["presales"].id}
            ),
            "write other": lambda u: self.agent_b.with_user(u).write(
                {"cs_role_id": self.roles["aftersales"].id}
            ),
            "create own": lambda u: create(u, self.store_a),
            "create other": lambda u: create(u, self.store_b),
            "delete own": lambda u: self.presales_a.with_user(u).unlink(),
        }
        self._check_matrix(EMPLOYEE_MATRIX, operations)

    def test_ticket_matrix(self):
        def create(user, team):
            self.env["helpdesk.ticket"].with_user(user).create(
                {"name": "New request", "description": "<p>New</p>", "team_id": team.id}
            )

        operations = {
            "read own": lambda u: self.ticket_a.with_user(u).read(["name", "stage_id"]),
            "read other": lambda u: self.ticket_b.with_user(u).read(
                ["name", "stage_id"]
            ),
            "write own": lambda u: self.ticket_a.with_user(u).write({"priority": "2"}),
            "write other": lambda u: self.ticket_b.with_user(u).write(
                {"priority": "2"}
            ),
            "create own": lambda u: create(u, self.team_a),
            "create other": lambda u: create(u, self.team_b),
            "delete own": lambda u: self.ticket_a.with_user(u).unlink(),
        }
        self._check_matrix(TICKET_MATRIX, operations)

    def test_store_search_lists_only_visible_tickets(self):
        """Denied records are not merely unreadable: searches leave them out."""
        Ticket = self.env["helpdesk.ticket"]
        for who in ("agent_a", "supervisor_a", "store_manager_a"):
            found = Ticket.with_user(self._user(who)).search(
                [("id", "in", (self.ticket_a | self.ticket_b | self.ticket_c).ids)]
            )
            self.assertEqual(found, self.ticket_a, who)

    def test_companies_bound_every_role(self):
        """A CS manager sees everything of its companies, nothing of others."""
        user = self.cs_manager.user_id
        self.assertFalse(
            self.env["helpdesk.ticket"]
            .with_user(user)
            .search([("id", "=", self.ticket_c.id)])
        )
        self.assertFalse(
            self.env["cs.store"].with_user(user).search([("id", "=", self.store_c.id)])
        )
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_rule"),
        ):
            self.ticket_c.with_user(user).read(["name"])
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_rule"),
        ):
            self.store_c.with_user(user).write({"name": "Not mine"})
        # given the other company too, the same manager reaches it
        user.write({"company_ids": [Command.link(self.other_company.id)]})
        self.assertEqual(
            self.env["cs.store"]
            .with_user(user)
            .with_context(allowed_company_ids=[self.company.id, self.other_company.id])
            .search([("id", "=", self.store_c.id)]),
            self.store_c,
        )
