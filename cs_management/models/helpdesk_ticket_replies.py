from odoo import _, fields, models
from odoo.exceptions import UserError


class HelpdeskTicket(models.Model):
    """What the customer is told and when: the promise and the
    acknowledgement, the solution, and the service standards every reply
    written to the customer is checked against."""

    _inherit = "helpdesk.ticket"

    def _cs_update_promise(self):
        for ticket in self.filtered(lambda t: not t.cs_acknowledged):
            promised = ticket.ticket_sla_ids.filtered(
                lambda line: line.sla_id.cs_promised
            )
            ticket.sudo().cs_promised_date = min(
                promised.mapped("deadline"), default=False
            )

    def _cs_acknowledge(self):
        """Tell the customer we have the request and when we will reply;
        complaints get an apology. Simple consultations need no promise;
        auto-replies, bounces and list mail get no answer (no mail loops)."""
        if self._track_template_skip_autoreply():
            return
        tickets = self.filtered(
            lambda t: (
                not t.cs_acknowledged
                and t.cs_kind != "consultation"
                and t.cs_promised_date
                and (t.partner_id.email or t.partner_email)
            )
        ).filtered(lambda t: t._cs_can_write_to_customer())
        if not tickets:
            return
        # one composer renders the template for all the tickets at once; the
        # mail goes through the queue, whose cron is woken now, so that saving
        # a ticket never waits on the mail server
        composer = (
            self.env["mail.compose.message"]
            .with_context(
                cs_system_message=True,
                cs_acknowledgement=True,
                mail_notify_force_send=False,
                default_composition_mode="comment",
                default_model=self._name,
                default_res_ids=tickets.ids,
                default_template_id=self.env.ref(
                    "cs_management.mail_template_ticket_acknowledgement"
                ).id,
            )
            .create(
                {
                    "message_type": "comment",
                    "subtype_id": self.env.ref("mail.mt_comment").id,
                }
            )
        )
        composer._action_send_mail()
        self.env.ref("mail.ir_cron_mail_scheduler_action")._trigger()
        tickets.sudo().cs_acknowledged = True

    def _cs_can_write_to_customer(self):
        """Automatic messages go out in the company's name: without its
        e-mail address they cannot, and the ticket says so instead of
        failing."""
        if self.company_id.email:
            return True
        self.message_post(
            body=_(
                "The customer was not written to: set the e-mail address of "
                "%(company)s to send acknowledgements and progress messages.",
                company=self.company_id.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return False

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_cs_tell_result(self):
        """Send the solution to the customer; the feedback step needs it."""
        # it dates the result as the process (sudo): only who may change
        # the ticket may say it was told
        self.check_access("write")
        for ticket in self:
            if not ticket.cs_solution or ticket.cs_solution == "<p><br></p>":
                raise UserError(
                    _(
                        "Write the solution of %(ticket)s before telling the customer.",
                        ticket=ticket.display_name,
                    )
                )
            ticket.message_post(
                body=ticket.cs_solution,
                partner_ids=ticket.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
                message_type="comment",
            )
            ticket.sudo().cs_result_told_date = fields.Datetime.now()
        return True

    def action_cs_answer_and_close(self):
        """A simple consultation: answer it and close it in one step."""
        for ticket in self:
            if ticket.cs_kind != "consultation":
                raise UserError(
                    _("Only a consultation can be answered and closed at once.")
                )
            closing = ticket.team_id._get_applicable_stages().filtered(
                lambda s: s.cs_step == "closed"
            )[:1]
            if not closing:
                raise UserError(
                    _("No stage is set up as the Closed step of the process.")
                )
            ticket.action_cs_tell_result()
            ticket.stage_id = closing
        return True

    def action_cs_not_satisfied(self):
        """The customer rejects the solution: back to solution, loop counted."""
        for ticket in self:
            if ticket.stage_id.cs_step != "feedback":
                raise UserError(
                    _(
                        "Only a ticket waiting for the customer's feedback can go "
                        "back to solution."
                    )
                )
            solution = ticket.team_id._get_applicable_stages().filtered(
                lambda s: s.cs_step == "solution"
            )[:1]
            ticket.message_post(
                body=_(
                    "The customer is not satisfied with the solution: back to solution."
                ),
                subtype_xmlid="mail.mt_note",
            )
            ticket.sudo().cs_result_told_date = False
            ticket.write({"stage_id": solution.id, "cs_satisfaction": False})
        return True

    # ------------------------------------------------------------------
    # Messages to the customer follow the service standards
    # ------------------------------------------------------------------
    def message_post(self, **kwargs):
        customer_reply = self._cs_is_customer_reply(kwargs)
        if customer_reply:
            violations = self.env["cs.phrase.rule"]._check_reply(
                self, kwargs.get("body") or ""
            )
        else:
            violations = []
        message = super().message_post(**kwargs)
        if customer_reply:
            self._cs_record_first_response(message.date)
        if violations:
            self.env["cs.phrase.violation"]._record(self, message, violations)
        return message

    def _cs_is_customer_reply(self, post_kwargs):
        """A reply written by staff to the customer, not a note or a
        message the system composes from a template."""
        if (
            self.env.context.get("cs_system_message")
            or len(self) != 1
            or not self.cs_process
        ):
            return False
        if post_kwargs.get("message_type", "notification") != "comment":
            return False
        subtype = post_kwargs.get("subtype_xmlid") or "mail.mt_note"
        return subtype == "mail.mt_comment" and self.env.user._is_internal()
