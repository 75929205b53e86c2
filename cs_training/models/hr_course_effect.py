from odoo import fields, models

from .hr_course_attendee_effect import EFFECT_FIELDS
from .training_effect import DEFAULT_WEEKS, effect_counts, pooled, side_by_side


class HrCourse(models.Model):
    """The course's effectiveness (TRN-8): the KPIs of all its attendees in
    the weeks before and after their sessions, added up."""

    _inherit = "hr.course"

    cs_effect_weeks = fields.Integer(
        string="Weeks Measured",
        default=DEFAULT_WEEKS,
        help="Weeks of service compared before and after each session.",
    )
    cs_effect_iqs = fields.Char(string="IQS", compute="_compute_cs_effect")
    cs_effect_resolution = fields.Char(
        string="Resolution (%)", compute="_compute_cs_effect"
    )
    cs_effect_rating = fields.Char(string="Rating", compute="_compute_cs_effect")
    cs_effect_complaints = fields.Char(
        string="Complaints (%)", compute="_compute_cs_effect"
    )

    def _compute_cs_effect(self):
        attendees = (
            self.env["hr.course.attendee"]
            .sudo()
            .search([("cs_course_id", "in", self.ids)])
        )
        counts = effect_counts(self.env, attendees)
        for course in self:
            own = attendees.filtered(lambda a, c=course: a.cs_course_id == c)
            both = pooled(counts, own) if own else None
            for suffix, kpi in EFFECT_FIELDS.items():
                course[f"cs_effect_{suffix}"] = both and side_by_side(*both, kpi)
