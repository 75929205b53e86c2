"""DESK-1: the canned responses shipped for the service desk, who may
change them, and the phrase rules they pass."""

from odoo.exceptions import AccessError, ValidationError
from odoo.tools import mute_logger

from ..models.cs_phrase_rule import normalize
from .common import CsTicketCase

KINDS = ("greeting", "apology", "promise", "solution", "followup", "closing")
LANGS = ("zh_tw", "zh_cn", "en")


class TestCannedResponses(CsTicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shipped = cls.env["mail.canned.response"].browse(
            [
                cls.env.ref(f"cs_management.canned_{kind}_{lang}").id
                for kind in KINDS
                for lang in LANGS
            ]
        )

    def test_shipped_one_per_kind_and_language_shared_with_the_service(self):
        self.assertEqual(len(self.shipped), 18)
        self.assertEqual(len(set(self.shipped.mapped("source"))), 18)
        agent_group = self.env.ref("cs_management.group_cs_agent")
        for response in self.shipped:
            self.assertEqual(response.group_ids, agent_group, response.source)
            self.assertTrue(response.substitution.strip())

    def test_shipped_pass_the_blocking_phrase_rules(self):
        rules = self.env["cs.phrase.rule"].search([("action", "=", "block")])
        self.assertTrue(rules, "the suite ships blocking rules")
        for response in self.shipped:
            text = normalize(response.substitution)
            for rule in rules:
                self.assertFalse(
                    rule._breach(text), f"{response.source} breaks {rule.name}"
                )

    def test_a_reply_made_of_greeting_and_closing_passes_every_rule(self):
        """Greeting and closing are checked on the whole reply: a reply made
        of the shipped greeting, solution and closing is sent without a
        violation."""
        ticket = self._new_ticket("consultation")
        text = " ".join(
            self.env.ref(f"cs_management.canned_{kind}_zh_tw").substitution
            for kind in ("greeting", "solution", "closing")
        )
        body = f"<p>{text}</p>"
        ticket.with_user(self.agent_a.user_id).message_post(
            body=body, message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertFalse(ticket.cs_phrase_violation_ids)

    def test_agents_read_the_shared_ones_and_keep_their_own(self):
        Canned = self.env["mail.canned.response"].with_user(self.agent_a.user_id)
        self.assertEqual(Canned.search([("id", "in", self.shipped.ids)]), self.shipped)
        own = Canned.create({"source": "my_hello", "substitution": "您好，我是小美。"})
        own.substitution = "您好，我是小美，很高興為您服務。"
        self.assertFalse(own.is_shared)
        # the agent's own stay its own
        self.assertFalse(
            self.env["mail.canned.response"]
            .with_user(self.agent_b.user_id)
            .search([("id", "=", own.id)])
        )

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_only_cs_managers_change_the_shared_ones(self):
        greeting = self.env.ref("cs_management.canned_greeting_en")
        before = greeting.substitution
        for employee in (self.agent_a, self.supervisor_a, self.store_manager_a):
            with self.subTest(user=employee.name):
                with self.assertRaises(AccessError):
                    greeting.with_user(employee.user_id).substitution = "Hello there."
                with self.assertRaises(AccessError):
                    greeting.with_user(employee.user_id).unlink()
        self.assertEqual(greeting.substitution, before)
        greeting.with_user(
            self.cs_manager.user_id
        ).substitution = "Hello, welcome to our beauty care desk."
        self.assertEqual(
            greeting.substitution, "Hello, welcome to our beauty care desk."
        )

    def test_agents_may_not_share_with_the_service(self):
        agent_group = self.env.ref("cs_management.group_cs_agent")
        Canned = self.env["mail.canned.response"].with_user(self.agent_a.user_id)
        count = Canned.sudo().search_count([])
        with self.assertRaises(ValidationError):
            Canned.create(
                {
                    "source": "shared",
                    "substitution": "您好",
                    "group_ids": [(6, 0, agent_group.ids)],
                }
            )
        own = Canned.create({"source": "mine", "substitution": "您好"})
        with self.assertRaises(ValidationError):
            own.group_ids = agent_group
        self.assertFalse(own.group_ids)
        self.assertEqual(Canned.sudo().search_count([]), count + 1)
        manager = self.env["mail.canned.response"].with_user(self.cs_manager.user_id)
        shared = manager.create(
            {
                "source": "shared",
                "substitution": "您好",
                "group_ids": [(6, 0, agent_group.ids)],
            }
        )
        self.assertTrue(shared.is_shared)

    def test_bad_input_refused(self):
        Canned = self.env["mail.canned.response"].with_user(self.agent_a.user_id)
        count = Canned.sudo().search_count([])
        for values in (
            {"source": "empty", "substitution": "   "},
            {"source": " ", "substitution": "您好"},
            {"source": "rude", "substitution": "這個問題我不會處理"},
        ):
            with self.subTest(values=values), self.assertRaises(ValidationError):
                Canned.create(values)
        self.assertEqual(Canned.sudo().search_count([]), count)
