from odoo import fields, models


class CsCustomerTierOverride(models.TransientModel):
    """A CS manager sets a customer's tier by hand, or hands it back to the
    tier rules; the reason is logged on the customer."""

    _name = "cs.customer.tier.override"
    _description = "Set a Customer's Tier by Hand"

    partner_id = fields.Many2one("res.partner", string="Customer", required=True)
    tier_id = fields.Many2one(
        "cs.customer.tier",
        string="New Tier",
        help="Empty: lift the override, the tier rules decide again.",
    )
    reason = fields.Char(required=True)

    def action_apply(self):
        self.ensure_one()
        self.partner_id._cs_override_tier(self.tier_id, self.reason)
        return {"type": "ir.actions.act_window_close"}
