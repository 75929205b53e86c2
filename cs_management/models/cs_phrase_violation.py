from odoo import api, fields, models


class CsPhraseViolation(models.Model):
    """A reply that broke a flagging phrase rule, counted against its
    author's quality (STD-1)."""

    _name = "cs.phrase.violation"
    _description = "Phrase Rule Violation"
    _order = "date desc, id desc"
    _rec_name = "rule_id"

    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    rule_id = fields.Many2one("cs.phrase.rule", required=True, ondelete="cascade", index=True)
    rule_type = fields.Selection(related="rule_id.rule_type", store=True)
    phrase = fields.Char(required=True)
    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade", index=True)
    message_id = fields.Many2one("mail.message", ondelete="set null")
    user_id = fields.Many2one("res.users", string="Author", required=True, index=True)
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
