from odoo import api, fields, models

from .selections import TICKET_KINDS


class HelpdeskTicketCategory(models.Model):
    _inherit = "helpdesk.ticket.category"

    cs_kind = fields.Selection(
        TICKET_KINDS,
        string="Kind",
        compute="_compute_cs_kind",
        store=True,
        readonly=False,
        recursive=True,
        help="What the service rules treat tickets of this category as; "
        "sub-categories take their parent's kind.",
    )
    cs_strict_stages = fields.Boolean(
        string="Strict Stage Order",
        compute="_compute_cs_strict_stages",
        store=True,
        readonly=False,
        recursive=True,
        help="Tickets of this category may not skip a stage forward.",
    )

    @api.depends("parent_id.cs_kind")
    def _compute_cs_kind(self):
        for category in self:
            category.cs_kind = category.parent_id.cs_kind or category.cs_kind

    @api.depends("parent_id.cs_strict_stages")
    def _compute_cs_strict_stages(self):
        for category in self:
            if category.parent_id:
                category.cs_strict_stages = category.parent_id.cs_strict_stages
            else:
                category.cs_strict_stages = category.cs_strict_stages
