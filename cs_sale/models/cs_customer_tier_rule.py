from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.tools import SQL


class CsCustomerTierRule(models.Model):
    """Who reaches a tier: purchases in a company (confirmed orders, and
    the till's receipts with cs_pos) worth at least an amount, and at least a
    number of them, over the last months. A customer
    meeting the rules of several tiers gets the highest."""

    _name = "cs.customer.tier.rule"
    _description = "Customer Tier Rule"
    _order = "tier_rank desc, id"
    _check_company_auto = True

    tier_id = fields.Many2one("cs.customer.tier", required=True, ondelete="cascade")
    tier_rank = fields.Integer(related="tier_id.rank", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    period_months = fields.Integer(
        string="Over the Last (Months)", required=True, default=12
    )
    min_amount = fields.Monetary(
        string="Spent at Least",
        currency_field="currency_id",
        help="Total of the confirmed orders over the period, taxes included.",
    )
    min_orders = fields.Integer(string="Orders at Least", default=1)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "positive_figures",
            "CHECK(period_months > 0 AND min_amount >= 0 AND min_orders >= 0)",
            "A tier rule needs a period of at least a month, and an amount and a "
            "number of orders that are not negative.",
        ),
    ]

    def action_cs_recompute_tiers(self):
        """The list's button: every customer, not the rules selected."""
        return self.env["res.partner"].action_cs_recompute_tiers()

    def _period_start(self, today):
        return fields.Datetime.to_datetime(today) - relativedelta(
            months=self.period_months
        )

    def _met_sql(self, partner_ids, today):
        """SQL: the (partner id, tier rank) pairs of ``partner_ids`` meeting
        these rules, one aggregation per rule over the purchases."""
        purchases = self.env["res.partner"]._cs_purchases_sql()
        return SQL(" UNION ALL ").join(
            SQL(
                """
                SELECT purchase.partner_id, %(rank)s AS rank
                  FROM (%(purchases)s) purchase
                 WHERE purchase.partner_id = ANY(%(partners)s)
                   AND purchase.company_id = %(company)s
                   AND purchase.date >= %(start)s
                 GROUP BY purchase.partner_id
                HAVING SUM(purchase.amount) >= %(amount)s
                   AND COUNT(*) >= %(orders)s
                """,
                rank=rule.tier_id.rank,
                purchases=purchases,
                partners=partner_ids,
                company=rule.company_id.id,
                start=rule._period_start(today),
                amount=rule.min_amount,
                orders=rule.min_orders,
            )
            for rule in self
        )
