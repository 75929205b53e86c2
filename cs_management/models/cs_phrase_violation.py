from odoo import api, fields, models


class CsPhraseViolation(models.Model):
    """A reply that broke a flagging phrase rule, counted against its
    author's quality (STD-1)."""

    _name = "cs.phrase.violation"
    _description = "Phrase Rule Violation"
    _order = "date desc, id desc"
    _rec_name = "rule_id"
    _check_company_auto = True

    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    rule_id = fields.Many2one(
        "cs.phrase.rule",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    rule_type = fields.Selection(related="rule_id.rule_type", store=True)
    phrase = fields.Char(required=True)
    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True
    )
    message_id = fields.Many2one("mail.message", ondelete="set null")
    user_id = fields.Many2one(
        "res.users", string="Author", required=True, index=True, check_company=True
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)

    @api.model
    def _record(self, ticket, message, broken):
        self.sudo().create(
            [
                {
                    "rule_id": rule.id,
                    "phrase": phrase,
                    "ticket_id": ticket.id,
                    "message_id": message.id,
                    "user_id": self.env.user.id,
                }
                for rule, phrase in broken
            ]
        )

    def write(self, vals):
        res = super().write(vals)
        if "ticket_id" in vals and not self.env.su:
            # the violation's company is its ticket's; the rules were checked
            # before the change: check them again where it lands
            self.check_access("write")
        return res
