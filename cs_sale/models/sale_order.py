from odoo import models

from odoo.addons.cs_management.models.record_access import (
    accessible_ids_query,
    is_cs_staff,
)


def bounded_by_tickets(env):
    """Whether the user's sale orders are those of the customers of the
    tickets it may read: Customer Service staff below the CS manager."""
    return is_cs_staff(env) and not env.user.has_group("cs_management.group_cs_manager")


class SaleOrder(models.Model):
    # for the record rules of Customer Service users (security/orders_security.xml)
    _name = "sale.order"
    _inherit = ["sale.order", "cs.order.readable"]

    def _cs_readable_domain(self):
        if not bounded_by_tickets(self.env):
            return [(1, "=", 1)]
        tickets = accessible_ids_query(self.env, "helpdesk.ticket")
        if tickets is None:
            return [(0, "=", 1)]
        customers = (
            self.env["helpdesk.ticket"]
            .sudo()
            .with_context(active_test=False)
            ._search([("id", "in", tickets), ("commercial_partner_id", "!=", False)])
        )
        return [
            (
                "partner_id.commercial_partner_id",
                "in",
                customers.subselect("commercial_partner_id"),
            )
        ]
