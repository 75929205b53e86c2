from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class HelpdeskTicketTeam(models.Model):
    """How a team's new tickets find an agent (DESK-3)."""

    _inherit = "helpdesk.ticket.team"

    cs_assign_method = fields.Selection(
        [
            ("manual", "Manual"),
            ("round_robin", "Round-robin"),
            ("least_open", "Fewest open tickets"),
        ],
        string="Assignment",
        default="manual",
        required=True,
        help="How new tickets without an assignee are given to the team's "
        "members: by hand, in turn, or to the one with the fewest open "
        "tickets. Only members cleared to serve, not absent and of the "
        "ticket's store are given tickets; major and critical complaints "
        "go to the supervisor.",
    )
    cs_assign_cap = fields.Integer(
        string="Open Tickets per Agent",
        default=20,
        required=True,
        help="An agent holding this many open tickets is given no more; "
        "the ticket then waits unassigned.",
    )

    @api.constrains("cs_assign_cap")
    def _check_cs_assign_cap(self):
        for team in self:
            if team.cs_assign_cap < 1:
                raise ValidationError(
                    _(
                        "The cap of open tickets per agent of %(team)s must be at "
                        "least 1.",
                        team=team.name,
                    )
                )

    def _cs_assignees(self, store):
        """The members of this team who may be given a new ticket of
        ``store`` now, with their open tickets and when each was last
        given one of the team's tickets (the latest ticket's id, ids being
        in creation order whatever the clock): {user: (open, (0, last))}."""
        self.ensure_one()
        users = self._cs_members_at_work(store)
        Ticket = self.env["helpdesk.ticket"].sudo()
        users = Ticket.new(
            {"company_id": self.company_id.id or self.env.company.id}
        )._cs_assignable(users)
        if not users:
            return {}
        open_counts = dict(
            Ticket._read_group(
                [("user_id", "in", users.ids), ("stage_id.closed", "=", False)],
                ["user_id"],
                ["__count"],
            )
        )
        last = dict(
            Ticket._read_group(
                [("team_id", "=", self.id), ("user_id", "in", users.ids)],
                ["user_id"],
                ["id:max"],
            )
        )
        return {
            user: (open_counts.get(user, 0), (0, last.get(user, 0)))
            for user in users
            if open_counts.get(user, 0) < self.cs_assign_cap
        }

    def _cs_members_at_work(self, store):
        """Members with an employee of the team's company (of ``store`` if
        the ticket has one) who are not absent now: a leave validated in
        Time Off, when installed, is an absence of the employee's resource."""
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [
                    ("user_id", "in", self.user_ids.ids),
                    ("company_id", "=", (self.company_id or self.env.company).id),
                    *([("cs_store_id", "=", store.id)] if store else []),
                ]
            )
        )
        now = fields.Datetime.now()
        absent = (
            self.env["resource.calendar.leaves"]
            .sudo()
            .search(
                [
                    ("resource_id", "in", employees.resource_id.ids),
                    ("date_from", "<=", now),
                    ("date_to", ">", now),
                ]
            )
            .resource_id
        )
        return employees.filtered(lambda e: e.resource_id not in absent).user_id
