from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# who reads the till receipts on a ticket: the service staff (their customers'
# receipts) and the point-of-sale users (every receipt)
POS_READERS = "cs_management.group_cs_agent,point_of_sale.group_pos_user"


class HelpdeskTicket(models.Model):
    """The customer's till receipts on the ticket, beside its sale orders
    (cs_sale): their lines read without leaving the ticket."""

    _inherit = "helpdesk.ticket"

    cs_pos_order_ids = fields.Many2many(
        "pos.order",
        "cs_helpdesk_ticket_pos_order_rel",
        "ticket_id",
        "pos_order_id",
        string="Till Receipts",
        copy=False,
        check_company=True,
        groups=POS_READERS,
        domain="[('partner_id', 'child_of', commercial_partner_id), "
        "('state', 'in', ('paid', 'done', 'invoiced'))]",
        help="The customer's point-of-sale orders this ticket is about.",
    )
    cs_pos_line_ids = fields.Many2many(
        "pos.order.line",
        string="Receipt Lines",
        compute="_compute_cs_pos_line_ids",
        groups=POS_READERS,
    )

    @api.depends("cs_pos_order_ids")
    def _compute_cs_pos_line_ids(self):
        for ticket in self:
            ticket.cs_pos_line_ids = ticket.cs_pos_order_ids.lines

    @api.constrains("cs_pos_order_ids", "commercial_partner_id")
    def _check_cs_pos_orders(self):
        for ticket in self:
            # as the system: a receipt the user may not read is refused as
            # another customer's, not hidden behind an access error
            strangers = ticket.sudo().cs_pos_order_ids.filtered(
                lambda order, ticket=ticket: (
                    not order.partner_id
                    or order.partner_id.commercial_partner_id
                    != ticket.commercial_partner_id
                )
            )
            if strangers:
                raise ValidationError(
                    _(
                        "%(ticket)s can only name till receipts of its customer.",
                        ticket=ticket.display_name,
                    )
                )
