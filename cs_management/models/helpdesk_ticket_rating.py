from markupsafe import Markup

from odoo import models
from odoo.exceptions import AccessError
from odoo.osv import expression

from .record_access import is_cs_staff


class HelpdeskTicket(models.Model):
    """Ratings come from the customer, through the rating e-mail's link or
    the portal: Customer Service staff never give one, neither over RPC nor
    through the routes that post as superuser once the user may write the
    ticket (the chatter's /mail/message/post, the /rate/ pages)."""

    _inherit = "helpdesk.ticket"

    def rating_apply(
        self,
        rate,
        token=None,
        rating=None,
        feedback=None,
        subtype_xmlid=None,
        notify_delay_send=False,
    ):
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
        res = super(HelpdeskTicket, tickets).rating_send_request(
            template, lang=lang, force_send=force_send
        )
        self._cs_hide_rating_links()
        return res

    def _cs_hide_rating_links(self):
        """The request's copy in the chatter carries the customer's key to the
        rating page: anyone reading the ticket could rate it, logged out, in
        the customer's place. The e-mail is rendered by now (mail.mail keeps
        its own body), so the copy keeps one line instead of the links."""
        tokens = (
            self.sudo()
            .rating_ids.filtered(lambda rating: not rating.consumed)
            .mapped("access_token")
        )
        if not tokens:
            return
        messages = (
            self.env["mail.message"]
            .sudo()
            .search(
                expression.AND(
                    [
                        [("model", "=", self._name), ("res_id", "in", self.ids)],
                        expression.OR([[("body", "ilike", token)] for token in tokens]),
                    ]
                )
            )
        )
        messages.write(
            {
                "body": Markup("<p>%s</p>")
                % self.env._("Rating request sent to the customer by e-mail.")
            }
        )

    def message_post(self, **kwargs):
        if kwargs.get("rating_value") or kwargs.get("rating_id"):
            self._cs_check_rating_by_customer()
        return super().message_post(**kwargs)

    def _cs_check_rating_by_customer(self):
        if is_cs_staff(self.env):
            raise AccessError(
                self.env._(
                    "Ratings come from the customer: Customer Service staff cannot "
                    "rate a ticket."
                )
            )
