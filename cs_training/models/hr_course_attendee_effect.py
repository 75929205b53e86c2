from odoo import fields, models

from .training_effect import effect_counts, side_by_side, windows

# field suffix: the KPI report's rate it shows
EFFECT_FIELDS = {
    "iqs": "qa_average",
    "resolution": "resolution_rate",
    "rating": "rating_average",
    "complaints": "agent_complaint_rate",
}


class HrCourseAttendee(models.Model):
    """The effect of a session on its attendee (TRN-8): the KPIs of the
    course's weeks before and after, the attendee's own beside the average
    of all the course's attendees (the course's figures)."""

    _inherit = "hr.course.attendee"

    cs_effect_iqs = fields.Char(string="IQS", compute="_compute_cs_effect")
    cs_effect_resolution = fields.Char(
        string="Resolution (%)", compute="_compute_cs_effect"
    )
    cs_effect_rating = fields.Char(string="Rating", compute="_compute_cs_effect")
    cs_effect_complaints = fields.Char(
        string="Complaints (%)", compute="_compute_cs_effect"
    )
    cs_course_effect_iqs = fields.Char(
        related="cs_course_id.cs_effect_iqs", string="Course IQS"
    )
    cs_course_effect_resolution = fields.Char(
        related="cs_course_id.cs_effect_resolution", string="Course Resolution (%)"
    )
    cs_course_effect_rating = fields.Char(
        related="cs_course_id.cs_effect_rating", string="Course Rating"
    )
    cs_course_effect_complaints = fields.Char(
        related="cs_course_id.cs_effect_complaints", string="Course Complaints (%)"
    )
    cs_effect_final = fields.Boolean(
        string="Measured",
        compute="_compute_cs_effect",
        help="The weeks after the session are over: the figures are final.",
    )

    def _compute_cs_effect(self):
        counts = effect_counts(self.env, self)
        today = fields.Date.context_today(self)
        for attendee in self:
            own = counts.get(attendee)
            for suffix, kpi in EFFECT_FIELDS.items():
                attendee[f"cs_effect_{suffix}"] = own and side_by_side(*own, kpi)
            attendee.cs_effect_final = bool(own) and windows(attendee)[3] < today
