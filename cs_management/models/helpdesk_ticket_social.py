from markupsafe import Markup

from odoo import fields, models


class HelpdeskTicket(models.Model):
    """Tickets from social platforms (INT-3): the platform's messages on the
    ticket, and the agents' replies queued for the platform's connector."""

    _inherit = "helpdesk.ticket"

    cs_social_message_ids = fields.One2many(
        "cs.social.message", "ticket_id", string="Social-media Messages"
    )

    def _cs_social_post(self, values):
        """A further message of the conversation, from the customer."""
        self.ensure_one()
        self.message_post(
            body=Markup("<p>%s</p>") % values["text"],
            author_id=self.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self._cs_customer_wrote_again()

    def message_post(self, **kwargs):
        customer_reply = self._cs_is_customer_reply(kwargs)
        message = super().message_post(**kwargs)
        if customer_reply and self.channel_id.id in self._cs_social_channel_ids():
            self.env["cs.social.message"].sudo()._cs_queue_reply(self, message)
        return message

    def _cs_social_channel_ids(self):
        # the ids are cached: no query on the reply path
        IrModelData = self.env["ir.model.data"]
        return {
            IrModelData._xmlid_to_res_id(f"cs_management.channel_social_{kind}")
            for kind in ("comment", "message")
        }
