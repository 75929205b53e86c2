from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL
from odoo.tools.sql import column_exists, create_column

from .record_access import is_cs_staff

DEADLINE_STATES = [
    ("running", "Running"),
    ("paused", "Paused"),
    ("met", "Met"),
    ("missed", "Missed"),
]


class HelpdeskTicket(models.Model):
    """A ticket's deadline lines (helpdesk_mgmt_sla) are the system's
    bookkeeping: they feed the deadline KPIs. OCA keeps them as the user
    who moves the ticket; for Customer Service staff the stage move, the
    filing and "Set SLA" keep them as the system, and nothing else may."""

    _inherit = "helpdesk.ticket"

    # --- deadlines at a glance (KPI-5): one state per target ---------------
    cs_reply_deadline = fields.Datetime(
        string="Reply Deadline", compute="_compute_cs_deadline_states", store=True
    )
    cs_reply_state = fields.Selection(
        DEADLINE_STATES,
        string="Reply Deadline State",
        compute="_compute_cs_deadline_states",
        store=True,
    )
    cs_resolution_deadline = fields.Datetime(
        string="Resolution Deadline", compute="_compute_cs_deadline_states", store=True
    )
    cs_resolution_state = fields.Selection(
        DEADLINE_STATES,
        string="Resolution Deadline State",
        compute="_compute_cs_deadline_states",
        store=True,
    )
    # --- measured times (working hours of the team's calendar) -----------
    # (KPI-3, INT-4): when the customer wrote, was first answered, accepted
    # the result
    cs_received_at = fields.Datetime(
        string="Received At",
        default=fields.Datetime.now,
        copy=False,
        tracking=True,
        help="When the customer wrote: the e-mail's date, the chat's start, the "
        "post's time; for a walk-in or a call logged afterwards, when the "
        "customer came or called. Deadlines and response times count from it.",
    )
    cs_first_response_date = fields.Datetime(
        string="First Response",
        readonly=True,
        copy=False,
        help="When the first message was sent to the customer (e-mail, chat, "
        "social-media reply, or a phone call logged as a reply).",
    )
    cs_solved_date = fields.Datetime(
        string="Solved On",
        readonly=True,
        copy=False,
        help="When the customer accepted the result at Customer Feedback, or "
        "the ticket was answered and closed at once: the end of its handling.",
    )
    cs_first_response_hours = fields.Float(
        string="First Response (working hours)",
        compute="_compute_cs_working_hours",
        store=True,
        aggregator="avg",
    )
    cs_resolution_hours = fields.Float(
        string="Handling Time (working hours)",
        compute="_compute_cs_working_hours",
        store=True,
        aggregator="avg",
    )

    @api.depends(
        "ticket_sla_ids.state",
        "ticket_sla_ids.deadline",
        "ticket_sla_ids.sla_id.cs_target",
    )
    def _compute_cs_deadline_states(self):
        for ticket in self:
            for target, prefix in (
                ("first_response", "cs_reply"),
                ("resolution", "cs_resolution"),
            ):
                lines = ticket.ticket_sla_ids.filtered(
                    lambda line, t=target: line.sla_id.cs_target == t
                )
                ticket[f"{prefix}_deadline"] = min(
                    lines.mapped("deadline"), default=False
                )
                ticket[f"{prefix}_state"] = self._deadline_state(lines.mapped("state"))

    @staticmethod
    def _deadline_state(line_states):
        """The state of a target from its lines' (OCA SLA) states."""
        if not line_states:
            return False
        if "expired" in line_states:
            return "missed"
        if "in_progress" in line_states:
            return "running"
        if "on_hold" in line_states:
            return "paused"
        return "met"

    @api.depends(
        "cs_received_at",
        "cs_first_response_date",
        "cs_solved_date",
        "team_id.resource_calendar_id",
    )
    def _compute_cs_working_hours(self):
        """First response: received -> first message to the customer;
        handling time: received -> solved (000 §7.1.2)."""
        for ticket in self:
            calendar = ticket._cs_calendar()
            start = ticket.cs_received_at or ticket.create_date
            ticket.cs_first_response_hours = (
                calendar.get_work_hours_count(
                    start, ticket.cs_first_response_date, compute_leaves=True
                )
                if start and ticket.cs_first_response_date
                else 0.0
            )
            ticket.cs_resolution_hours = (
                calendar.get_work_hours_count(
                    start, ticket.cs_solved_date, compute_leaves=True
                )
                if start and ticket.cs_solved_date
                else 0.0
            )

    def _auto_init(self):
        # tickets filed before the clock existed were received when filed:
        # one UPDATE, rather than Odoo filling the new column with now
        cr = self.env.cr
        if not column_exists(cr, self._table, "cs_received_at"):
            create_column(cr, self._table, "cs_received_at", "timestamp")
            cr.execute(
                SQL(
                    "UPDATE %s SET cs_received_at = create_date",
                    SQL.identifier(self._table),
                )
            )
        return super()._auto_init()

    @api.constrains("cs_received_at")
    def _check_cs_received_at(self):
        now = fields.Datetime.now()
        if any(t.cs_received_at and t.cs_received_at > now for t in self):
            raise ValidationError(
                self.env._("A request cannot be received in the future.")
            )

    def _cs_record_first_response(self, when=None):
        """The first message sent to the customer: the first-response time,
        and the first-reply deadlines met, or missed, by it."""
        when = when or fields.Datetime.now()
        tickets = self.filtered(lambda t: t.cs_process and not t.cs_first_response_date)
        if not tickets:
            return
        tickets = tickets.sudo()
        tickets.cs_first_response_date = when
        for line in tickets.ticket_sla_ids.filtered(
            lambda line: (
                line.sla_id.cs_target == "first_response"
                and line.state in ("in_progress", "on_hold")
            )
        ):
            met = line.deadline and line.deadline >= when
            line.state = "accomplished" if met else "expired"

    def action_cs_log_phone_reply(self):
        """A phone call in which the customer was answered: logged on the
        ticket, and the first response if none was sent before."""
        self.check_access("write")
        for ticket in self:
            ticket.message_post(
                body=self.env._("The customer was answered by phone."),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        self._cs_record_first_response()
        return True

    def _cs_restart_deadlines(self):
        """Received at was changed: the deadlines that have not yet run count
        from the new time."""
        for line in self.sudo().ticket_sla_ids.filtered(
            lambda line: line.state == "in_progress" and not line.consumed_time
        ):
            line.last_state_date = line.ticket_id.cs_received_at

    def _get_sla_ticket_domain(self):
        return super()._get_sla_ticket_domain() + self.env[
            "helpdesk.sla"
        ]._cs_applicable_domain(self)

    def _cs_calendar(self):
        return self.team_id.resource_calendar_id or self.company_id.resource_calendar_id

    def set_sla(self):
        """Deadlines are set when the ticket is filed; set again later they
        would restart the clock of a late ticket, so staff may not."""
        if self.env.su or not is_cs_staff(self.env):
            super().set_sla()
            return True
        self.check_access("write")
        if self.sudo().ticket_sla_ids:
            raise AccessError(
                self.env._(
                    "A ticket's deadlines are set when it is filed and follow its "
                    "stages: "
                    "they cannot be set again."
                )
            )
        super(HelpdeskTicket, self.sudo()).set_sla()
        return True

    def refresh_sla(self):
        """ "Set SLA": adds the deadlines a ticket now qualifies for, on a
        ticket the user may edit, and leaves the running ones alone."""
        if self.env.su or not is_cs_staff(self.env):
            super().refresh_sla()
            return True
        self.check_access("write")
        super(HelpdeskTicket, self.sudo()).refresh_sla()
        return True

    def write(self, vals):
        res = super().write(vals)
        if "cs_received_at" in vals:
            self._cs_restart_deadlines()
        return res
