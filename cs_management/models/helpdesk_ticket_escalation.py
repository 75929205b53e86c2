from markupsafe import Markup

from odoo import _, models

from .selections import SEVERITY_RANK

ESCALATED_SEVERITIES = ("major", "critical")


class HelpdeskTicket(models.Model):
    """Who answers for a ticket above the agent: serious complaints go to
    the store's supervisor, public-opinion incidents reach the CS managers."""

    _inherit = "helpdesk.ticket"

    def _cs_supervisor_user(self):
        """Who answers for this ticket: the store's CS supervisor, else the
        team leader, else the assignee's leaders; the first who may be
        given tickets."""
        self.ensure_one()
        candidates = (
            self.cs_store_id.supervisor_ids.user_id
            | self.team_id.user_id
            | self.user_id.employee_id._cs_leaders()
        )
        return self._cs_assignable(candidates)[:1]

    def _cs_assignable(self, users):
        """The ``users`` who may be given this ticket; other addons narrow
        it (cs_training: staff who passed onboarding)."""
        return users

    def _cs_needs_supervisor(self):
        """Whether the supervisor handles this ticket: a major or critical
        complaint here; other addons add cases (cs_sale: the customer's tier)."""
        self.ensure_one()
        return self.cs_kind == "complaint" and self.cs_severity in ESCALATED_SEVERITIES

    def _cs_supervisor_summary(self):
        """The to-do's summary telling the supervisor why the ticket is theirs."""
        return _(
            "%(severity)s complaint assigned to you",
            severity=self._cs_severity_label(),
        )

    def _cs_assign_to_supervisor(self):
        activity_type = self.env.ref("cs_management.mail_activity_major_complaint")
        for ticket in self.filtered(lambda t: t._cs_needs_supervisor()):
            supervisor = ticket._cs_supervisor_user()
            if not supervisor or ticket.user_id == supervisor:
                continue
            ticket.user_id = supervisor
            ticket.activity_schedule(
                activity_type_id=activity_type.id,
                summary=ticket._cs_supervisor_summary(),
                user_id=supervisor.id,
            )

    def _cs_severity_label(self):
        return dict(self._fields["cs_severity"]._description_selection(self.env)).get(
            self.cs_severity, ""
        )

    def _cs_notify_management(self):
        """Public-opinion incidents at the top severities reach the CS
        managers of the company, once per severity reached."""
        for ticket in self.filtered(
            lambda t: t.cs_kind == "public_opinion" and t.cs_severity
        ):
            threshold = ticket.company_id.cs_opinion_notify_severity
            notified = ticket.cs_po_notified_severity
            rank = SEVERITY_RANK[ticket.cs_severity]
            if rank < SEVERITY_RANK[threshold] or (
                notified and rank <= SEVERITY_RANK[notified]
            ):
                continue
            managers = ticket._cs_managers()
            if managers:
                ticket.message_subscribe(partner_ids=managers.partner_id.ids)
                ticket.message_post(
                    body=Markup("<p>%s</p>")
                    % _(
                        "Public-opinion incident rated %(severity)s: %(measures)s",
                        severity=ticket._cs_severity_label(),
                        measures=ticket.cs_po_measures
                        or _("no response measures configured"),
                    ),
                    partner_ids=managers.partner_id.ids,
                    # internal: the customer, a follower, must not receive it
                    subtype_xmlid="mail.mt_note",
                )
            ticket.sudo().cs_po_notified_severity = ticket.cs_severity

    def _cs_managers(self):
        group = self.env.ref("cs_management.group_cs_manager")
        return group.users.filtered(lambda user: self.company_id in user.company_ids)
