"""The agent's desk refusals over real XML-RPC (DESK-1, DESK-3, DESK-4):
each is refused with a clear message and writes nothing."""

import xmlrpc.client

from odoo import Command
from odoo.tests import get_db_name
from odoo.tools import mute_logger

from odoo.addons.cs_management.tests.common import CsTicketCase

from ..common import SuiteHttpCase


class TestDeskRefusalsOverXmlRpc(SuiteHttpCase, CsTicketCase):
    def _rpc(self, employee, model, method, *args, **kwargs):
        user = employee.user_id
        return self.xmlrpc_object.execute_kw(
            get_db_name(), user.id, user.login, model, method, list(args), kwargs
        )

    def _refused(self, pattern, employee, model, method, *args, **kwargs):
        with self.assertRaises(xmlrpc.client.Fault) as refusal:
            self._rpc(employee, model, method, *args, **kwargs)
        self.assertRegex(refusal.exception.faultString, pattern)

    @mute_logger("odoo.http")
    def test_canned_responses(self):
        greeting = self.env.ref("cs_management.canned_greeting_en")
        text = greeting.substitution
        Canned = self.env["mail.canned.response"]
        count = Canned.search_count([])
        self._refused(
            "doesn't have 'write' access",
            self.agent_a,
            "mail.canned.response",
            "write",
            greeting.ids,
            {"substitution": "Hi."},
        )
        agents = self.env.ref("cs_management.group_cs_agent")
        for values, pattern in (
            (
                {
                    "source": "x",
                    "substitution": "您好",
                    "group_ids": [(6, 0, agents.ids)],
                },
                "Only a Customer Service manager",
            ),
            ({"source": "x", "substitution": "  "}, "needs a shortcut and a text"),
            ({"source": "x", "substitution": "這個問題我不會處理"}, "forbidden phrase"),
        ):
            self._refused(
                pattern, self.agent_a, "mail.canned.response", "create", values
            )
        greeting.invalidate_recordset()
        self.assertEqual(greeting.substitution, text)
        self.assertEqual(Canned.search_count([]), count)

    @mute_logger("odoo.http")
    def test_cap_below_one(self):
        self._refused(
            "at least 1",
            self.cs_manager,
            "helpdesk.ticket.team",
            "write",
            self.team_a.ids,
            {"cs_assign_cap": 0, "cs_assign_method": "least_open"},
        )
        self.team_a.invalidate_recordset()
        self.assertEqual(
            (self.team_a.cs_assign_cap, self.team_a.cs_assign_method), (20, "manual")
        )

    @mute_logger("odoo.http")
    def test_escalation(self):
        ticket = self.ticket_a
        messages = len(ticket.message_ids)
        wizard = self._rpc(
            self.agent_a,
            "cs.ticket.escalate.wizard",
            "create",
            {"ticket_id": ticket.id, "reason": " "},
        )
        self._refused(
            "Say why",
            self.agent_a,
            "cs.ticket.escalate.wizard",
            "action_confirm",
            [wizard],
        )
        self._refused(
            "Private methods",
            self.agent_a,
            "helpdesk.ticket",
            "_cs_escalate",
            ticket.ids,
            "why",
        )
        ticket.invalidate_recordset()
        self.assertEqual(ticket.cs_escalation_count, 0)
        self.assertFalse(ticket.activity_ids)
        self.assertEqual(len(ticket.message_ids), messages)

    @mute_logger("odoo.http")
    def test_merge_across_companies(self):
        manager = self.cs_manager.user_id
        manager.company_ids = [Command.link(self.other_company.id)]
        tickets = self.ticket_a | self.ticket_c
        wizard = self._rpc(
            self.cs_manager,
            "helpdesk.ticket.merge",
            "create",
            {"ticket_ids": [(6, 0, tickets.ids)], "dst_ticket_id": self.ticket_a.id},
            context={"active_ids": tickets.ids},
        )
        self._refused(
            "different companies",
            self.cs_manager,
            "helpdesk.ticket.merge",
            "merge_tickets",
            [wizard],
            context={"active_ids": tickets.ids},
        )
        self.assertTrue(self.ticket_c.active)
