from odoo import fields, models


class CsCustomerTier(models.Model):
    """A level of customer (regular, silver, gold, VIP...): what the desk
    owes the customer. The rank orders them; the tier rules say who reaches
    which; routing, deadlines and follow-up plans read the tier."""

    _name = "cs.customer.tier"
    _description = "Customer Tier"
    _order = "rank, id"

    name = fields.Char(required=True, translate=True)
    rank = fields.Integer(
        required=True,
        default=10,
        help="Higher is better: a customer meeting the rules of two tiers gets the "
        "higher one.",
    )
    color = fields.Integer()
    active = fields.Boolean(default=True)
    complaints_to_supervisor = fields.Boolean(
        string="Complaints Go to the Supervisor",
        help="Every complaint of a customer of this tier is assigned to the store's "
        "supervisor, whatever its severity (002 §2.2.3).",
    )
    rule_ids = fields.One2many("cs.customer.tier.rule", "tier_id", string="Rules")

    _sql_constraints = [
        ("rank_unique", "UNIQUE(rank)", "Two tiers cannot have the same rank."),
    ]
