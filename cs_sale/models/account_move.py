from odoo import fields, models

from odoo.addons.cs_management.models.record_access import boolean_search, is_cs_staff


def reads_invoices(env):
    """Customer Service staff read the company's invoices and credit notes
    only with Odoo's billing rights (store managers or accounting)."""
    return not is_cs_staff(env) or env.user.has_group("account.group_account_invoice")


class AccountMove(models.Model):
    _inherit = "account.move"

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
