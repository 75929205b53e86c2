from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError

from .record_access import boolean_search, is_cs_staff, user_rule_domain

CRON_BATCH = 200


class HelpdeskTicketSla(models.Model):
    _inherit = "helpdesk.ticket.sla"

    deadline = fields.Datetime(index=True)
    # the KPI report reads a ticket's deadlines by ticket
    ticket_id = fields.Many2one(index=True)
    cs_reminded = fields.Boolean(
        string="Reminder Sent", readonly=True, copy=False, index="btree_not_null"
    )
    cs_escalated = fields.Boolean(
        string="Escalated", readonly=True, copy=False, index="btree_not_null"
    )
    # for the record rules of Customer Service users (security/oca_rules.xml)
    cs_ticket_readable = fields.Boolean(
        string="On a Ticket the User May Read",
        compute="_compute_cs_ticket_access",
        search="_search_cs_ticket_readable",
    )
    cs_ticket_writable = fields.Boolean(
        string="On a Ticket the User May Edit",
        compute="_compute_cs_ticket_access",
        search="_search_cs_ticket_writable",
    )

    def _compute_cs_ticket_access(self):
        readable = self.ticket_id._filtered_access("read")
        writable = self.ticket_id._filtered_access("write")
        for line in self:
            line.cs_ticket_readable = line.ticket_id in readable
            line.cs_ticket_writable = line.ticket_id in writable

    def _search_cs_ticket_readable(self, operator, value):
        return self._cs_ticket_access_domain("read", operator, value)

    def _search_cs_ticket_writable(self, operator, value):
        return self._cs_ticket_access_domain("write", operator, value)

    def _cs_ticket_access_domain(self, mode, operator, value):
        """Lines of the tickets the user may ``mode`` by the tickets' rules."""
        domain = user_rule_domain(self.env, "helpdesk.ticket", mode)
        return boolean_search(operator, value, [("ticket_id", "any", domain)])

    @api.model_create_multi
    def create(self, vals_list):
        self._cs_check_kept_by_the_system()
        return super().create(vals_list)

    def write(self, vals):
        self._cs_check_kept_by_the_system()
        return super().write(vals)

    def unlink(self):
        self._cs_check_kept_by_the_system()
        return super().unlink()

    def _cs_check_kept_by_the_system(self):
        """Customer Service staff change deadline lines only through the
        ticket (helpdesk_ticket_deadlines.py), which keeps them as the system."""
        if not self.env.su and is_cs_staff(self.env):
            raise AccessError(
                self.env._(
                    "A ticket's deadlines follow its stages: they cannot be changed "
                    "by hand."
                )
            )

    def _stage_recompute(self):
        # called by the ticket's write, once the user's right to move it was checked
        return super(HelpdeskTicketSla, self.sudo())._stage_recompute()

    @api.depends("sla_id")
    def _compute_sla_data(self):
        res = super()._compute_sla_data()
        for record in self:
            record.hours += record.sla_id.cs_minutes / 60
            # deadlines count from when the customer wrote, not from filing
            ticket = record.ticket_id
            if ticket.cs_received_at and record.last_state_date == ticket.create_date:
                record.last_state_date = ticket.cs_received_at
        return res

    # ------------------------------------------------------------------
    # Reminders and escalation (ir.cron)
    # ------------------------------------------------------------------
    @api.model
    def _cron_remind_and_escalate(self):
        """Remind assignees before a deadline, escalate to the supervisor
        after it. Each line is reminded and escalated once: running again
        finds nothing new. Works in batches and reports what remains, so
        the scheduler re-runs it until done."""
        now = fields.Datetime.now()
        lead = timedelta(hours=self.env.company.cs_deadline_reminder_hours)
        overdue = self.search(
            [
                ("state", "=", "in_progress"),
                ("cs_escalated", "=", False),
                ("deadline", "<", now),
            ],
            limit=CRON_BATCH,
        )
        overdue._cs_escalate()
        due_soon = self.search(
            [
                ("state", "=", "in_progress"),
                ("cs_reminded", "=", False),
                ("deadline", ">=", now),
                ("deadline", "<", now + lead),
            ],
            limit=CRON_BATCH - len(overdue),
        )
        due_soon._cs_remind()
        remaining = self.search_count(
            [
                ("state", "=", "in_progress"),
                "|",
                "&",
                ("cs_escalated", "=", False),
                ("deadline", "<", now),
                "&",
                ("cs_reminded", "=", False),
                ("deadline", "<", now + lead),
            ]
        )
        self.env["ir.cron"]._notify_progress(
            done=len(overdue | due_soon), remaining=remaining
        )

    def _cs_remind(self):
        activity_type = self.env.ref("cs_management.mail_activity_deadline_reminder")
        for line in self:
            ticket = line.ticket_id
            user = ticket.user_id or ticket.team_id.user_id
            if user:
                # the cron acts: the reminder reads in the language of whom it reminds
                env = ticket._cs_in_lang_of(user).env
                ticket.activity_schedule(
                    activity_type_id=activity_type.id,
                    date_deadline=fields.Date.context_today(line, line.deadline),
                    summary=env._("%(sla)s due soon", sla=line.with_env(env).name),
                    user_id=user.id,
                )
        self.cs_reminded = True

    def _cs_escalate(self):
        activity_type = self.env.ref("cs_management.mail_activity_deadline_escalation")
        for line in self:
            ticket = line.ticket_id
            supervisor = ticket._cs_supervisor_user()
            # the cron acts: the note reads in the assignee's language (the
            # supervisor's without one), the activity in the supervisor's
            env = ticket._cs_in_lang_of(ticket.user_id or supervisor).env
            ticket.message_post(
                body=Markup("<p>%s</p>")
                % env._(
                    "Deadline %(sla)s was missed (%(deadline)s): escalated to "
                    "%(supervisor)s.",
                    sla=line.with_env(env).name,
                    deadline=fields.Datetime.context_timestamp(
                        line, line.deadline
                    ).strftime("%Y-%m-%d %H:%M"),
                    supervisor=supervisor.name or env._("nobody (no supervisor found)"),
                ),
                subtype_xmlid="mail.mt_note",
            )
            if supervisor:
                env = ticket._cs_in_lang_of(supervisor).env
                ticket.activity_schedule(
                    activity_type_id=activity_type.id,
                    summary=env._("%(sla)s missed", sla=line.with_env(env).name),
                    note=env._(
                        "Deadline missed on %(ticket)s; take it over or help the "
                        "assignee.",
                        ticket=ticket.with_env(env).display_name,
                    ),
                    user_id=supervisor.id,
                )
        self.cs_escalated = True
