from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

TICKET_COMMAND = "/ticket"


class DiscussChannel(models.Model):
    """A live chat conversation becomes a service ticket (CMP-1, 004): its
    transcript, channel Online Chat, the live chat channel's team, and the
    chat's start as the time the customer wrote."""

    _name = "discuss.channel"
    _inherit = ["discuss.channel", "cs.recorded.fields"]
    # the link is made by "Create Ticket" only: a hand-made one would move
    # another ticket's first response
    _cs_recorded_fields = ("cs_ticket_id",)

    cs_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Ticket",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cs_check_recorded_fields(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._cs_check_recorded_fields(vals)
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def execute_command_cs_ticket(self, **kwargs):
        """``/ticket title`` typed by the operator in the chat."""
        title = (kwargs.get("body") or "").strip()[len(TICKET_COMMAND) :].strip()
        ticket = self._cs_create_ticket(html2plaintext(title).strip())
        self.env.user._bus_send_transient_message(
            self, _("Created the service ticket %s.", ticket._get_html_link())
        )
        return True

    def _cs_create_ticket(self, title=None):
        """The operator's ticket of this conversation, made with the
        operator's own rights; the chat's operator replies so far are its
        first response."""
        self.ensure_one()
        self._cs_check_can_make_ticket()
        ticket = self.env["helpdesk.ticket"].create(self._cs_ticket_values(title))
        first_answer = self._cs_operator_messages()[:1]
        if first_answer:
            ticket._cs_record_first_response(first_answer.date)
        # sudo: the link is recorded by this action only (cs.recorded.fields)
        self.sudo().cs_ticket_id = ticket
        return ticket

    def action_cs_file_ticket(self):
        """The conversation form's "Create Ticket" button: the new ticket."""
        ticket = self._cs_create_ticket()
        return {
            "type": "ir.actions.act_window",
            "res_model": ticket._name,
            "res_id": ticket.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    # ------------------------------------------------------------------
    def _cs_check_can_make_ticket(self):
        if self.channel_type != "livechat":
            raise UserError(_("Only a live chat conversation can become a ticket."))
        if not self.is_member or not self.env.user._is_internal():
            raise UserError(
                _("Only an operator taking part in the conversation can file it.")
            )
        if self.cs_ticket_id:
            raise UserError(
                _(
                    "This conversation is already ticket %(ticket)s.",
                    ticket=self.cs_ticket_id.display_name,
                )
            )

    def _cs_ticket_values(self, title):
        team = (
            self.livechat_channel_id.cs_team_id
            or self.env.ref("cs_management.channel_chat").cs_team_id
        )
        if not team:
            raise UserError(
                _(
                    "Link the live chat channel %(channel)s to a service team "
                    "before filing its conversations.",
                    channel=self.livechat_channel_id.name or self.name,
                )
            )
        transcript = self._get_channel_history()
        customer = self._cs_customer()
        company = team.company_id or self.env.company
        name = (
            customer.name
            or self.channel_member_ids.guest_id[:1].name
            or self.anonymous_name
        )
        title = (
            title
            or self._cs_first_customer_words()
            or _("Live chat with %(name)s", name=name)
        )
        return {
            "name": title[:80],
            "description": transcript or Markup("<p>%s</p>") % title,
            "team_id": team.id,
            "company_id": company.id,
            "user_id": self.env.user.id,
            "partner_id": customer.id,
            "partner_name": name,
            "channel_id": self.env.ref("cs_management.channel_chat").id,
            "cs_received_at": self.create_date,
            "category_id": self.env["cs.kind.rule"]
            ._guess_category(title, transcript, company)
            .id,
        }

    def _cs_customer(self):
        """The customer's contact when logged in; a guest or the public user
        has none (as crm_livechat sees it)."""
        partners = (
            self.channel_member_ids.partner_id - self.livechat_operator_id
        ).filtered("partner_share")
        if partners.filtered("is_public"):
            return self.env["res.partner"]
        return partners[:1]

    def _cs_operator_messages(self):
        """What staff wrote to the customer in the chat, oldest first."""
        return self.message_ids.filtered(
            lambda message: (
                message.message_type == "comment"
                and message.author_id
                and not message.author_id.partner_share
            )
        ).sorted(lambda message: (message.date, message.id))

    def _cs_first_customer_words(self):
        first = (
            (self.message_ids - self._cs_operator_messages())
            .filtered(lambda message: message.message_type == "comment")
            .sorted("id")[:1]
        )
        lines = html2plaintext(first.body or "").strip().splitlines()
        return lines[0].strip() if lines else ""

    # ------------------------------------------------------------------
    # The chat goes on after the ticket was made
    # ------------------------------------------------------------------
    def message_post(self, **kwargs):
        message = super().message_post(**kwargs)
        # sudo: guests chat too, and the operator may chat without the right
        # to read the ticket; the first response is recorded by the process
        posted = message.sudo()
        ticket = self.sudo().cs_ticket_id
        if (
            ticket
            and posted.message_type == "comment"
            and posted.author_id
            and not posted.author_id.partner_share
        ):
            ticket._cs_record_first_response(posted.date)
        return message
