import re

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)


def terms(text):
    """The terms of ``text`` for matching, with their weights: Latin words
    whatever their length, and Chinese, which has no spaces, as character
    bigrams, each character also counting a little on its own (so that a
    one- or two-character term still matches)."""
    weights = {}
    for word in _WORD.findall((text or "").casefold()):
        if not _CJK.search(word):
            weights[word] = 1.0
            continue
        chars = [char for char in word if _CJK.match(char)]
        for char in chars:
            weights.setdefault(char, 0.2)
        for first, second in zip(chars, chars[1:], strict=False):
            weights[first + second] = 1.0
    return weights


class DocumentPage(models.Model):
    """Knowledge-base articles of the service desk (DESK-2) on OCA's
    document pages, which keep every version of the content: the page's
    title is the customer's question, its content the answer."""

    _inherit = "document.page"
    _check_company_auto = True

    cs_service = fields.Boolean(
        string="Service Article",
        help="A question and its answer for the service desk: suggested on "
        "tickets and, once published, shown to customers.",
    )
    cs_published = fields.Boolean(
        string="Published to Customers",
        help="Shown on the portal's FAQ page; otherwise for staff only.",
    )
    cs_owner_id = fields.Many2one(
        "res.users",
        string="Owner",
        default=lambda self: self.env.user,
        help="Who keeps the answer true.",
    )
    cs_lang = fields.Selection(
        selection="_cs_lang_selection",
        string="Language",
        default=lambda self: self.env.lang,
    )
    cs_category_ids = fields.Many2many(
        "helpdesk.ticket.category", string="Kinds of Request"
    )
    cs_product_ids = fields.Many2many("product.product", string="Products")
    cs_ticket_ids = fields.One2many(
        "helpdesk.ticket", "cs_article_id", string="Answered Tickets"
    )
    cs_use_count = fields.Integer(string="Used", compute="_compute_cs_use_count")

    @api.model
    def _cs_lang_selection(self):
        return self.env["res.lang"].get_installed()

    def _compute_cs_use_count(self):
        counts = dict(
            self.env["helpdesk.ticket"]
            .sudo()
            ._read_group(
                [("cs_article_id", "in", self.ids)], ["cs_article_id"], ["__count"]
            )
        )
        for page in self:
            page.cs_use_count = counts.get(page, 0)

    @api.model_create_multi
    def create(self, vals_list):
        pages = super().create(vals_list)
        pages._check_cs_answer()
        return pages

    def write(self, vals):
        res = super().write(vals)
        if {"cs_service", "content"} & vals.keys():
            self._check_cs_answer()
        return res

    # not a constraint: the answer is written to its version after the save
    def _check_cs_answer(self):
        for page in self.filtered("cs_service"):
            if not html2plaintext(page.content or "").strip():
                raise ValidationError(
                    _("The article %(question)s needs an answer.", question=page.name)
                )

    def _cs_answer(self):
        """The answer as it goes into a reply: the current version."""
        self.ensure_one()
        return self.content

    def action_cs_use_on_ticket(self):
        """The article answers the ticket in the context: its answer goes
        into the ticket's solution and the ticket records the article."""
        self.ensure_one()
        ticket = self.env["helpdesk.ticket"].browse(
            self.env.context.get("cs_ticket_id")
        )
        if not ticket.exists() or not self.cs_service:
            raise UserError(_("Open the ticket this article answers."))
        # the answer is the agent's to send; which article answered feeds the
        # "Articles by Use" report, so only this action records it
        ticket.write({"cs_solution": self._cs_answer()})
        ticket.sudo().cs_article_id = self
        return True
