from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CsQaScorecard(models.Model):
    _inherit = "cs.qa.scorecard"

    cs_training_share = fields.Float(
        string="Training Need Under (%)",
        default=60,
        tracking=True,
        help="Share of a criterion's points under which a result counts as weak.",
    )
    cs_training_count = fields.Integer(
        string="Weak Results per Month",
        default=3,
        tracking=True,
        help="Weak results on the same criterion in one calendar month that open a "
        "training need for the agent (a critical failure opens one at once).",
    )

    @api.constrains("cs_training_share", "cs_training_count")
    def _check_training_threshold(self):
        for scorecard in self:
            if not 0 < scorecard.cs_training_share <= 100:
                raise ValidationError(
                    _("Set the training threshold between 0 and 100 %.")
                )
            if scorecard.cs_training_count < 1:
                raise ValidationError(
                    _("A training need takes at least one weak result.")
                )
