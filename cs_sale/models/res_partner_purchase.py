from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

FAVOURITES = 3
# satisfaction now: the ratings of the last months, against the year before
RECENT_MONTHS = 6
BEFORE_MONTHS = 12
TREND_STEP = 0.25
# a sale order is a purchase once confirmed
SOLD_STATE = "sale"
SOLD = SQL("so.state = %s", SOLD_STATE)


class ResPartner(models.Model):
    """The customer's purchase profile (000 §5.1-5.2, DATA-1): what they
    bought, how often, what they like, and how satisfied they are; on the
    contact form and the ticket's customer panel. Computed on opening, a few
    grouped queries for any number of customers and orders."""

    _inherit = "res.partner"

    cs_profile_visible = fields.Boolean(compute="_compute_cs_purchase_profile")
    cs_currency_id = fields.Many2one(
        "res.currency", compute="_compute_cs_purchase_profile"
    )
    cs_order_count = fields.Integer(
        string="Orders", compute="_compute_cs_purchase_profile"
    )
    cs_order_amount = fields.Monetary(
        string="Amount Bought",
        currency_field="cs_currency_id",
        compute="_compute_cs_purchase_profile",
    )
    cs_first_order_date = fields.Datetime(
        string="First Purchase", compute="_compute_cs_purchase_profile"
    )
    cs_last_order_date = fields.Datetime(
        string="Last Purchase", compute="_compute_cs_purchase_profile"
    )
    cs_order_interval_days = fields.Float(
        string="Days Between Orders",
        digits=(16, 1),
        compute="_compute_cs_purchase_profile",
        help="Average time between two orders, from the first to the last.",
    )
    cs_favourite_product_ids = fields.Many2many(
        "product.product",
        string="Favourite Products",
        compute="_compute_cs_purchase_profile",
        help="The products the customer bought most of.",
    )
    cs_favourite_categ_ids = fields.Many2many(
        "product.category",
        string="Favourite Categories",
        compute="_compute_cs_purchase_profile",
        help="The product categories the customer spent most on.",
    )
    cs_satisfaction_recent = fields.Float(
        string="Satisfaction Now",
        digits=(16, 1),
        compute="_compute_cs_purchase_profile",
        help="Average rating of the last six months, this one included (1 to 5).",
    )
    cs_satisfaction_before = fields.Float(
        string="Satisfaction Before",
        digits=(16, 1),
        compute="_compute_cs_purchase_profile",
        help="Average rating of the twelve months before.",
    )
    cs_satisfaction_trend = fields.Selection(
        [("better", "Better"), ("steady", "Steady"), ("worse", "Worse")],
        string="Satisfaction Trend",
        compute="_compute_cs_purchase_profile",
    )

    # ------------------------------------------------------------------
    # Who sees a profile
    # ------------------------------------------------------------------
    def _cs_profile_partners(self):
        """The commercial partners of ``self`` whose purchase profile the
        user sees: every customer for whoever reads all orders; for other
        Customer Service staff, the customers of the tickets they may read
        (their store's); none for the roles that see customers masked."""
        partners = self.commercial_partner_id
        if self.env.su:
            return partners
        if self._cs_sees_masked():
            return partners.browse()
        user = self.env.user
        if user.has_group("sales_team.group_sale_salesman_all_leads"):
            return partners
        if not user.has_group("cs_management.group_cs_agent"):
            return partners.browse()
        served = self.env["helpdesk.ticket"]._read_group(
            [("commercial_partner_id", "in", partners.ids)],
            ["commercial_partner_id"],
        )
        return partners.browse([partner.id for (partner,) in served])

    # ------------------------------------------------------------------
    # Purchases
    # ------------------------------------------------------------------
    @api.depends_context("uid", "allowed_company_ids")
    def _compute_cs_purchase_profile(self):
        visible = self._cs_profile_partners()
        orders = self._cs_order_figures(visible)
        products, categories = self._cs_favourites(visible)
        for partner in self:
            company_partner = partner.commercial_partner_id
            count, amount, first, last = orders.get(company_partner, (0, 0.0, 0, 0))
            partner.cs_profile_visible = company_partner in visible
            partner.cs_currency_id = self.env.company.currency_id
            partner.cs_order_count = count
            partner.cs_order_amount = amount
            partner.cs_first_order_date = first or False
            partner.cs_last_order_date = last or False
            partner.cs_order_interval_days = (
                (last - first) / timedelta(days=1) / (count - 1) if count > 1 else 0.0
            )
            partner.cs_favourite_product_ids = products.get(company_partner, [])
            partner.cs_favourite_categ_ids = categories.get(company_partner, [])
        self._cs_set_satisfaction(visible)

    def _cs_order_figures(self, partners):
        """``{commercial partner: (count, amount, first date, last date)}``
        of the purchases in the user's companies: one grouped query."""
        if not partners:
            return {}
        # the profile is shown to the customers' agents, who read their own
        # orders only: the figures are read in SQL, for the customers
        # _cs_profile_partners lets the user see
        rows = self.env.execute_query(
            SQL(
                """
                SELECT partner_id, COUNT(*), SUM(amount), MIN(date), MAX(date)
                  FROM (%s) purchase
                 WHERE partner_id = ANY(%s) AND company_id = ANY(%s)
                 GROUP BY partner_id
                """,
                self._cs_purchases_sql(),
                partners.ids,
                self.env.companies.ids,
            )
        )
        return {partners.browse(partner_id): tuple(rest) for partner_id, *rest in rows}

    def _cs_favourites(self, partners):
        """The products most bought (quantity) and the categories most spent
        on, per commercial partner: one grouped query over the purchases'
        lines."""
        if not partners:
            return {}, {}
        rows = self.env.execute_query(
            SQL(
                """
                SELECT partner_id, product_id, SUM(quantity), SUM(amount)
                  FROM (%s) line
                 WHERE partner_id = ANY(%s) AND company_id = ANY(%s)
                 GROUP BY partner_id, product_id
                """,
                self._cs_purchase_lines_sql(),
                partners.ids,
                self.env.companies.ids,
            )
        )
        products = self.env["product.product"].browse({row[1] for row in rows})
        product_by_id = {product.id: product for product in products}
        quantities = defaultdict(lambda: defaultdict(float))
        spent = defaultdict(lambda: defaultdict(float))
        for partner_id, product_id, quantity, total in rows:
            key = partners.browse(partner_id)
            product = product_by_id[product_id]
            quantities[key][product] += quantity
            spent[key][product.categ_id] += total
        return self._cs_top(quantities), self._cs_top(spent)

    @staticmethod
    def _cs_top(scores_by_partner):
        return {
            partner: [
                record.id
                for record in sorted(scores, key=lambda r: (-scores[r], r.id))[
                    :FAVOURITES
                ]
            ]
            for partner, scores in scores_by_partner.items()
        }

    # ------------------------------------------------------------------
    # What a purchase is: the one definition the profile, the tier rules and
    # the loyalty report read (cs_pos adds the till's receipts)
    # ------------------------------------------------------------------
    @api.model
    def _cs_purchases_sql(self):
        """SQL: one row per purchase, ``partner_id`` (the customer's
        commercial partner), ``company_id``, ``date`` and ``amount`` (taxes
        included): the confirmed sale orders."""
        return self._cs_reading(
            SQL(
                """
                SELECT p.commercial_partner_id AS partner_id, so.company_id,
                       so.date_order AS date, so.amount_total AS amount
                  FROM sale_order so
                  JOIN res_partner p ON p.id = so.partner_id
                 WHERE %s
                """,
                SOLD,
            ),
            {
                "sale.order": (
                    "partner_id",
                    "company_id",
                    "date_order",
                    "amount_total",
                    "state",
                ),
                "res.partner": ("commercial_partner_id",),
            },
        )

    @api.model
    def _cs_purchase_lines_sql(self):
        """SQL: one row per product line of the purchases of
        ``_cs_purchases_sql``, ``partner_id``, ``company_id``, ``product_id``,
        ``quantity`` and ``amount`` (taxes included)."""
        return self._cs_reading(
            SQL(
                """
                SELECT p.commercial_partner_id AS partner_id, so.company_id,
                       sol.product_id, sol.product_uom_qty AS quantity,
                       sol.price_total AS amount
                  FROM sale_order_line sol
                  JOIN sale_order so ON so.id = sol.order_id
                  JOIN res_partner p ON p.id = so.partner_id
                 WHERE %s AND sol.product_id IS NOT NULL
                """,
                SOLD,
            ),
            {
                "sale.order.line": (
                    "order_id",
                    "product_id",
                    "product_uom_qty",
                    "price_total",
                ),
                "sale.order": ("partner_id", "company_id", "state"),
                "res.partner": ("commercial_partner_id",),
            },
        )

    @api.model
    def _cs_reading(self, sql, fields_by_model):
        """``sql`` carrying the stored fields it reads, which
        ``env.execute_query`` flushes before running it."""
        return SQL("").join(
            [
                sql,
                *(
                    SQL(to_flush=self.env[model]._fields[name])
                    for model, names in fields_by_model.items()
                    for name in names
                ),
            ]
        )

    # ------------------------------------------------------------------
    # Satisfaction
    # ------------------------------------------------------------------
    def _cs_set_satisfaction(self, visible):
        recent, before = self._cs_average_ratings(visible)
        for partner in self:
            key = partner.commercial_partner_id
            partner.cs_satisfaction_recent = recent.get(key, 0.0)
            partner.cs_satisfaction_before = before.get(key, 0.0)
            partner.cs_satisfaction_trend = self._cs_trend(
                recent.get(key), before.get(key)
            )

    @staticmethod
    def _cs_trend(recent, before):
        if not recent or not before:
            return False
        if recent - before >= TREND_STEP:
            return "better"
        if before - recent >= TREND_STEP:
            return "worse"
        return "steady"

    def _cs_average_ratings(self, partners):
        """``({commercial partner: average}, {commercial partner: average})``
        of the tickets' ratings given in the last six months (this month
        included), and in the twelve months before: one grouped query."""
        if not partners:
            return {}, {}
        this_month = fields.Date.context_today(self).replace(day=1)
        since = this_month - relativedelta(months=RECENT_MONTHS - 1)
        start = since - relativedelta(months=BEFORE_MONTHS)
        # as the system, for the customers whose profile the user sees
        rows = (
            self.env["rating.rating"]
            .sudo()
            ._read_group(
                [
                    ("partner_id.commercial_partner_id", "in", partners.ids),
                    ("res_model", "=", "helpdesk.ticket"),
                    ("consumed", "=", True),
                    ("rating", ">", 0),
                    ("write_date", ">=", start),
                ],
                ["partner_id", "write_date:month"],
                ["rating:sum", "__count"],
            )
        )
        sums = {
            True: defaultdict(lambda: [0.0, 0]),
            False: defaultdict(lambda: [0.0, 0]),
        }
        for partner, month, total, count in rows:
            bucket = sums[month.date() >= since][partner.commercial_partner_id]
            bucket[0] += total
            bucket[1] += count
        return tuple(
            {partner: total / count for partner, (total, count) in sums[key].items()}
            for key in (True, False)
        )
