from odoo import api, fields, models


class CsCustomerTierMove(models.Model):
    """A customer changed tier: the history the customer report counts
    (tier movements per period). Written by the tier rules' scheduled action
    and the override only."""

    _name = "cs.customer.tier.move"
    _description = "Customer Tier Movement"
    _order = "date desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    date = fields.Date(required=True, index=True)
    old_tier_id = fields.Many2one("cs.customer.tier", string="From Tier")
    new_tier_id = fields.Many2one("cs.customer.tier", string="To Tier")
    source = fields.Selection(
        [("rules", "Tier rules"), ("override", "Set by hand")], required=True
    )
    direction = fields.Selection(
        [("up", "Up"), ("down", "Down")], compute="_compute_direction", store=True
    )
    company_id = fields.Many2one("res.company")

    @api.depends("old_tier_id.rank", "new_tier_id.rank")
    def _compute_direction(self):
        for move in self:
            old = move.old_tier_id.rank if move.old_tier_id else -1
            new = move.new_tier_id.rank if move.new_tier_id else -1
            move.direction = "up" if new > old else "down"
