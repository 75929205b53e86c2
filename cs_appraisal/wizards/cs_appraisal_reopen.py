from odoo import fields, models


class CsAppraisalReopen(models.TransientModel):
    """Why a published appraisal goes back to calibration (APR-5)."""

    _name = "cs.appraisal.reopen"
    _description = "Reopen Appraisal"

    appraisal_ids = fields.Many2many(
        "cs.appraisal",
        string="Appraisals",
        default=lambda self: self.env.context.get("active_ids"),
    )
    reason = fields.Text(required=True)

    def action_reopen(self):
        self.appraisal_ids._cs_reopen(self.reason)
        return True
