from odoo import api, models
from odoo.tools import SQL

from .cs_kpi_report import SOLD_AT_THE_TILL, UNINSTALLING

# a till receipt is a purchase once paid (then posted or invoiced); a refund,
# its total negative, is none, as a credit note is none for a sale order
PAID = SQL("%s AND po.amount_total >= 0", SOLD_AT_THE_TILL)


class ResPartner(models.Model):
    """The till's paid receipts are purchases too: the purchase profile, the
    tier rules and the loyalty report read them with the sale orders."""

    _inherit = "res.partner"

    @api.model
    def _cs_purchases_sql(self):
        if self.env.context.get(UNINSTALLING):
            return super()._cs_purchases_sql()
        return SQL(
            "%s UNION ALL %s",
            super()._cs_purchases_sql(),
            self._cs_reading(
                SQL(
                    """
                    SELECT p.commercial_partner_id AS partner_id, po.company_id,
                           po.date_order AS date, po.amount_total AS amount
                      FROM pos_order po
                      JOIN res_partner p ON p.id = po.partner_id
                     WHERE %s
                    """,
                    PAID,
                ),
                {
                    "pos.order": (
                        "partner_id",
                        "company_id",
                        "date_order",
                        "amount_total",
                        "state",
                    ),
                },
            ),
        )

    @api.model
    def _cs_purchase_lines_sql(self):
        return SQL(
            "%s UNION ALL %s",
            super()._cs_purchase_lines_sql(),
            self._cs_reading(
                SQL(
                    """
                    SELECT p.commercial_partner_id AS partner_id, po.company_id,
                           pol.product_id, pol.qty AS quantity,
                           pol.price_subtotal_incl AS amount
                      FROM pos_order_line pol
                      JOIN pos_order po ON po.id = pol.order_id
                      JOIN res_partner p ON p.id = po.partner_id
                     WHERE %s
                    """,
                    PAID,
                ),
                {
                    "pos.order.line": (
                        "order_id",
                        "product_id",
                        "qty",
                        "price_subtotal_incl",
                    ),
                    "pos.order": ("partner_id", "company_id", "amount_total", "state"),
                },
            ),
        )
