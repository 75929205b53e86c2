from odoo import fields, models

from .selections import TICKET_KINDS


class HelpdeskTicketStageRequirement(models.Model):
    """A field a ticket of some kind must have filled to enter a stage."""

    _name = "helpdesk.ticket.stage.requirement"
    _description = "Stage Requirement"
    _order = "stage_id, sequence, id"

    sequence = fields.Integer(default=10)
    stage_id = fields.Many2one(
        "helpdesk.ticket.stage", required=True, ondelete="cascade", index=True
    )
    field_id = fields.Many2one(
        "ir.model.fields",
        string="Required Field",
        required=True,
        ondelete="cascade",
        domain=[("model", "=", "helpdesk.ticket"), ("store", "=", True)],
    )
    kind = fields.Selection(
        TICKET_KINDS,
        help="Only tickets of this kind need the field; empty: every ticket.",
    )

    def _applies_to(self, kind):
        return not self.kind or self.kind == kind
