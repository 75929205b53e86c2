from odoo import fields, models

from odoo.addons.cs_management.models.record_access import boolean_search


class CsOrderReadable(models.AbstractModel):
    """The field the record rules of Customer Service users read on what
    customers buy (sale orders, and the till's receipts with cs_pos): true
    for the orders of the customers of the tickets the user may read. A
    model says which in ``_cs_readable_domain``."""

    _name = "cs.order.readable"
    _description = "Readable as a Customer's Order of the User's Tickets"

    cs_order_readable = fields.Boolean(
        string="Of a Customer of the User's Tickets",
        compute="_compute_cs_order_readable",
        search="_search_cs_order_readable",
    )

    def _compute_cs_order_readable(self):
        readable = self.search([("id", "in", self.ids), *self._cs_readable_domain()])
        for order in self:
            order.cs_order_readable = order in readable

    def _search_cs_order_readable(self, operator, value):
        return boolean_search(operator, value, self._cs_readable_domain())

    def _cs_readable_domain(self):
        raise NotImplementedError
