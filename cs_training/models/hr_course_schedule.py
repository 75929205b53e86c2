from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError


class HrCourseSchedule(models.Model):
    """A session of a course: trainer, dates, place, attendees and attendance."""

    _name = "hr.course.schedule"
    _inherit = ["hr.course.schedule", "mail.activity.mixin"]

    authorized_by = fields.Many2one(default=lambda self: self.env.user.employee_id)
    cs_trainer_id = fields.Many2one(
        "res.users",
        string="Trainer",
        default=lambda self: self.env.user,
        tracking=True,
        help="Gives the session and scores the practical exams.",
    )
    cs_hours = fields.Float(
        string="Hours",
        compute="_compute_cs_hours",
        store=True,
        readonly=False,
        help="Training hours an attendee present at this session earns.",
    )
    cs_plan_line_id = fields.Many2one(
        "cs.training.plan.line", string="Plan Line", index=True, ondelete="set null"
    )
    cs_assessment_ids = fields.One2many(
        "cs.training.assessment", "schedule_id", string="Assessments"
    )
    cs_attendee_count = fields.Integer(
        string="Attendee Count", compute="_compute_cs_attendee_count"
    )

    @api.depends("course_id")
    def _compute_cs_hours(self):
        for session in self:
            session.cs_hours = session.course_id.cs_duration_hours

    @api.depends("attendant_ids")
    def _compute_cs_attendee_count(self):
        for session in self:
            session.cs_attendee_count = len(session.attendant_ids)

    def waiting2inprogress(self):
        res = super().waiting2inprogress()
        self.course_attendee_ids._cs_open_assessment()
        # hr_course's transition returns nothing, which XML-RPC cannot send
        return True if res is None else res

    def all_passed(self):
        """hr_course's one-click pass: service training is decided by its exams."""
        if any(self.mapped("course_id.cs_service_training")):
            raise UserError(
                _(
                    "Service training is passed through its exams, not marked passed "
                    "by hand."
                )
            )
        super().all_passed()
        return True

    def _cs_enrol(self, employees, **attendee_values):
        """Enrol ``employees`` in this session; return their new enrolments.

        Employees already enrolled are left alone. The attendees are created
        at once (not when the session starts, as ``hr_course`` does) so that
        they carry why they were enrolled.
        """
        self.ensure_one()
        enrolled = self.course_attendee_ids.employee_id
        newcomers = employees - enrolled
        if not newcomers:
            return self.env["hr.course.attendee"]
        self.attendant_ids = [Command.link(employee.id) for employee in newcomers]
        # why they were enrolled is recorded by the process, after the user's
        # own right to change the session was checked just above
        enrolments = (
            self.env["hr.course.attendee"]
            .sudo()
            .create(
                [
                    dict(self._attendee_values(employee), **attendee_values)
                    for employee in newcomers
                ]
            )
        )
        return enrolments.with_env(self.env)

    def action_view_cs_assessments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_training.action_cs_training_assessment"
        )
        action["domain"] = [("schedule_id", "=", self.id)]
        return action
