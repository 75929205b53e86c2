"""Deadline lines (helpdesk.ticket.sla) and followers (mail.followers) of
another store's ticket, as an attacker from another store or company, or as
read-only staff: every attempt is refused and changes nothing."""

from odoo import Command, fields

from .common import OTHER_STORE_ROLES, READ_ONLY_ROLES, SecurityCase, add_attempts

SLA_FIELDS = ["deadline", "state", "ticket_id", "sla_id", "consumed_time"]


class TestDeadlineAndFollowerAttempts(SecurityCase):
    def setUp(self):
        super().setUp()
        for ticket in self.own_ticket.values():
            self._deadline_line(ticket)
        self.lines_before = self._all_lines()

    def _all_lines(self):
        """Every deadline line as the database has it (the own tickets' too)."""
        self.env.invalidate_all()
        return (
            self.env["helpdesk.ticket.sla"]
            .sudo()
            .search([], order="id")
            .read(SLA_FIELDS)
        )

    def _assert_nothing_written(self):
        self.assertEqual(self._all_lines(), self.lines_before)

    def _lines_as(self, role):
        return self.env["helpdesk.ticket.sla"].with_user(self._user(role))

    # -- deadline lines ---------------------------------------------------
    def _attempt_sla_search_read(self, role):
        found = self._lines_as(role).search_read(
            [("ticket_id", "=", self.ticket_b.id)], ["deadline", "state"]
        )
        self.assertEqual(found, [])

    def _attempt_sla_read(self, role):
        self._refused(
            lambda: self.sla_line_b.with_user(self._user(role)).read(
                ["deadline", "state"]
            )
        )

    def _attempt_sla_read_group(self, role):
        groups = self._lines_as(role).read_group([], ["deadline:max"], ["ticket_id"])
        self.assertNotIn(
            self.ticket_b.id,
            [group["ticket_id"][0] for group in groups if group["ticket_id"]],
        )

    def _attempt_sla_search_expired(self, role):
        # OCA's computed filter goes through the same rules
        found = self._lines_as(role).search(
            [
                "|",
                ("expired", "=", True),
                ("expired", "=", False),
                ("ticket_id", "=", self.ticket_b.id),
            ]
        )
        self.assertFalse(found)

    def _attempt_sla_write(self, role):
        later = fields.Datetime.add(fields.Datetime.now(), days=30)
        self._refused(
            lambda: self.sla_line_b.with_user(self._user(role)).write(
                {"deadline": later}
            )
        )

    def _attempt_sla_create(self, role):
        self._refused(
            lambda: self._lines_as(role).create(
                {"ticket_id": self.ticket_b.id, "sla_id": self.sla_line_b.sla_id.id}
            )
        )

    def _attempt_sla_unlink(self, role):
        self._refused(lambda: self.sla_line_b.with_user(self._user(role)).unlink())

    def _attempt_sla_write_own(self, role):
        # read-only staff: not even the deadlines of the tickets they read
        line = self._deadline_line(self.own_ticket[role])
        self._refused(
            lambda: line.with_user(self._user(role)).write({"consumed_time": 99.0})
        )

    # -- deadline lines of the attacker's own ticket: kept by the system -----
    def _own_line(self, role):
        return self.own_ticket[role].ticket_sla_ids[:1].with_user(self._user(role))

    def _attempt_sla_postpone_own(self, role):
        later = fields.Datetime.add(fields.Datetime.now(), days=30)
        self._refused(lambda: self._own_line(role).write({"deadline": later}))

    def _attempt_sla_accomplish_own(self, role):
        self._refused(lambda: self._own_line(role).write({"state": "accomplished"}))

    def _attempt_sla_drop_own(self, role):
        self._refused(lambda: self._own_line(role).unlink())

    def _attempt_sla_add_own(self, role):
        line = self._own_line(role)
        self._refused(
            lambda: self._lines_as(role).create(
                {"ticket_id": line.ticket_id.id, "sla_id": line.sla_id.id}
            )
        )

    def _attempt_sla_reset_own(self, role):
        # set_sla drops the lines and starts the clocks again
        self._refused(
            lambda: self.own_ticket[role].with_user(self._user(role)).set_sla()
        )

    def _attempt_sla_through_ticket(self, role):
        line = self.own_ticket[role].ticket_sla_ids[:1]
        ticket = self.own_ticket[role].with_user(self._user(role))
        self._refused(
            lambda: ticket.write(
                {"ticket_sla_ids": [Command.update(line.id, {"state": "accomplished"})]}
            )
        )

    def _attempt_sla_refresh_own(self, role):
        # "Set SLA" keeps the lines as the system: only for those who may edit
        # the ticket
        ticket = self.own_ticket[role]
        ticket.sudo().ticket_sla_ids[:1].unlink()
        self.lines_before = self._all_lines()
        self._refused(lambda: ticket.with_user(self._user(role)).refresh_sla())

    # -- followers -----------------------------------------------------------
    def _followers_as(self, role):
        return self.env["mail.followers"].with_user(self._user(role))

    def _attempt_followers_search_read(self, role):
        found = self._followers_as(role).search_read(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", self.ticket_b.id)],
            ["partner_id", "email"],
        )
        self.assertEqual(found, [])

    def _attempt_followers_read(self, role):
        self._refused(
            lambda: self.follower_b.with_user(self._user(role)).read(
                ["partner_id", "email"]
            )
        )

    def _attempt_followers_by_customer(self, role):
        # which tickets does this customer follow? not those of another store
        found = self._followers_as(role).search(
            [
                ("partner_id", "=", self.customer.id),
                ("res_model", "=", "helpdesk.ticket"),
            ]
        )
        self.assertNotIn(self.ticket_b.id, found.mapped("res_id"))

    # -- what may still be done ------------------------------------------
    def test_staff_see_the_deadlines_and_followers_of_their_own_store(self):
        user = self._user("agent_b")
        self.assertIn(
            self.sla_line_b, self.env["helpdesk.ticket.sla"].with_user(user).search([])
        )
        self.assertIn(
            self.follower_b, self.env["mail.followers"].with_user(user).search([])
        )
        self.assertIn(self.customer, self.ticket_b.with_user(user).message_partner_ids)

    def test_moving_a_ticket_keeps_its_deadlines_up_to_date_for_its_agent(self):
        ticket = self._new_ticket("consultation")
        self.assertTrue(ticket.ticket_sla_ids)
        ticket.with_user(self._user("agent_a")).write(
            {"stage_id": self.stage["verification"].id}
        )
        self.assertTrue(ticket.with_user(self._user("agent_a")).ticket_sla_ids)

    def test_set_sla_adds_the_deadlines_a_ticket_now_qualifies_for(self):
        ticket = self._new_ticket("consultation")
        kept = ticket.ticket_sla_ids
        ticket.sudo().ticket_sla_ids[:1].unlink()
        self.assertTrue(ticket.with_user(self._user("agent_a")).refresh_sla())
        self.assertEqual(len(ticket.ticket_sla_ids), len(kept))

    def test_trainers_and_auditors_read_every_deadline(self):
        for role in READ_ONLY_ROLES:
            self.assertIn(self.sla_line_b, self._lines_as(role).search([]), role)

    def test_other_users_keep_helpdesk_behaviour(self):
        # a helpdesk user outside Customer Service: no rule of ours binds it
        from odoo.tests import new_test_user

        user = new_test_user(
            self.env, "t_plain_helpdesk", groups="helpdesk_mgmt.group_helpdesk_user"
        )
        self.assertEqual(
            self.env["helpdesk.ticket.sla"]
            .with_user(user)
            .search_count([("ticket_id", "=", self.ticket_b.id)]),
            len(self.ticket_b.ticket_sla_ids),
        )


SLA_ATTEMPTS = (
    "sla_search_read",
    "sla_read",
    "sla_read_group",
    "sla_search_expired",
    "sla_write",
    "sla_create",
    "sla_unlink",
    "followers_search_read",
    "followers_read",
    "followers_by_customer",
)
OWN_LINE_ATTEMPTS = (
    "sla_postpone_own",
    "sla_accomplish_own",
    "sla_drop_own",
    "sla_add_own",
    "sla_reset_own",
    "sla_through_ticket",
)
READ_ONLY_ATTEMPTS = (
    "sla_write",
    "sla_create",
    "sla_unlink",
    "sla_write_own",
    "sla_refresh_own",
)


add_attempts(
    TestDeadlineAndFollowerAttempts, OTHER_STORE_ROLES, SLA_ATTEMPTS + OWN_LINE_ATTEMPTS
)
add_attempts(TestDeadlineAndFollowerAttempts, READ_ONLY_ROLES, READ_ONLY_ATTEMPTS)
