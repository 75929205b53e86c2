import logging

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)


class HelpdeskTicket(models.Model):
    """Nothing left hanging (DESK-4): a ticket whose result the customer
    has not answered for the company's working days gets one reminder, then
    closes with the rating request; a complaint never skips a step, it goes
    on to its follow-up visit with the silence recorded."""

    _inherit = "helpdesk.ticket"

    cs_idle_reminder_date = fields.Datetime(
        string="Silence Reminder Sent", readonly=True, copy=False
    )
    cs_no_answer = fields.Boolean(
        string="Customer Did Not Answer",
        readonly=True,
        copy=False,
        tracking=True,
        help="The customer did not answer the result at Customer Feedback: "
        "the follow-up visit asks for the satisfaction instead.",
    )

    def _cs_waived_fields(self):
        """Fields a stage's requirements do not ask of this ticket."""
        if self.cs_no_answer and self.stage_id.cs_step == "followup":
            return {"cs_satisfaction"}
        return set()

    @api.model
    def _cron_cs_silent_customers(self):
        for company in self.env["res.company"].search([]):
            self.with_company(company)._cs_handle_silent(company)

    @api.model
    def _cs_handle_silent(self, company):
        limit = self._cs_working_days_ago(company, company.cs_idle_days)
        waiting = self.search(
            [
                ("cs_process", "=", True),
                ("company_id", "=", company.id),
                ("stage_id.cs_step", "=", "feedback"),
                ("cs_result_told_date", "<=", limit),
            ]
        )
        silent = waiting - waiting._cs_answered()
        complaints = silent.filtered(lambda t: t.cs_kind == "complaint")
        others = silent - complaints
        complaints._cs_on_to_visit()
        to_remind = others.filtered(lambda t: not t.cs_idle_reminder_date)
        to_remind._cs_send_template(
            "cs_management.mail_template_ticket_silence_reminder"
        )
        to_remind.sudo().cs_idle_reminder_date = fields.Datetime.now()
        others.filtered(
            lambda t: t.cs_idle_reminder_date and t.cs_idle_reminder_date <= limit
        )._cs_close_silent()

    @api.model
    def _cs_working_days_ago(self, company, days):
        now = fields.Datetime.now()
        calendar = company.resource_calendar_id
        return calendar and calendar.plan_days(-days, now, compute_leaves=True) or now

    def _cs_answered(self):
        """The tickets whose customer wrote since the result was told."""
        if not self:
            return self
        last = {
            (res_id, author): date
            for res_id, author, date in self.env["mail.message"]
            .sudo()
            ._read_group(
                [
                    ("model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("author_id", "in", self.partner_id.ids),
                    ("message_type", "in", ("email", "comment")),
                ],
                ["res_id", "author_id"],
                ["date:max"],
            )
        }
        return self.filtered(
            lambda t: (
                last.get((t.id, t.partner_id), t.cs_result_told_date)
                > t.cs_result_told_date
            )
        )

    def _cs_send_template(self, xmlid):
        """Mail the customers of these tickets from the template, in one
        composer (as the acknowledgement goes)."""
        tickets = self.filtered(lambda t: t.partner_id.email or t.partner_email)
        tickets = tickets.filtered(lambda t: t._cs_can_write_to_customer())
        if tickets:
            composer = self.env["mail.compose.message"].with_context(
                cs_system_message=True,
                mail_notify_force_send=False,
                default_composition_mode="comment",
                default_model=self._name,
                default_res_ids=tickets.ids,
                default_template_id=self.env.ref(xmlid).id,
            )
            composer.create(
                {
                    "message_type": "comment",
                    "subtype_id": self.env.ref("mail.mt_comment").id,
                }
            )._action_send_mail()

    def _cs_on_to_visit(self):
        note = _(
            "The customer did not answer the result: on to the follow-up visit, "
            "which asks for the satisfaction."
        )
        for ticket in self:
            visit = ticket._cs_step_stage("followup")
            ticket._cs_move_silent(visit, {"cs_no_answer": True}, note)

    def _cs_close_silent(self):
        self._cs_send_template("cs_management.mail_template_ticket_silence_closed")
        note = _("Closed: the customer did not answer the result, nor the reminder.")
        for ticket in self:
            ticket._cs_move_silent(ticket._cs_step_stage("closed"), {}, note)

    def _cs_step_stage(self, step):
        return self.team_id._get_applicable_stages().filtered(
            lambda s: s.cs_step == step
        )[:1]

    def _cs_move_silent(self, stage, values, note):
        """One ticket's move; a ticket its process stops is told so on its
        chatter, and the others go on."""
        try:
            with self.env.cr.savepoint():
                self.sudo().write(dict(values, stage_id=stage.id))
                self.message_post(
                    body=Markup("<p>%s</p>") % note, subtype_xmlid="mail.mt_note"
                )
        except (UserError, ValidationError) as error:
            _logger.info("ticket %s left waiting: %s", self.id, error)
            self.message_post(
                body=Markup("<p>%s</p>")
                % _(
                    "The customer did not answer, but the ticket could not move on: "
                    "%(reason)s",
                    reason=error.args[0],
                ),
                subtype_xmlid="mail.mt_note",
            )
