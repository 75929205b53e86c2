from odoo import fields, models


class CsFollowupPlan(models.Model):
    """A follow-up campaign can target customer tiers (e.g. call the VIP
    customers after a launch)."""

    _inherit = "cs.followup.plan"

    tier_ids = fields.Many2many(
        "cs.customer.tier",
        string="Customer Tiers",
        help="Only customers of these tiers are followed up; empty: any tier.",
    )

    def _target_partners(self):
        partners = super()._target_partners()
        if not self.tier_ids:
            return partners
        return partners.filtered(
            lambda partner: partner.commercial_partner_id.cs_tier_id in self.tier_ids
        )
