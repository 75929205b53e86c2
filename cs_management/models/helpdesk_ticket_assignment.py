from odoo import api, models

from .helpdesk_ticket_escalation import ESCALATED_SEVERITIES


class HelpdeskTicket(models.Model):
    """New tickets without an assignee go to a member of their team, by the
    team's method (DESK-3). Major and critical complaints are left to the
    supervisor routing (``_cs_assign_to_supervisor``)."""

    _inherit = "helpdesk.ticket"

    @api.model_create_multi
    def create(self, vals_list):
        self._cs_auto_assign(vals_list)
        return super().create(vals_list)

    @api.model
    def _cs_auto_assign(self, vals_list):
        """Fill ``user_id`` in the values of unassigned tickets, team by
        team: the candidates are read once per team, not per ticket."""
        by_team = {}
        for vals in vals_list:
            if vals.get("user_id"):
                continue
            self._cs_default_team(vals)
            if vals.get("team_id") and not self._cs_goes_to_supervisor(vals):
                by_team.setdefault(
                    (vals["team_id"], vals.get("cs_store_id")), []
                ).append(vals)
        Team = self.env["helpdesk.ticket.team"].sudo()
        for (team_id, store_id), team_vals in by_team.items():
            team = Team.browse(team_id)
            if team.cs_assign_method == "manual":
                continue
            store = self.env["cs.store"].browse(store_id) or team.cs_store_id
            load = team._cs_assignees(store)
            for turn, vals in enumerate(team_vals, start=1):
                user = self._cs_pick_assignee(team.cs_assign_method, load)
                # nobody free: the ticket waits for the team, not for its author
                vals["user_id"] = user.id if user else False
                if not user:
                    continue
                # given now: after every ticket already in the database
                load[user] = (load[user][0] + 1, (1, turn))
                if load[user][0] >= team.cs_assign_cap:
                    del load[user]

    @api.model
    def _cs_pick_assignee(self, method, load):
        """Round-robin: the member given a ticket of the team longest ago;
        fewest open: the one with the fewest open tickets, in turn on a tie."""
        if not load:
            return None
        if method == "round_robin":
            return min(load, key=lambda user: (load[user][1], user.id))
        return min(load, key=lambda user: (load[user][0], load[user][1], user.id))

    @api.model
    def _cs_goes_to_supervisor(self, vals):
        if vals.get("cs_severity") not in ESCALATED_SEVERITIES:
            return False
        return (
            self.env["helpdesk.ticket.category"].browse(vals.get("category_id")).cs_kind
            == "complaint"
        )
