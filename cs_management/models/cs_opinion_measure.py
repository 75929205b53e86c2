from odoo import fields, models

from .selections import SEVERITIES


class CsOpinionMeasure(models.Model):
    """What to do about a public-opinion incident of a severity (SOC-2)."""

    _name = "cs.opinion.measure"
    _description = "Public-opinion Response Measure"
    _order = "severity, sequence, id"

    sequence = fields.Integer(default=10)
    severity = fields.Selection(SEVERITIES, required=True)
    name = fields.Char(string="Measure", required=True, translate=True)
