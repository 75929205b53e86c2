from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """Settings of the agent's desk automations (DESK-4)."""

    _inherit = "res.company"

    cs_idle_days = fields.Integer(
        string="Customer Silent For (working days)",
        default=3,
        help="A ticket waiting for the customer's feedback with no answer for "
        "this many working days gets one reminder; as many days after the "
        "reminder it is closed (complaints go on to the follow-up visit).",
    )

    @api.constrains("cs_idle_days")
    def _check_cs_idle_days(self):
        if any(company.cs_idle_days < 1 for company in self):
            raise ValidationError(
                _("The customer's silence must last at least 1 working day.")
            )
