from odoo import fields, models

from odoo.addons.cs_management.models.record_access import boolean_search, is_cs_staff


def reads_invoices(env):
    """Customer Service staff read the company's invoices and credit notes
    only with Odoo's billing rights (store managers or accounting)."""
    return not is_cs_staff(env) or env.user.has_group("account.group_account_invoice")


class CsBillingReadable(models.AbstractModel):
    """The field the record rules of Customer Service users read on the
    accounting documents (security/orders_security.xml): true for whoever
    may read invoices, for any record."""

    _name = "cs.billing.readable"
    _description = "Readable by the User's Billing Rights"

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
