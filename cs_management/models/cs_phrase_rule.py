import re

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

# punctuation, spacing and case do not change what a phrase says
_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)
_CJK = re.compile(r"[\u3000-\u9fff\uf900-\ufaff]")


def normalize(text):
    return " " + _NOISE.sub(" ", (text or "").casefold()).strip() + " "


def contains(text, phrase):
    """Whether normalized ``text`` says normalized ``phrase``: as whole
    words for alphabetic languages, anywhere for Chinese (no spaces)."""
    if _CJK.search(phrase):
        return phrase.replace(" ", "") in text.replace(" ", "")
    return phrase in text


class CsPhraseRule(models.Model):
    """Service standards on replies to customers (STD-1, STD-2): phrases an
    agent must never write, and greetings and closings a reply must have.
    A blocking rule stops the reply; a flagging one lets it go and records
    a violation against its author."""

    _name = "cs.phrase.rule"
    _description = "Phrase Rule"
    _order = "sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    rule_type = fields.Selection(
        [
            ("forbidden", "Forbidden phrases"),
            ("greeting", "Required greeting"),
            ("closing", "Required closing"),
        ],
        string="Type",
        required=True,
        default="forbidden",
    )
    phrases = fields.Text(
        required=True,
        help="One phrase per line. Punctuation, spaces and letter case are "
        "ignored when comparing. A greeting or closing rule is met by any one "
        "of its phrases.",
    )
    action = fields.Selection(
        [("block", "Block the reply"), ("flag", "Send and record a violation")],
        required=True,
        default="block",
    )
    channel_ids = fields.Many2many(
        "helpdesk.ticket.channel",
        string="Channels",
        check_company=True,
        help="Channels the rule applies to; empty: every channel.",
    )
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    violation_count = fields.Integer(compute="_compute_violation_count")

    def _compute_violation_count(self):
        counts = dict(
            self.env["cs.phrase.violation"]._read_group(
                [("rule_id", "in", self.ids)], ["rule_id"], ["__count"]
            )
        )
        for rule in self:
            rule.violation_count = counts.get(rule, 0)

    def _phrase_list(self):
        return [
            line.strip()
            for line in (self.phrases or "").splitlines()
            if normalize(line).strip()
        ]

    def _breach(self, text):
        """The phrase breaking this rule in ``text`` (normalized), or None."""
        phrases = self._phrase_list()
        if self.rule_type == "forbidden":
            return next((p for p in phrases if contains(text, normalize(p))), None)
        if any(contains(text, normalize(p)) for p in phrases):
            return None
        return " / ".join(phrases)

    @api.model
    def _check_reply(self, ticket, body):
        """Check a reply to the customer of ``ticket``: raise on a blocking
        rule, return the (rule, phrase) pairs of flagging rules broken."""
        text = normalize(html2plaintext(body or ""))
        if not text.strip():
            return []
        rules = self.search(
            [
                ("company_id", "in", [ticket.company_id.id, False]),
                "|",
                ("channel_ids", "=", False),
                ("channel_ids", "in", ticket.channel_id.ids),
            ]
        )
        broken = [(rule, phrase) for rule in rules if (phrase := rule._breach(text))]
        blocking = [(rule, phrase) for rule, phrase in broken if rule.action == "block"]
        if blocking:
            raise UserError(
                "\n".join(rule._refusal(phrase) for rule, phrase in blocking)
            )
        return broken

    def _refusal(self, phrase):
        if self.rule_type == "forbidden":
            return _(
                "Reply not sent: “%(phrase)s” is a forbidden phrase (%(rule)s).",
                phrase=phrase,
                rule=self.name,
            )
        return _(
            "Reply not sent: it needs one of “%(phrases)s” (%(rule)s).",
            phrases=phrase,
            rule=self.name,
        )
