from odoo import models


class PosOrder(models.Model):
    # for the record rules of Customer Service users (security/pos_security.xml)
    _name = "pos.order"
    _inherit = ["pos.order", "cs.order.readable"]

    def _cs_readable_domain(self):
        """The receipts of the customers of the tickets the user may read,
        as its sale orders (cs_sale); every receipt for the point-of-sale
        users, who keep Odoo's own rights."""
        if self.env.user.has_group("point_of_sale.group_pos_user"):
            return [(1, "=", 1)]
        return self.env["sale.order"]._cs_readable_domain()
