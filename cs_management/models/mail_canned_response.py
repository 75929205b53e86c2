from odoo import _, api, models
from odoo.exceptions import ValidationError

from .cs_phrase_rule import normalize


class MailCannedResponse(models.Model):
    """Canned responses of the service desk (DESK-1): the ones shared with
    the service roles are the CS managers' to maintain; none may say what
    the phrase rules forbid. Greetings and closings are checked on the whole
    reply, not on a snippet."""

    _inherit = "mail.canned.response"

    @api.constrains("source", "substitution")
    def _check_cs_not_empty(self):
        for response in self:
            if (
                not (response.source or "").strip()
                or not (response.substitution or "").strip()
            ):
                raise ValidationError(
                    _("A canned response needs a shortcut and a text.")
                )

    @api.constrains("group_ids")
    def _check_cs_shared_by_manager(self):
        if self.env.su or self.env.user.has_group("cs_management.group_cs_manager"):
            return
        if self._cs_shared_with_service():
            raise ValidationError(
                _(
                    "Only a Customer Service manager shares canned responses with the "
                    "service roles."
                )
            )

    @api.constrains("substitution")
    def _check_cs_phrase_rules(self):
        rules = self.env["cs.phrase.rule"].search(
            [
                ("rule_type", "=", "forbidden"),
                ("action", "=", "block"),
                ("company_id", "in", [*self.env.companies.ids, False]),
            ]
        )
        for response in self:
            text = normalize(response.substitution)
            for rule in rules:
                if phrase := rule._breach(text):
                    raise ValidationError(rule._refusal(phrase))

    def _cs_shared_with_service(self):
        category = self.env.ref("cs_management.module_category_customer_service")
        return self.filtered(
            lambda response: category in response.sudo().group_ids.category_id
        )
