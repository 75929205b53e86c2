from odoo import models
from odoo.exceptions import AccessError

from .record_access import is_cs_staff


class HelpdeskTicket(models.Model):
    """Ratings come from the customer, through the rating e-mail's link or
    the portal: Customer Service staff never give one, neither over RPC nor
    through the routes that post as superuser once the user may write the
    ticket (the chatter's /mail/message/post, the /rate/ pages)."""

    _inherit = "helpdesk.ticket"

    def rating_apply(self, rate, token=None, rating=None, feedback=None, subtype_xmlid=None, notify_delay_send=False):
        self._cs_check_rating_by_customer()
        return super().rating_apply(
            rate,
            token=token,
            rating=rating,
            feedback=feedback,
            subtype_xmlid=subtype_xmlid,
            notify_delay_send=notify_delay_send,
        )

    def rating_send_request(self, template, lang=False, force_send=True):
        """The rating request of our Closed stage goes out in the customer's
        language: helpdesk_mgmt_rating passes it as ``lang``, but its template
        has none and the composer renders it in the closing user's language
        (it reads the template again, without the language's context)."""
        tickets = self.with_context(lang=lang) if lang else self
        return super(HelpdeskTicket, tickets).rating_send_request(template, lang=lang, force_send=force_send)

    def message_post(self, **kwargs):
        if kwargs.get("rating_value") or kwargs.get("rating_id"):
            self._cs_check_rating_by_customer()
        return super().message_post(**kwargs)

    def _cs_check_rating_by_customer(self):
        if is_cs_staff(self.env):
            raise AccessError(
                self.env._(
                    "Ratings come from the customer: Customer Service staff cannot rate a ticket."
                )
            )
