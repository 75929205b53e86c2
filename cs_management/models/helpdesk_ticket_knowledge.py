from odoo import api, fields, models
from odoo.tools import html2plaintext

from .document_page import terms

SUGGESTIONS = 5
KIND_WEIGHT = 2.0
PRODUCT_WEIGHT = 3.0


class HelpdeskTicket(models.Model):
    """Articles of the knowledge base suggested on the ticket, from its
    kind, its product and the words of the request (DESK-2)."""

    _inherit = "helpdesk.ticket"

    cs_article_id = fields.Many2one(
        "document.page",
        string="Answered From Article",
        index="btree_not_null",
        tracking=True,
        domain=[("cs_service", "=", True)],
    )
    cs_suggested_article_ids = fields.Many2many(
        "document.page",
        string="Suggested Articles",
        compute="_compute_cs_suggested_article_ids",
    )

    @api.depends("name", "description", "category_id", "cs_product_id")
    def _compute_cs_suggested_article_ids(self):
        # a handful of queries whatever the number of articles
        articles = self.env["document.page"].search_fetch(
            [
                ("cs_service", "=", True),
                ("company_id", "in", [*self.company_id.ids, False]),
            ],
            ["name", "tag_ids", "cs_category_ids", "cs_product_ids"],
        )
        indexed = [
            (article, terms(" ".join([article.name, *article.tag_ids.mapped("name")])))
            for article in articles
        ]
        for ticket in self:
            ticket.cs_suggested_article_ids = ticket._cs_rank_articles(indexed)

    def _cs_rank_articles(self, indexed):
        wanted = terms(f"{self.name or ''} {self._cs_description_text()}")
        scores = []
        for article, article_terms in indexed:
            score = sum(
                min(weight, article_terms[term])
                for term, weight in wanted.items()
                if term in article_terms
            )
            if self.category_id in article.cs_category_ids:
                score += KIND_WEIGHT
            if self.cs_product_id and self.cs_product_id in article.cs_product_ids:
                score += PRODUCT_WEIGHT
            if score:
                scores.append((score, article))
        scores.sort(key=lambda pair: (-pair[0], pair[1].id))
        return self.env["document.page"].union(*(a for _s, a in scores[:SUGGESTIONS]))

    def _cs_description_text(self):
        return html2plaintext(self.description or "")
