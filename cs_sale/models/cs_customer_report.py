from odoo import fields, models, tools
from odoo.tools import SQL


class CsCustomerReport(models.Model):
    """The loyalty picture (001 二(二)-(四)): one row per customer and
    company with purchases (``res.partner._cs_purchases_sql``). Averaged in
    the pivot, ``repeat_rate`` is the share of customers who bought more than
    once, ``lost_rate`` the share who bought nothing for the company's "lost
    after" months."""

    _name = "cs.customer.report"
    _description = "Customer Loyalty Report"
    _auto = False
    _check_company_auto = True
    _rec_name = "partner_id"
    _order = "last_order_date desc"
    _depends = {
        "sale.order": [
            "partner_id",
            "company_id",
            "state",
            "amount_total",
            "date_order",
        ],
        "res.partner": ["commercial_partner_id", "cs_tier_id"],
        "res.company": ["cs_lost_after_months"],
    }

    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    tier_id = fields.Many2one("cs.customer.tier", readonly=True)
    order_count = fields.Integer(string="Orders", readonly=True)
    amount = fields.Monetary(string="Amount Bought", readonly=True)
    first_order_date = fields.Datetime(string="First Purchase", readonly=True)
    last_order_date = fields.Datetime(string="Last Purchase", readonly=True)
    repeat_rate = fields.Float(
        string="Repeat-Purchase Rate (%)", aggregator="avg", readonly=True
    )
    lost = fields.Boolean(readonly=True)
    lost_rate = fields.Float(string="Lost Rate (%)", aggregator="avg", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %s AS (
                    SELECT ROW_NUMBER() OVER (
                               ORDER BY purchase.partner_id, purchase.company_id
                           ) AS id,
                           purchase.partner_id,
                           purchase.company_id,
                           cp.cs_tier_id AS tier_id,
                           COUNT(*) AS order_count,
                           SUM(purchase.amount) AS amount,
                           MIN(purchase.date) AS first_order_date,
                           MAX(purchase.date) AS last_order_date,
                           CASE WHEN COUNT(*) > 1 THEN 100.0 ELSE 0.0 END
                               AS repeat_rate,
                           %s AS lost,
                           CASE WHEN %s THEN 100.0 ELSE 0.0 END AS lost_rate
                      FROM (%s) purchase
                      JOIN res_partner cp ON cp.id = purchase.partner_id
                      JOIN res_company c ON c.id = purchase.company_id
                     GROUP BY purchase.partner_id, purchase.company_id,
                              cp.cs_tier_id, c.cs_lost_after_months
                )
                """,
                SQL.identifier(self._table),
                self._lost_sql(),
                self._lost_sql(),
                self.env["res.partner"]._cs_purchases_sql(),
            )
        )

    @staticmethod
    def _lost_sql():
        """A customer is lost after the company's months without a purchase."""
        return SQL(
            "MAX(purchase.date) < NOW() AT TIME ZONE 'UTC' "
            "- make_interval(months => COALESCE(c.cs_lost_after_months, 12))"
        )
