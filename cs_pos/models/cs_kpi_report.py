from odoo import models, tools
from odoo.tools import SQL

# the KPI view filters receipts by day; uninstall_hook drops it
TILL_DAY_INDEX = "pos_order_cs_sold_day_idx"
# context key of the uninstall hook: the view without the till
UNINSTALLING = "cs_pos_uninstalling"

# a receipt paid, posted or invoiced is a sale; a refund, negative, takes
# its amount back
SOLD_AT_THE_TILL = SQL("po.state IN ('paid', 'done', 'invoiced')")


class CsKpiReport(models.Model):
    """KPI-8 with the till: a store also sells through the points of sale it
    holds, untaxed, in the company's currency, on the day of the receipt,
    to the cashier; refunds take their amount back."""

    _inherit = "cs.kpi.report"

    def _with_till(self):
        return self._with_orders() and not self.env.context.get(UNINSTALLING)

    def _streams(self):
        streams = super()._streams()
        if self._with_till():
            streams.append(self._till_stream())
        return streams

    def _till_stream(self):
        return self._stream(
            SQL(
                "po.date_order::date AS date, po.user_id, NULL::integer,"
                " pc.cs_store_id, po.company_id"
            ),
            {
                "sales_amount": SQL(
                    "(po.amount_total - po.amount_tax)"
                    " / COALESCE(NULLIF(po.currency_rate, 0), 1)"
                )
            },
            SQL(
                """FROM pos_order po
                   JOIN pos_session ps ON ps.id = po.session_id
                   JOIN pos_config pc ON pc.id = ps.config_id
                  WHERE %s""",
                SOLD_AT_THE_TILL,
            ),
            grouped=False,
        )

    def init(self):
        if self._with_till():
            # the view reads the tills' store, whose column Odoo may create
            # after this view when the addon is installed
            if not tools.sql.column_exists(self.env.cr, "pos_config", "cs_store_id"):
                self.env["pos.config"]._auto_init()
            tools.create_index(
                self.env.cr, TILL_DAY_INDEX, "pos_order", ["(date_order::date)"]
            )
        return super().init()
