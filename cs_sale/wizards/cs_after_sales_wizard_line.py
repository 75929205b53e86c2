from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare


class CsAfterSalesWizardLine(models.TransientModel):
    """A delivered order line and the quantity the request is for."""

    _name = "cs.after.sales.wizard.line"
    _description = "After-Sales Request Line"

    wizard_id = fields.Many2one(
        "cs.after.sales.wizard", required=True, ondelete="cascade"
    )
    sale_line_id = fields.Many2one("sale.order.line", required=True)
    product_id = fields.Many2one(related="sale_line_id.product_id")
    picking_id = fields.Many2one("stock.picking", string="Delivery")
    move_id = fields.Many2one("stock.move")
    uom_id = fields.Many2one("uom.uom", string="Unit", required=True)
    delivered_quantity = fields.Float(
        string="Returnable", digits="Product Unit of Measure"
    )
    quantity = fields.Float(digits="Product Unit of Measure")
    delivered_on = fields.Date()
    return_deadline = fields.Date(compute="_compute_return_deadline")
    out_of_window = fields.Boolean(compute="_compute_return_deadline")

    @api.model
    def _values_of(self, order):
        """One line per delivered move of the order (rma_sale's reading of
        what may still be returned)."""
        values = []
        for sale_line in order.order_line.filtered(lambda line: not line.display_type):
            for data in sale_line.prepare_sale_rma_data():
                picking = data["picking"] or self.env["stock.picking"]
                move = picking.move_ids.filtered(
                    lambda move, sl=sale_line: (
                        move.sale_line_id == sl and move.state == "done"
                    )
                )[:1]
                values.append(
                    {
                        "sale_line_id": sale_line.id,
                        "picking_id": picking.id,
                        "move_id": move.id,
                        "uom_id": data["uom"].id,
                        "delivered_quantity": data["quantity"],
                        "delivered_on": picking.date_done
                        and fields.Datetime.context_timestamp(
                            self, picking.date_done
                        ).date(),
                    }
                )
        return values

    @api.depends("delivered_on", "product_id.categ_id.cs_return_days")
    def _compute_return_deadline(self):
        today = fields.Date.context_today(self)
        for line in self:
            deadline = (
                line.delivered_on
                and line.product_id.categ_id._cs_return_deadline(line.delivered_on)
            )
            line.return_deadline = deadline
            line.out_of_window = bool(deadline and today > deadline)

    @api.constrains("quantity", "delivered_quantity")
    def _check_quantity(self):
        for line in self:
            if (
                line.quantity < 0
                or float_compare(
                    line.quantity,
                    line.delivered_quantity,
                    precision_rounding=line.uom_id.rounding,
                )
                > 0
            ):
                raise ValidationError(
                    _(
                        "%(product)s: between 0 and %(quantity)s can be returned "
                        "or sent again.",
                        product=line.product_id.display_name,
                        quantity=line.delivered_quantity,
                    )
                )

    def _check_against_order(self, order):
        """The lines as the order's deliveries stand now: what a client sent
        for the delivery or the returnable quantity is not trusted."""
        current = {
            (values["sale_line_id"], values["picking_id"]): values
            for values in self._values_of(order)
        }
        for line in self:
            known = current.get((line.sale_line_id.id, line.picking_id.id))
            if (
                not known
                or known["move_id"] != line.move_id.id
                or float_compare(
                    line.quantity,
                    known["delivered_quantity"],
                    precision_rounding=line.uom_id.rounding,
                )
                > 0
            ):
                raise UserError(
                    _(
                        "%(product)s: the order's deliveries do not allow this "
                        "quantity; start the request again.",
                        product=line.product_id.display_name,
                    )
                )

    def _rma_values(self, operation, description, override_reason):
        self.ensure_one()
        order = self.sale_line_id.order_id
        values = {
            "cs_ticket_id": self.wizard_id.ticket_id.id,
            "user_id": self.env.uid,
            "partner_id": order.partner_id.id,
            "partner_invoice_id": order.partner_invoice_id.id,
            "partner_shipping_id": order.partner_shipping_id.id,
            "origin": order.name,
            "company_id": order.company_id.id,
            "location_id": order.warehouse_id.rma_loc_id.id,
            "order_id": order.id,
            "picking_id": self.picking_id.id,
            "move_id": self.move_id.id,
            "product_id": self.product_id.id,
            "product_uom_qty": self.quantity,
            "product_uom": self.uom_id.id,
            "operation_id": operation.id,
            "description": description,
        }
        if override_reason:  # a supervisor's field
            values["cs_window_override_reason"] = override_reason
        return values
