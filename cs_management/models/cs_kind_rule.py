import re

from odoo import api, fields, models
from odoo.tools import html2plaintext

KEYWORD_SEPARATORS = re.compile(r"[,，、;；\n]+")


class CsKindRule(models.Model):
    """A keyword rule guessing the kind of a request that arrives without
    one (e-mail, web form, social media): the first rule, in sequence
    order, one of whose keywords appears in the subject or the text gives
    the ticket its category. No rule matching leaves the kind empty: the
    ticket is to be classified, and Verification asks for the kind."""

    _name = "cs.kind.rule"
    _description = "Kind Keyword Rule"
    _order = "sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    keywords = fields.Char(
        required=True,
        help="Words or phrases separated by commas; any one of them found in "
        "the subject or the text of a request (upper or lower case alike) "
        "makes the rule match.",
    )
    category_id = fields.Many2one(
        "helpdesk.ticket.category",
        required=True,
        ondelete="cascade",
        check_company=True,
    )
    cs_kind = fields.Selection(related="category_id.cs_kind", string="Kind")
    # the category's company: a shared category makes a rule of every company
    company_id = fields.Many2one(
        related="category_id.company_id", store=True, index=True
    )

    def _keyword_list(self):
        self.ensure_one()
        return [
            word.strip().casefold()
            for word in KEYWORD_SEPARATORS.split(self.keywords or "")
            if word.strip()
        ]

    @api.model
    def _guess_category(self, subject, body, company):
        """The category of the first rule matching ``subject`` or ``body``
        (HTML), among the rules of ``company`` and of every company."""
        text = f"{subject or ''}\n{html2plaintext(body or '')}".casefold()
        rules = self.search([("company_id", "in", [False, company.id])])
        for rule in rules:
            if any(word in text for word in rule._keyword_list()):
                return rule.category_id
        return self.env["helpdesk.ticket.category"]
