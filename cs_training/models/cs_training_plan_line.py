from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .selections import TRAINING_METHODS


class CsTrainingPlanLine(models.Model):
    """A course in the annual plan: goal, method, schedule, budget."""

    _name = "cs.training.plan.line"
    _description = "Training Plan Line"
    _order = "plan_id, sequence, date_start, id"
    # the company is the plan's; the courses (hr.course) have none
    _check_company_auto = True

    plan_id = fields.Many2one(
        "cs.training.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    currency_id = fields.Many2one(related="plan_id.currency_id")
    sequence = fields.Integer(default=10)
    course_id = fields.Many2one("hr.course", required=True)
    category_id = fields.Many2one(related="course_id.category_id", string="Course Kind")
    name = fields.Char(string="Goal", help="What this training should achieve.")
    audience = fields.Char(
        help="Who should attend, e.g. new hires or all store agents."
    )
    method = fields.Selection(
        TRAINING_METHODS,
        compute="_compute_from_course",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    date_start = fields.Date(string="From")
    date_end = fields.Date(string="To")
    planned_hours = fields.Float(
        compute="_compute_from_course", store=True, readonly=False, precompute=True
    )
    participant_count = fields.Integer(string="Participants")
    budget = fields.Monetary(currency_field="currency_id")
    need_ids = fields.One2many("cs.training.need", "plan_line_id", string="Needs")
    session_ids = fields.One2many(
        "hr.course.schedule", "cs_plan_line_id", string="Sessions"
    )
    actual_cost = fields.Monetary(
        string="Spent", compute="_compute_actual_cost", currency_field="currency_id"
    )
    state = fields.Selection(
        [("planned", "Planned"), ("scheduled", "Scheduled"), ("done", "Done")],
        compute="_compute_state",
    )

    def write(self, vals):
        res = super().write(vals)
        if "plan_id" in vals and not self.env.su:
            # the line's company is its plan's; the rules were checked
            # before the change: check them again where it lands
            self.check_access("write")
        return res

    @api.depends("course_id")
    def _compute_from_course(self):
        for line in self:
            line.method = line.course_id.cs_method or line.method or "lecture"
            line.planned_hours = line.course_id.cs_duration_hours

    def _compute_actual_cost(self):
        for line in self:
            line.actual_cost = sum(
                line.session_ids.filtered(lambda s: s.state != "cancelled").mapped(
                    "cost"
                )
            )

    @api.depends("session_ids.state")
    def _compute_state(self):
        for line in self:
            sessions = line.session_ids.filtered(lambda s: s.state != "cancelled")
            if not sessions:
                line.state = "planned"
            elif all(s.state == "completed" for s in sessions):
                line.state = "done"
            else:
                line.state = "scheduled"

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for line in self:
            if line.date_start and line.date_end and line.date_start > line.date_end:
                raise ValidationError(_("A plan line cannot end before it starts."))

    def action_create_session(self):
        """Schedule a session of the line's course for the people of its needs."""
        self.ensure_one()
        session = self.env["hr.course.schedule"].create(
            {
                "name": _(
                    "%(course)s – plan %(year)s",
                    course=self.course_id.name,
                    year=self.plan_id.year,
                ),
                "course_id": self.course_id.id,
                "start_date": self.date_start,
                "end_date": self.date_end,
                "cost": self.budget,
                "cs_plan_line_id": self.id,
            }
        )
        for need in self.need_ids.filtered(lambda need: need.state == "planned"):
            need._cs_enrol_in(session, need._cs_employees())
        return session.get_formview_action()
