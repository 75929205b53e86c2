from odoo import models


class CsCustomerReport(models.Model):
    """The loyalty report counts the till's paid receipts with the sale
    orders (``res.partner._cs_purchases_sql``): installing this addon
    rebuilds its view."""

    _inherit = "cs.customer.report"
    _depends = {
        "pos.order": [
            "partner_id",
            "company_id",
            "state",
            "amount_total",
            "date_order",
        ],
    }
