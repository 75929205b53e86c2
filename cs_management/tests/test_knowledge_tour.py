from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import CsTicketCase, CsTourMixin


@tagged("post_install", "-at_install")
class TestKnowledgeTour(CsTourMixin, HttpCase, CsTicketCase):
    """DESK-2 in the browser: a consultation answered from an article."""

    def test_an_agent_answers_a_consultation_in_two_clicks(self):
        self.env["document.page"].search([("cs_service", "=", True)]).active = False
        article = (
            self.env["document.page"]
            .with_user(self.cs_manager.user_id)
            .create(
                {
                    "name": "面霜開封後保存期限多久？",
                    "content": "<p>您好，開封後請於 12 個月內使用完畢。謝謝</p>",
                    "cs_service": True,
                    "cs_category_ids": [Command.set(self.kinds["consultation"].ids)],
                }
            )
        )
        ticket = self._new_ticket("consultation", name="面霜保存期限")
        self._start_tour_as(
            self.agent_a.user_id,
            f"/odoo/cs-tickets/{ticket.id}",
            "cs_answer_from_an_article",
            {"article": article.name, "closed": self.stage["closed"].id},
        )
        self.assertEqual(ticket.cs_article_id, article)
        self.assertEqual(ticket.stage_id, self.stage["closed"])
        self.assertIn("12 個月", ticket.cs_solution)
