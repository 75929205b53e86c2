from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

# the enrolment a need turns into, by where the need came from
ENROLMENT_KIND_BY_SOURCE = {"assessment": "retraining", "certificate": "renewal"}
# Where a need stands and which results opened it are recorded by the actions
# that move it (plan, enrol, pass, cancel) and by the inspection's publication
# (003 §5.1.2): the loop's report counts them, so nobody sets them by hand.
RECORDED_FIELDS = (
    "state",
    "closed_date",
    "plan_line_id",
    "failed_attendee_id",
    "cs_qa_criterion_id",
    "cs_qa_inspection_id",
)


class CsTrainingNeed(models.Model):
    """A gap in an employee's or a team's knowledge or skills (TRN-1)."""

    _name = "cs.training.need"
    _description = "Training Need"
    _inherit = ["mail.thread", "mail.activity.mixin", "cs.recorded.fields"]
    _order = "priority desc, deadline, id desc"
    _check_company_auto = True
    _cs_recorded_fields = RECORDED_FIELDS

    name = fields.Char(string="Need", required=True, tracking=True)
    employee_id = fields.Many2one(
        "hr.employee", index=True, tracking=True, check_company=True
    )
    team_id = fields.Many2one(
        "helpdesk.ticket.team",
        index="btree_not_null",
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    course_id = fields.Many2one("hr.course", tracking=True)
    category_id = fields.Many2one(
        related="course_id.category_id", store=True, string="Course Kind"
    )
    source = fields.Selection(
        [
            ("manual", "Manual"),
            ("qa", "QA result"),
            ("appraisal", "Appraisal"),
            ("product", "New product"),
            ("assessment", "Failed assessment"),
            ("certificate", "Certificate renewal"),
        ],
        required=True,
        default="manual",
        tracking=True,
    )
    origin = fields.Char(
        string="Reference",
        help="What revealed the need, e.g. an inspection or appraisal.",
    )
    description = fields.Html()
    priority = fields.Selection([("0", "Normal"), ("1", "Urgent")], default="0")
    deadline = fields.Date(tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        check_company=True,
    )
    state = fields.Selection(
        [
            ("new", "New"),
            ("planned", "Planned"),
            ("enrolled", "Enrolled"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="new",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    closed_date = fields.Date(
        string="Closed On", readonly=True, copy=False, tracking=True
    )
    plan_line_id = fields.Many2one(
        "cs.training.plan.line",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )
    failed_attendee_id = fields.Many2one(
        "hr.course.attendee",
        string="Failed Enrolment",
        readonly=True,
        copy=False,
        check_company=True,
    )
    attendee_ids = fields.One2many(
        "hr.course.attendee", "cs_need_id", string="Enrolments"
    )
    cs_qa_criterion_id = fields.Many2one(
        "cs.qa.criterion",
        string="QA Criterion",
        readonly=True,
        copy=False,
        ondelete="set null",
    )
    cs_qa_inspection_id = fields.Many2one(
        "cs.qa.inspection",
        string="Inspection",
        readonly=True,
        copy=False,
        ondelete="set null",
        check_company=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cs_check_recorded_fields(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._cs_check_recorded_fields(vals)
        return super().write(vals)

    # company_id has a default, so the check also runs when neither is given
    @api.constrains("employee_id", "team_id", "company_id")
    def _check_who(self):
        if any(not (need.employee_id or need.team_id) for need in self):
            raise ValidationError(_("Say whose need it is: an employee or a team."))

    def _cs_employees(self):
        """The employees a need is about: its employee or its team's members."""
        self.ensure_one()
        if self.employee_id:
            return self.employee_id
        return self.env["hr.employee"].search(
            [
                ("user_id", "in", self.team_id.user_ids.ids),
                ("company_id", "=", self.company_id.id),
            ]
        )

    def _cs_check_course(self):
        for need in self:
            if not need.course_id:
                raise UserError(
                    _("Choose a course for %(need)s first.", need=need.name)
                )

    def action_add_to_plan(self):
        """Put each need in the line of its course in the open plan of its year."""
        self._cs_check_course()
        planned = self.filtered(lambda need: need.state != "new")
        if planned:
            raise UserError(
                _(
                    "Only new needs go into a plan; %(need)s is past that.",
                    need=planned[0].name,
                )
            )
        Plan = self.env["cs.training.plan"]
        plans = Plan
        for need in self:
            year = (need.deadline or fields.Date.context_today(self)).year
            plan = Plan.search(
                [
                    ("company_id", "=", need.company_id.id),
                    ("year", "=", year),
                    ("state", "!=", "closed"),
                ],
                limit=1,
            )
            if not plan:
                raise UserError(
                    _(
                        "There is no open %(year)s training plan for %(company)s: "
                        "create it first.",
                        year=year,
                        company=need.company_id.name,
                    )
                )
            line = plan.line_ids.filtered(
                lambda line, course=need.course_id: line.course_id == course
            )[:1]
            if not line:
                line = line.create({"plan_id": plan.id, "course_id": need.course_id.id})
            need._cs_record({"plan_line_id": line.id, "state": "planned"})
            plans |= plan
        if len(plans) == 1:
            return plans.get_formview_action()
        return True

    def action_enrol(self):
        """Enrol the people of each need in the next session of its course."""
        self._cs_check_course()
        handled = self.filtered(lambda need: need.state not in ("new", "planned"))
        if handled:
            raise UserError(
                _(
                    "Only new or planned needs can be enrolled; %(need)s is past that.",
                    need=handled[0].name,
                )
            )
        for need in self:
            employees = need._cs_employees()
            if not employees:
                raise UserError(
                    _(
                        "%(need)s names nobody: set an employee or a team with "
                        "members.",
                        need=need.name,
                    )
                )
            session = need.course_id._cs_next_session()
            if not session:
                raise UserError(
                    _(
                        "There is no upcoming session of %(course)s: schedule one, "
                        "then enrol.",
                        course=need.course_id.name,
                    )
                )
            need._cs_enrol_in(session, employees)
        return True

    def _cs_enrol_in(self, session, employees):
        self.ensure_one()
        session._cs_enrol(
            employees,
            cs_enrolment_kind=ENROLMENT_KIND_BY_SOURCE.get(self.source, "regular"),
            cs_need_id=self.id,
            cs_previous_attendee_id=self.failed_attendee_id.id,
        )
        self._cs_record({"state": "enrolled"})
        if self.failed_attendee_id:
            self.failed_attendee_id.sudo().cs_failure_action = "retraining"

    def _cs_record(self, vals):
        """Write what the need's actions record, for a user who may write
        the needs themselves."""
        self.check_access("write")
        self.sudo().write(vals)

    def action_cancel(self):
        self._cs_record(
            {"state": "cancelled", "closed_date": fields.Date.context_today(self)}
        )
        return True

    def action_reset(self):
        self.filtered(lambda need: need.state == "cancelled")._cs_record(
            {"state": "new", "plan_line_id": False, "closed_date": False}
        )
        return True

    def _cs_close_if_trained(self):
        for need in self:
            if need.attendee_ids and all(
                a.result == "passed" for a in need.attendee_ids
            ):
                need.sudo().write(
                    {"state": "done", "closed_date": fields.Date.context_today(need)}
                )
