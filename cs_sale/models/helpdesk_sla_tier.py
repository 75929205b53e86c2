from odoo import api, fields, models


class HelpdeskSla(models.Model):
    """Tighter deadlines per customer tier: a deadline rule limited to some
    tiers applies to their customers' tickets only; a ticket under several
    rules keeps the earliest deadline of each target."""

    _inherit = "helpdesk.sla"

    cs_tier_ids = fields.Many2many(
        "cs.customer.tier",
        string="Customer Tiers",
        help="Applies only to the tickets of customers of these tiers; empty: to "
        "every customer.",
    )

    @api.model
    def _cs_applicable_domain(self, ticket):
        tier = ticket.commercial_partner_id.cs_tier_id
        return super()._cs_applicable_domain(ticket) + [
            "|",
            ("cs_tier_ids", "=", False),
            ("cs_tier_ids", "in", tier.ids),
        ]
