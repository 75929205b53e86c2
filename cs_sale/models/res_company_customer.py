from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    cs_lost_after_months = fields.Integer(
        string="Customer Lost After (Months)",
        default=12,
        help="A customer who bought nothing for this many months counts as lost in "
        "the customer report.",
    )

    _sql_constraints = [
        (
            "cs_lost_after_months_positive",
            "CHECK(cs_lost_after_months IS NULL OR cs_lost_after_months > 0)",
            "A customer is lost after at least one month without a purchase.",
        ),
    ]
