from odoo import fields, models

# read as the user: the partner decides whose profile the user sees
PROFILE = {"compute_sudo": False, "readonly": True}


class HelpdeskTicket(models.Model):
    """The customer panel of the ticket: the customer's tier and purchase
    profile, as on the contact form, without leaving the ticket."""

    _inherit = "helpdesk.ticket"

    cs_customer_tier_id = fields.Many2one(
        related="commercial_partner_id.cs_tier_id", string="Customer Tier"
    )
    cs_customer_profile_visible = fields.Boolean(
        related="commercial_partner_id.cs_profile_visible", **PROFILE
    )
    cs_customer_currency_id = fields.Many2one(
        related="commercial_partner_id.cs_currency_id", **PROFILE
    )
    cs_customer_order_count = fields.Integer(
        related="commercial_partner_id.cs_order_count", **PROFILE
    )
    cs_customer_order_amount = fields.Monetary(
        related="commercial_partner_id.cs_order_amount",
        currency_field="cs_customer_currency_id",
        **PROFILE,
    )
    cs_customer_last_order_date = fields.Datetime(
        related="commercial_partner_id.cs_last_order_date", **PROFILE
    )
    cs_customer_order_interval_days = fields.Float(
        related="commercial_partner_id.cs_order_interval_days", **PROFILE
    )
    cs_customer_favourite_product_ids = fields.Many2many(
        related="commercial_partner_id.cs_favourite_product_ids", **PROFILE
    )
    cs_customer_favourite_categ_ids = fields.Many2many(
        related="commercial_partner_id.cs_favourite_categ_ids", **PROFILE
    )
    cs_customer_satisfaction_trend = fields.Selection(
        related="commercial_partner_id.cs_satisfaction_trend", **PROFILE
    )
    cs_customer_satisfaction_recent = fields.Float(
        related="commercial_partner_id.cs_satisfaction_recent", **PROFILE
    )
    cs_customer_consent_scope = fields.Selection(
        related="commercial_partner_id.cs_consent_scope", **PROFILE
    )
