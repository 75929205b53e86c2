from odoo import api, fields, models
from odoo.exceptions import AccessError

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
    cs_first_response_date = fields.Datetime(
        string="First Response",
        readonly=True,
        copy=False,
        help="When the ticket left its first stage: the customer was answered.",
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
        "cs_first_response_date", "closed_date", "team_id.resource_calendar_id"
    )
    def _compute_cs_working_hours(self):
        for ticket in self:
            calendar = ticket._cs_calendar()
            start = ticket.create_date
            ticket.cs_first_response_hours = (
                calendar.get_work_hours_count(
                    start, ticket.cs_first_response_date, compute_leaves=True
                )
                if start and ticket.cs_first_response_date
                else 0.0
            )
            ticket.cs_resolution_hours = (
                calendar.get_work_hours_count(
                    start, ticket.closed_date, compute_leaves=True
                )
                if start and ticket.closed_date
                else 0.0
            )

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
                    "A ticket's deadlines are set when it is filed and follow its stages: "
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
