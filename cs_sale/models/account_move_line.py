from odoo import fields, models

from odoo.addons.cs_management.models.record_access import boolean_search

from .account_move import reads_invoices


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    # for the record rules of Customer Service users (security/orders_rules.xml)
    cs_billing_readable = fields.Boolean(
        string="Readable by the User's Billing Rights",
        compute="_compute_cs_billing_readable",
        search="_search_cs_billing_readable",
    )

    def _compute_cs_billing_readable(self):
        self.cs_billing_readable = reads_invoices(self.env)

    def _search_cs_billing_readable(self, operator, value):
        readable = [(1, "=", 1)] if reads_invoices(self.env) else [(0, "=", 1)]
        return boolean_search(operator, value, readable)
