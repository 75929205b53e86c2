from odoo import fields, models

from odoo.addons.cs_management.models.record_access import boolean_search


class PosOrder(models.Model):
    _inherit = "pos.order"

    # for the record rules of Customer Service users (security/pos_security.xml)
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
        """The receipts of the customers of the tickets the user may read,
        as its sale orders (cs_sale); every receipt for the point-of-sale
        users, who keep Odoo's own rights."""
        if self.env.user.has_group("point_of_sale.group_pos_user"):
            return [(1, "=", 1)]
        return self.env["sale.order"]._cs_readable_domain()
