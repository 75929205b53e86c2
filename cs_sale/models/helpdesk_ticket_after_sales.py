from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .rma import OPEN_RMA_STATES


class HelpdeskTicket(models.Model):
    """After-sales on the ticket: the RMAs (OCA rma) started from it, and the
    stage gate that keeps it open while one of them is."""

    _inherit = "helpdesk.ticket"

    cs_rma_ids = fields.One2many("rma", "cs_ticket_id", string="After-Sales (RMAs)")
    cs_rma_count = fields.Integer(string="RMA Count", compute="_compute_cs_rma_count")

    @api.depends("cs_rma_ids")
    def _compute_cs_rma_count(self):
        # the form reads cs_rma_ids anyway: counting them costs no query
        for ticket in self:
            ticket.cs_rma_count = len(ticket.cs_rma_ids)

    def _cs_check_stage_move(self, new_stage):
        result = super()._cs_check_stage_move(new_stage)
        if new_stage.cs_step == "closed":
            self._cs_check_no_open_rma()
        return result

    def _cs_check_no_open_rma(self):
        """Whoever closes the ticket, whatever RMAs they may read: the
        after-sales documents of the ticket are counted as the system."""
        open_rmas = (
            self.env["rma"]
            .sudo()
            ._read_group(
                [("cs_ticket_id", "in", self.ids), ("state", "in", OPEN_RMA_STATES)],
                ["cs_ticket_id"],
                ["name:array_agg"],
            )
        )
        if open_rmas:
            ticket, names = open_rmas[0]
            raise UserError(
                _(
                    "%(ticket)s cannot be closed while its after-sales requests "
                    "%(rmas)s are open: finish, refund or cancel them first.",
                    ticket=ticket.display_name,
                    rmas=", ".join(names),
                )
            )

    def action_cs_view_rmas(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("rma.rma_action")
        action["domain"] = [("cs_ticket_id", "=", self.id)]
        action["context"] = {"default_cs_ticket_id": self.id}
        return action

    def action_cs_start_after_sales(self):
        """Return, Exchange or Reshipment (the button's context says which)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_sale.action_cs_after_sales_wizard"
        )
        action["context"] = {
            "default_ticket_id": self.id,
            "default_kind": self.env.context.get("cs_after_sales_kind", "return"),
            "default_order_id": self.sale_order_ids[:1].id,
        }
        return action
