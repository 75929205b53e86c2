from odoo import api, fields, models


class CsAppraisal(models.Model):
    """The commendations and disciplinary records of the appraised employee
    that fall in the period (003 §5.2.2, 004 §5.2.4), as the reader may see
    them: the record rules of cs.conduct.record decide."""

    _inherit = "cs.appraisal"

    conduct_record_ids = fields.Many2many(
        "cs.conduct.record",
        string="Commendations and Discipline",
        compute="_compute_conduct_record_ids",
    )

    @api.depends("employee_id", "period_id.date_from", "period_id.date_to")
    def _compute_conduct_record_ids(self):
        Record = self.env["cs.conduct.record"]
        if not Record.has_access("read"):
            # a reader without the right (a trainer) sees none, not an error
            self.conduct_record_ids = Record
            return
        periods = self.period_id
        records = Record.search(
            [
                ("employee_id", "in", self.employee_id.ids),
                ("date", ">=", min(periods.mapped("date_from"), default=None)),
                ("date", "<=", max(periods.mapped("date_to"), default=None)),
            ]
            if periods
            else [("id", "=", False)]
        )
        for form in self:
            period = form.period_id
            form.conduct_record_ids = records.filtered(
                lambda record, form=form, period=period: (
                    record.employee_id == form.employee_id
                    and period.date_from <= record.date <= period.date_to
                )
            )
