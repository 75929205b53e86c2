from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from ..models.rma import OVERRIDE_GROUP, check_may_override
from ..models.rma_operation import AFTER_SALES_KINDS


class CsAfterSalesWizard(models.TransientModel):
    """Return, Exchange or Reshipment of order lines, started from a ticket:
    one OCA RMA per line, confirmed, linked to the ticket."""

    _name = "cs.after.sales.wizard"
    _description = "Start an After-Sales Request"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade")
    kind = fields.Selection(AFTER_SALES_KINDS, required=True, default="return")
    allowed_order_ids = fields.Many2many(related="ticket_id.sale_order_ids")
    order_id = fields.Many2one(
        "sale.order",
        required=True,
        domain="[('id', 'in', allowed_order_ids)]",
    )
    line_ids = fields.One2many(
        "cs.after.sales.wizard.line",
        "wizard_id",
        string="Lines",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
    )
    description = fields.Text(string="Reason")
    out_of_window = fields.Boolean(compute="_compute_out_of_window")
    window_override_reason = fields.Char(
        string="Override Reason",
        groups=OVERRIDE_GROUP,
        help="Why the goods are taken back after their return window; logged "
        "in the ticket.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        check_may_override(self.env, vals_list, "window_override_reason")
        return super().create(vals_list)

    @api.depends("order_id")
    def _compute_line_ids(self):
        for wizard in self:
            wizard.line_ids = [Command.clear()] + [
                Command.create(values)
                for values in wizard.env["cs.after.sales.wizard.line"]._values_of(
                    wizard.order_id
                )
            ]

    @api.depends("kind", "line_ids.out_of_window", "line_ids.quantity")
    def _compute_out_of_window(self):
        for wizard in self:
            wizard.out_of_window = bool(wizard._late_lines())

    def _late_lines(self):
        if self.kind == "reshipment":  # nothing comes back
            return self.line_ids.browse()
        return self.line_ids.filtered(lambda line: line.quantity and line.out_of_window)

    def action_start(self):
        self.ensure_one()
        if self.order_id not in self.ticket_id.sale_order_ids:
            raise UserError(_("Pick one of the orders of the ticket."))
        lines = self.line_ids.filtered("quantity")
        if not lines:
            raise UserError(_("Enter the quantity of at least one order line."))
        lines._check_against_order(self.order_id)
        operation = self._operation()
        reason = (
            self._late_lines()
            and self.env.user.has_group(OVERRIDE_GROUP)
            and self.window_override_reason
        )
        rmas = self.env["rma"].create(
            [line._rma_values(operation, self.description, reason) for line in lines]
        )
        rmas.action_confirm()
        return self.ticket_id.action_cs_view_rmas() if len(rmas) > 1 else True

    def _operation(self):
        operation = self.env["rma.operation"].search(
            [("cs_kind", "=", self.kind)], limit=1
        )
        if not operation:
            raise UserError(
                _(
                    "No RMA operation is set for this after-sales kind: ask your "
                    "administrator to choose one (RMA → Configuration → "
                    "Operations)."
                )
            )
        return operation
