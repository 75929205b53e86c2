from odoo import fields, models

AFTER_SALES_KINDS = [
    ("return", "Return"),
    ("exchange", "Exchange"),
    ("reshipment", "Reshipment"),
]


class RmaOperation(models.Model):
    _inherit = "rma.operation"

    cs_kind = fields.Selection(
        AFTER_SALES_KINDS,
        string="After-Sales Kind",
        help="The after-sales action of a service ticket that uses this "
        "operation: its buttons start an RMA with the operation of their kind.",
    )

    _sql_constraints = [
        (
            "cs_kind_uniq",
            "unique (cs_kind)",
            "Each after-sales kind has one operation.",
        ),
    ]
