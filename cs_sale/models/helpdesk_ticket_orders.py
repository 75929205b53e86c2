from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    """The customer's orders on the ticket (helpdesk_mgmt_sale's link): their
    lines and deliveries, read without leaving the ticket."""

    _inherit = "helpdesk.ticket"

    cs_order_line_ids = fields.Many2many(
        "sale.order.line",
        string="Order Lines",
        compute="_compute_cs_order_documents",
    )
    cs_delivery_ids = fields.Many2many(
        "stock.picking",
        string="Deliveries",
        compute="_compute_cs_order_documents",
    )

    @api.depends("sale_order_ids")
    def _compute_cs_order_documents(self):
        for ticket in self:
            orders = ticket.sale_order_ids
            ticket.cs_order_line_ids = orders.order_line.filtered(
                lambda line: not line.display_type
            )
            ticket.cs_delivery_ids = orders.picking_ids
