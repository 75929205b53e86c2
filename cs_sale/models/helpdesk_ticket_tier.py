from odoo import _, api, models

from odoo.addons.cs_management.models.helpdesk_ticket_escalation import (
    ESCALATED_SEVERITIES,
)


class HelpdeskTicket(models.Model):
    """The customer's tier routes the ticket: complaints of a tier that goes
    to the supervisor (VIP, 002 §2.2.3) are the supervisor's whatever their
    severity; the tier's deadlines apply (helpdesk_sla_tier.py)."""

    _inherit = "helpdesk.ticket"

    @api.model
    def _cs_goes_to_supervisor(self, vals):
        if super()._cs_goes_to_supervisor(vals):
            return True
        kind = self.env["helpdesk.ticket.category"].browse(vals.get("category_id"))
        partner = self.env["res.partner"].browse(vals.get("partner_id"))
        return kind.cs_kind == "complaint" and partner._cs_complaints_to_supervisor()

    def _cs_needs_supervisor(self):
        return super()._cs_needs_supervisor() or (
            self.cs_kind == "complaint"
            and self.commercial_partner_id._cs_complaints_to_supervisor()
        )

    def _cs_supervisor_summary(self):
        if self.cs_severity in ESCALATED_SEVERITIES:
            return super()._cs_supervisor_summary()
        return _(
            "Complaint of a %(tier)s customer assigned to you",
            tier=self.commercial_partner_id.cs_tier_id.name,
        )
