from odoo import fields, models


class CsRootCause(models.Model):
    """Why complaints happen; complaint reviews group by it (CMP-7)."""

    _name = "cs.root.cause"
    _description = "Complaint Root Cause"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    cs_about_staff = fields.Boolean(
        string="About Staff",
        help="Complaints with this cause count as complaints about staff (KPI-4).",
    )
