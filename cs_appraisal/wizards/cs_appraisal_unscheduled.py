from odoo import fields, models

from ..models.cs_appraisal_period import KINDS


class CsAppraisalUnscheduled(models.TransientModel):
    """A CS manager opens an appraisal of one employee outside the monthly
    round (004 §5.2.3)."""

    _name = "cs.appraisal.unscheduled"
    _description = "Unscheduled Appraisal"

    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        domain=[("cs_role_id", "!=", False)],
        default=lambda self: self.env.context.get("default_employee_id"),
    )
    kind = fields.Selection(KINDS, required=True, default="monthly")
    date = fields.Date(
        string="Period Of",
        required=True,
        default=fields.Date.context_today,
        help="Any day of the month (or year) appraised; the first day of a "
        "custom period.",
    )
    date_to = fields.Date(string="To", help="The last day of a custom period.")
    reason = fields.Text(required=True)

    def action_open(self):
        self.ensure_one()
        form = self.env["cs.appraisal"]._cs_open_unscheduled(
            self.employee_id, self.kind, self.date, self.reason, self.date_to
        )
        return form.get_formview_action()
