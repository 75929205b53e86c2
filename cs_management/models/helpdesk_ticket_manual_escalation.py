from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError

# a complaint escalated this many times by hand reaches the CS managers
ESCALATIONS_TO_MANAGEMENT = 2


class HelpdeskTicket(models.Model):
    """Escalation by hand (DESK-4, 004 §2.1.5): an agent hands a ticket up
    to its supervisor, a supervisor to the CS manager, with a reason;
    critical complaints and complaints escalated twice reach the CS
    managers, who also get a weekly digest of the complaints at risk."""

    _inherit = "helpdesk.ticket"

    cs_escalation_count = fields.Integer(
        string="Escalated", readonly=True, copy=False, tracking=True
    )
    cs_managers_notified = fields.Boolean(
        string="Reported to the CS Managers", readonly=True, copy=False
    )

    def action_cs_escalate(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Escalate"),
            "res_model": "cs.ticket.escalate.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def _cs_escalation_receiver(self):
        """Who the current user hands this ticket up to: an agent to the
        ticket's supervisor, a supervisor or store manager to the CS
        manager above it (else the company's first)."""
        self.ensure_one()
        user = self.env.user
        if user.has_group("cs_management.group_cs_manager"):
            raise UserError(_("A CS manager has nobody to escalate a ticket to."))
        if not user.has_group("cs_management.group_cs_supervisor"):
            supervisor = self._cs_supervisor_user()
            if supervisor and supervisor != user:
                return supervisor
        managers = self._cs_managers()
        chain = user.employee_id.parent_id
        while chain and chain.user_id not in managers:
            chain = chain.parent_id
        receiver = chain.user_id or managers[:1]
        if not receiver:
            raise UserError(
                _("Nobody above you can receive %(ticket)s.", ticket=self.display_name)
            )
        return receiver

    def _cs_escalate(self, reason):
        self.ensure_one()
        # the count is kept as the process (sudo): only who may change the
        # ticket escalates it
        self.check_access("write")
        if not (reason or "").strip():
            raise UserError(_("Say why the ticket is escalated."))
        receiver = self._cs_escalation_receiver()
        self.message_subscribe(partner_ids=receiver.partner_id.ids)
        self.message_post(
            body=Markup("<p>%s</p>")
            % _(
                "Escalated by %(user)s to %(receiver)s: %(reason)s",
                user=self.env.user.name,
                receiver=receiver.name,
                reason=reason,
            ),
            subtype_xmlid="mail.mt_note",
        )
        self.activity_schedule(
            "cs_management.mail_activity_escalated",
            summary=_("Escalated: %(reason)s", reason=reason),
            user_id=receiver.id,
        )
        self.sudo().cs_escalation_count += 1
        self._cs_notify_management()
        return receiver

    def _cs_notify_management(self):
        """Also: critical complaints, and complaints escalated twice, are
        reported to the CS managers once."""
        res = super()._cs_notify_management()
        serious = self.filtered(
            lambda t: (
                t.cs_kind == "complaint"
                and not t.cs_managers_notified
                and (
                    t.cs_severity == "critical"
                    or t.cs_escalation_count >= ESCALATIONS_TO_MANAGEMENT
                )
            )
        )
        for ticket in serious:
            managers = ticket._cs_managers()
            if not managers:
                continue
            ticket.message_post(
                body=Markup("<p>%s</p>")
                % _(
                    "Reported to the CS managers: %(severity)s complaint, "
                    "escalated %(count)s time(s).",
                    severity=ticket._cs_severity_label() or _("unrated"),
                    count=ticket.cs_escalation_count,
                ),
                partner_ids=managers.partner_id.ids,
                subtype_xmlid="mail.mt_note",
            )
            ticket.sudo().cs_managers_notified = True
        return res

    @api.model
    def _cron_cs_complaint_digest(self):
        """Weekly: the open critical and overdue complaints of each company
        to its CS managers, in their language."""
        group = self.env.ref("cs_management.group_cs_manager")
        for company in self.env["res.company"].search([]):
            managers = group.users.filtered(lambda u, c=company: c in u.company_ids)
            tickets = self.search(self._cs_digest_domain(company))
            if not managers or not tickets:
                continue
            for manager in managers:
                self._cs_send_digest(manager, company, tickets)

    @api.model
    def _cs_digest_domain(self, company):
        return [
            ("company_id", "=", company.id),
            ("cs_kind", "=", "complaint"),
            ("stage_id.closed", "=", False),
            "|",
            "|",
            ("cs_severity", "=", "critical"),
            ("cs_reply_state", "=", "missed"),
            ("cs_resolution_state", "=", "missed"),
        ]

    @api.model
    def _cs_send_digest(self, manager, company, tickets):
        env = self.with_context(lang=manager.lang).env
        body = env["ir.qweb"]._render(
            "cs_management.complaint_digest",
            {"tickets": tickets.with_env(env), "company": company},
        )
        env["mail.thread"].message_notify(
            partner_ids=manager.partner_id.ids,
            subject=env._(
                "%(company)s: %(count)s complaints at risk this week",
                company=company.name,
                count=len(tickets),
            ),
            body=body,
        )
