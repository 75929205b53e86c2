from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError


class CsAppraisal(models.Model):
    """Unscheduled appraisals (004 §5.2.3): besides the monthly round, a CS
    manager appraises one employee whenever the work asks for it, on the
    same form and through the same steps."""

    _inherit = "cs.appraisal"

    unscheduled = fields.Boolean(
        readonly=True,
        help="Opened by a CS manager for this employee alone, outside the "
        "monthly round.",
    )

    @api.model
    def _cs_open_unscheduled(self, employee, kind, day, reason, date_to=None):
        """The form of ``employee`` for the month (or year) of ``day``, its
        period opened if the round has not yet, or for the custom period from
        ``day`` to ``date_to``; one form a period."""
        if not (
            self.env.su or self.env.user.has_group("cs_management.group_cs_manager")
        ):
            raise AccessError(_("Only a CS manager can open an unscheduled appraisal."))
        if kind == "custom":
            start = day
        else:
            start = fields.Date.start_of(day, "year" if kind == "annual" else "month")
        period = self.env["cs.appraisal.period"]._ensure(
            employee.company_id, kind, start, date_to
        )
        existing = self.search(
            [("period_id", "=", period.id), ("employee_id", "=", employee.id)]
        )
        if existing:
            raise UserError(
                _(
                    "%(employee)s already has an appraisal for %(period)s: open "
                    "that one.",
                    employee=employee.name,
                    period=period.display_name,
                )
            )
        form = self.create(
            {"period_id": period.id, "employee_id": employee.id, "unscheduled": True}
        )
        form.message_post(
            body=Markup("<p>%s</p>")
            % _("Unscheduled appraisal: %(reason)s", reason=reason),
            subtype_xmlid="mail.mt_note",
        )
        return form
