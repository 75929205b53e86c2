"""DESK-2: knowledge-base articles on OCA's document pages, suggested on
the ticket (Chinese included), used in one click, versioned."""

from ast import literal_eval

from odoo import Command
from odoo.exceptions import AccessError, ValidationError

from ..models.document_page import terms
from .common import CsTicketCase


class TestKnowledge(CsTicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # independent of the demo's articles
        cls.env["document.page"].search([("cs_service", "=", True)]).active = False
        cls.cream = cls.env["product.product"].create({"name": "Night cream"})
        Page = cls.env["document.page"].with_user(cls.cs_manager.user_id)
        cls.expiry = Page.create(
            {
                "name": "面霜開封後保存期限多久？",
                "content": "<p>您好，開封後請於 12 個月內使用完畢。謝謝</p>",
                "cs_service": True,
                "cs_published": True,
                "cs_category_ids": [Command.set(cls.kinds["consultation"].ids)],
                "cs_product_ids": [Command.set(cls.cream.ids)],
            }
        )
        cls.refund = Page.create(
            {
                "name": "How do I return a product?",
                "content": "<p>Hello, bring it to a store within 7 days. Thanks</p>",
                "cs_service": True,
            }
        )

    def test_terms_of_chinese_text(self):
        found = terms("面霜過敏")
        self.assertIn("面霜", found)
        self.assertIn("過敏", found)
        self.assertIn("霜", found, "one character still matches, weakly")
        self.assertEqual(terms("UV cream")["uv"], 1.0)

    def test_suggested_by_words_kind_and_product(self):
        ticket = self._new_ticket(
            "consultation", name="請問面霜可以放多久", description="<p>開封了</p>"
        )
        self.assertEqual(ticket.cs_suggested_article_ids[:1], self.expiry)
        ticket = self._new_ticket("complaint", name="I want to return my order")
        self.assertEqual(ticket.cs_suggested_article_ids[:1], self.refund)
        by_product = self._new_ticket(
            "complaint", name="Question", cs_product_id=self.cream.id
        )
        self.assertEqual(by_product.cs_suggested_article_ids, self.expiry)

    def test_answered_from_an_article_in_two_clicks(self):
        ticket = self._new_ticket("consultation", name="面霜保存期限")
        agent = self.agent_a.user_id
        article = self.expiry.with_user(agent).with_context(cs_ticket_id=ticket.id)
        article.action_cs_use_on_ticket()
        self.assertEqual(ticket.cs_article_id, self.expiry)
        self.assertIn("12 個月", ticket.cs_solution)
        ticket.with_user(agent).action_cs_answer_and_close()
        self.assertEqual(ticket.stage_id, self.stage["closed"])
        self.assertEqual(self.expiry.cs_use_count, 1)

    def test_versions_owner_and_rights(self):
        self.expiry.with_user(
            self.cs_manager.user_id
        ).content = "<p>您好，請於 6 個月內用完。謝謝</p>"
        self.assertEqual(len(self.expiry.history_ids), 2)
        self.assertEqual(self.expiry.cs_owner_id, self.cs_manager.user_id)
        with self.assertRaises(AccessError):
            self.expiry.with_user(self.agent_a.user_id).content = "<p>隨便</p>"

    def test_an_article_without_an_answer_refused(self):
        Page = self.env["document.page"].with_user(self.cs_manager.user_id)
        count = Page.search_count([])
        with self.assertRaises(ValidationError):
            Page.create({"name": "Empty", "cs_service": True, "content": "<p><br></p>"})
        self.assertEqual(Page.search_count([]), count)

    def test_frequently_asked_report(self):
        answered = self._new_ticket("consultation", name="面霜保存期限")
        self.expiry.with_context(cs_ticket_id=answered.id).action_cs_use_on_ticket()
        self._new_ticket("consultation", name="口紅色號")
        Ticket = self.env["helpdesk.ticket"].with_user(self.supervisor_a.user_id)
        without = self.env.ref("cs_management.action_cs_questions_without_article")
        groups = dict(
            Ticket._read_group(
                literal_eval(without.domain) + [("cs_kind", "=", "consultation")],
                ["create_date:month"],
                ["__count"],
            )
        )
        self.assertEqual(sum(groups.values()), 1)
        used = self.env.ref("cs_management.action_cs_article_use")
        by_article = dict(
            Ticket._read_group(
                literal_eval(used.domain), ["cs_article_id"], ["__count"]
            )
        )
        self.assertEqual(by_article, {self.expiry: 1})

    def test_suggestions_cost_the_same_for_any_number_of_articles(self):
        ticket = self._new_ticket("consultation", name="面霜保存期限")
        Page = self.env["document.page"]
        queries = []
        for count in (1, 1, 10):
            Page.create(
                [
                    {
                        "name": f"面霜問題 {n}",
                        "content": "<p>您好，答案。謝謝</p>",
                        "cs_service": True,
                        "tag_ids": [Command.create({"name": f"tag {count} {n}"})],
                    }
                    for n in range(count)
                ]
            )
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            ticket.with_user(self.agent_a.user_id).cs_suggested_article_ids  # noqa: B018
            queries.append(self.env.cr.sql_log_count - start)
        self.assertEqual(queries[1], queries[2])
