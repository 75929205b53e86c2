from odoo import _, fields, models
from odoo.exceptions import AccessError, UserError

from .hr_course_attendee import HrCourseAttendee as Enrolment

# a session that has taken place, at least in part
HELD_STATES = ("in_progress", "in_validation", "completed")


class HrCourseAttendee(models.Model):
    """The attendee's written reflection after a session (002 §5.4.1): what
    was learnt and what will change at the counter. The attendee writes their
    own; whoever reads the enrolment reads it."""

    _inherit = "hr.course.attendee"
    _cs_recorded_fields = (
        *Enrolment._cs_recorded_fields,
        "cs_reflection",
        "cs_reflection_date",
    )

    cs_reflection = fields.Text(string="Reflection", readonly=True)
    cs_reflection_date = fields.Date(string="Reflected On", readonly=True)
    cs_is_mine = fields.Boolean(compute="_compute_cs_is_mine")

    def _compute_cs_is_mine(self):
        for attendee in self:
            attendee.cs_is_mine = attendee.employee_id.user_id == self.env.user

    def _cs_record_reflection(self, text):
        """Save the attendee's own reflection on a session held."""
        self.ensure_one()
        if self.employee_id.user_id != self.env.user:
            raise AccessError(
                _(
                    "Only %(employee)s writes the reflection on this training.",
                    employee=self.employee_id.name,
                )
            )
        if self.course_schedule_id.state not in HELD_STATES:
            raise UserError(_("Reflect on a session once it has taken place."))
        if not (text or "").strip():
            raise UserError(_("Write what you learnt before saving."))
        self.check_access("read")
        self.sudo().write(
            {
                "cs_reflection": text.strip(),
                "cs_reflection_date": fields.Date.context_today(self),
            }
        )

    def action_cs_reflect(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("My Reflection"),
            "res_model": "cs.training.reflection",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_attendee_id": self.id,
                "default_reflection": self.cs_reflection,
            },
        }
