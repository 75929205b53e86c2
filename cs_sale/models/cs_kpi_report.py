from odoo import models, tools
from odoo.tools import SQL

from .res_partner_purchase import SOLD, SOLD_STATE

# the KPI view filters orders by day, and asks whether a won deal was sold;
# uninstall_hook drops them (Odoo keeps an index it did not name)
ORDER_INDEXES = (
    ("sale_order_cs_sold_day_idx", "sale_order", "(date_order::date)"),
    ("sale_order_cs_sold_opportunity_idx", "sale_order", "opportunity_id"),
)
# SOLD on the table alone: the indexes' predicate
SOLD_ROWS = f"state = '{SOLD_STATE}'"
# context key of the uninstall hook: the view as cs_management alone builds it
WITHOUT_ORDERS = "cs_kpi_without_orders"


class CsKpiReport(models.Model):
    """KPI-8 with the Sales app: a store's sales are its confirmed orders
    (untaxed, in the company's currency, on the day ordered, to the
    salesperson) and the won deals that never became an order, so that a
    deal and its order count once. The sales targets' actual reads it."""

    _inherit = "cs.kpi.report"

    def _with_orders(self):
        return not self.env.context.get(WITHOUT_ORDERS)

    def _streams(self):
        streams = super()._streams()
        if self._with_orders():
            streams.append(self._order_stream())
        return streams

    def _won_deal_revenue(self):
        if not self._with_orders():
            return super()._won_deal_revenue()
        return SQL(
            """CASE WHEN ls.is_won AND NOT EXISTS (
                   SELECT 1 FROM sale_order so
                    WHERE so.opportunity_id = l.id AND %s)
               THEN l.expected_revenue ELSE 0 END""",
            SOLD,
        )

    def _order_stream(self):
        return self._stream(
            SQL(
                "so.date_order::date AS date, so.user_id, NULL::integer, s.id,"
                " so.company_id"
            ),
            {
                "sales_amount": SQL(
                    "so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1)"
                )
            },
            SQL(
                """FROM sale_order so
                   LEFT JOIN cs_store s
                          ON s.crm_team_id = so.team_id AND s.company_id = so.company_id
                  WHERE %s""",
                SOLD,
            ),
            grouped=False,
        )

    def init(self):
        if self._with_orders():
            for name, table, expression in ORDER_INDEXES:
                tools.create_index(
                    self.env.cr, name, table, [expression], where=SOLD_ROWS
                )
        return super().init()
