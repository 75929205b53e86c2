from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from .cs_appraisal_template import GROUP_WEIGHTS, SOURCE_WEIGHTS
from .selections import RECOMMENDATIONS, STATES

ACTIVITY = "cs_appraisal.mail_activity_appraisal"
RATING_SCALE = 5  # customers rate 1 to 5 (helpdesk_mgmt_rating)

# steps at which the measured figures may still be refreshed and peers asked
BEFORE_CALIBRATION = ("open", "self_assessment", "review")
FINAL = ("published", "acknowledged")


class CsAppraisal(models.Model):
    """The appraisal form of one employee for one period (APR-1..6)."""

    _name = "cs.appraisal"
    _description = "Appraisal"
    _inherit = ["mail.thread", "mail.activity.mixin", "cs.weighted.score.mixin"]
    _order = "period_date desc, employee_id"
    _check_company_auto = True
    _cs_sheet_open_states = (*BEFORE_CALIBRATION, "calibration")
    # the result, frozen at publication (a CS manager reopens it)
    _cs_sheet_fields = frozenset(
        {"line_ids", "calibration_adjustment", "calibration_reason"}
    )
    _cs_sheet_rules = {
        name: name for name in (*GROUP_WEIGHTS, *SOURCE_WEIGHTS, "training_threshold")
    }

    name = fields.Char(compute="_compute_name", store=True)
    period_id = fields.Many2one(
        "cs.appraisal.period",
        required=True,
        index=True,
        ondelete="restrict",
        readonly=True,
    )
    kind = fields.Selection(related="period_id.kind", store=True)
    period_date = fields.Date(related="period_id.date_from", store=True, string="Month")
    company_id = fields.Many2one(related="period_id.company_id", store=True, index=True)
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
        check_company=True,
    )
    user_id = fields.Many2one(
        related="employee_id.user_id", store=True, string="User", index=True
    )
    template_id = fields.Many2one(
        "cs.appraisal.template", required=True, readonly=True, check_company=True
    )
    # the organisation at the time of the appraisal, for the analysis
    role_id = fields.Many2one("cs.role", string="Service Role", readonly=True)
    store_id = fields.Many2one(
        "cs.store", readonly=True, index=True, check_company=True
    )
    team_id = fields.Many2one("helpdesk.ticket.team", readonly=True, check_company=True)
    supervisor_id = fields.Many2one(
        "hr.employee",
        tracking=True,
        check_company=True,
        help="The employee's manager in the hierarchy when the form was opened; a CS "
        "manager may hand the review to someone else before calibration.",
    )
    supervisor_user_id = fields.Many2one(
        related="supervisor_id.user_id",
        store=True,
        string="Supervisor User",
        index=True,
    )
    state = fields.Selection(
        STATES, default="open", required=True, readonly=True, tracking=True, index=True
    )
    deadline = fields.Date(
        compute="_compute_deadline", store=True, help="When the current step is due."
    )
    reminded = fields.Boolean(
        readonly=True, copy=False, help="Reminded of the overdue current step."
    )

    # the template's weights when the form was opened: later edits of the
    # template do not rewrite appraisals
    results_weight = fields.Integer(string="Results (%)", readonly=True)
    attitude_weight = fields.Integer(string="Attitude (%)", readonly=True)
    ability_weight = fields.Integer(string="Ability and Knowledge (%)", readonly=True)
    teamwork_weight = fields.Integer(string="Teamwork (%)", readonly=True)
    self_weight = fields.Integer(string="Self-Assessment (%)", readonly=True)
    supervisor_weight = fields.Integer(string="Supervisor (%)", readonly=True)
    customer_weight = fields.Integer(string="Customers (%)", readonly=True)
    peer_weight = fields.Integer(string="Peers (%)", readonly=True)
    training_threshold = fields.Float(string="Training Need Below", readonly=True)

    line_ids = fields.One2many("cs.appraisal.line", "appraisal_id", string="Criteria")
    feedback_ids = fields.One2many(
        "cs.appraisal.feedback", "appraisal_id", string="Peer Feedback"
    )
    peer_feedback_count = fields.Integer(
        string="Peer Feedback Received", compute="_compute_peer_feedback", store=True
    )
    peer_comments = fields.Text(
        compute="_compute_peer_feedback",
        store=True,
        help="What the peers wrote, without their names.",
    )

    # customers (APR-4): the period's ratings
    rating_count = fields.Integer(string="Customer Ratings", readonly=True)
    rating_average = fields.Float(readonly=True, aggregator="avg")
    # annual form: built from the published monthly forms of the year
    monthly_count = fields.Integer(string="Months Appraised", readonly=True)
    monthly_average = fields.Float(readonly=True)

    self_score = fields.Float(
        string="Self-Assessment Score",
        compute="_compute_scores",
        store=True,
        aggregator="avg",
    )
    supervisor_score = fields.Float(
        compute="_compute_scores", store=True, aggregator="avg"
    )
    peer_score = fields.Float(compute="_compute_scores", store=True, aggregator="avg")
    customer_score = fields.Float(
        compute="_compute_scores", store=True, aggregator="avg"
    )
    criteria_score = fields.Float(
        compute="_compute_scores", store=True, aggregator="avg"
    )
    score = fields.Float(
        string="Combined Score", compute="_compute_scores", store=True, aggregator="avg"
    )
    calibration_adjustment = fields.Float(
        tracking=True, help="Points the CS manager adds (or takes off) at calibration."
    )
    calibration_reason = fields.Text(tracking=True)
    final_score = fields.Float(
        compute="_compute_final_score", store=True, aggregator="avg"
    )
    grade_id = fields.Many2one(
        "cs.appraisal.grade",
        compute="_compute_grade",
        store=True,
        index=True,
    )

    # outcomes (APR-6), decided at publication
    bonus_coefficient = fields.Float(digits=(4, 2), readonly=True, aggregator="avg")
    recommendation = fields.Selection(RECOMMENDATIONS, readonly=True, tracking=True)
    recommendation_note = fields.Text(readonly=True)
    improvement_plan = fields.Text(
        help="Goals, support and dates: required when the grade asks for an "
        "improvement plan."
    )
    training_need_ids = fields.One2many(
        "cs.training.need", "cs_appraisal_id", string="Training Needs"
    )
    published_date = fields.Date(readonly=True, copy=False)
    acknowledged_date = fields.Date(readonly=True, copy=False)

    self_comment = fields.Text(string="Self-Assessment")
    supervisor_comment = fields.Text(string="Supervisor's Assessment")
    employee_comment = fields.Text(string="Employee's Comment")

    # who the current user is to this form: what the view lets them do
    is_employee = fields.Boolean(compute="_compute_party")
    is_supervisor = fields.Boolean(compute="_compute_party")
    is_manager = fields.Boolean(compute="_compute_party")

    _sql_constraints = [
        (
            "employee_period_uniq",
            "unique(period_id, employee_id)",
            "An employee has one appraisal per period.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("period_id.name", "employee_id.name")
    def _compute_name(self):
        for form in self:
            form.name = f"{form.period_id.name} · {form.employee_id.name}"

    @api.depends_context("uid")
    def _compute_party(self):
        for form in self:
            parties = form._cs_parties()
            form.is_employee = "employee" in parties
            form.is_supervisor = "supervisor" in parties
            form.is_manager = "manager" in parties

    @api.depends(
        "state",
        "period_id.self_deadline",
        "period_id.review_deadline",
        "period_id.calibration_deadline",
        "published_date",
        "company_id.cs_appraisal_acknowledge_days",
    )
    def _compute_deadline(self):
        for form in self:
            period = form.period_id
            acknowledge = form.published_date and form.published_date + relativedelta(
                days=form.company_id.cs_appraisal_acknowledge_days
            )
            form.deadline = {
                "open": period.self_deadline,
                "self_assessment": period.self_deadline,
                "review": period.review_deadline,
                "calibration": period.calibration_deadline,
                "published": acknowledge,
            }.get(form.state, False)

    # ------------------------------------------------------------------
    # Creation: from the template of the employee's role, figures filled
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        Employee = self.env["hr.employee"].sudo()
        Period = self.env["cs.appraisal.period"]
        Template = self.env["cs.appraisal.template"].sudo()
        Line = self.env["cs.appraisal.line"]
        templates_by_company = {}
        by_period = defaultdict(list)
        for vals in vals_list:
            by_period[vals["period_id"]].append(vals)
        for period_id, period_vals in by_period.items():
            period = Period.browse(period_id)
            employees = Employee.browse([vals["employee_id"] for vals in period_vals])
            roles = templates_by_company.setdefault(
                period.company_id, Template._for_roles(period.company_id)
            )
            measures = (
                self._measures(period, employees) if period.kind != "annual" else {}
            )
            for vals, employee in zip(period_vals, employees, strict=True):
                template = Template.browse(vals.get("template_id")) or roles.get(
                    employee.cs_role_id
                )
                if not template:
                    raise UserError(
                        _(
                            "No appraisal template covers %(employee)s (role: "
                            "%(role)s): add the role to a template first.",
                            employee=employee.name,
                            role=employee.cs_role_id.name or _("none"),
                        )
                    )
                vals.update(self._values_from(template, employee, period))
                given = {
                    command[2]["criterion_id"]
                    for command in vals.get("line_ids", [])
                    if command[0] == 0
                }
                measure = measures.get(employee)
                criteria = template.criterion_ids
                vals["line_ids"] = list(vals.get("line_ids", [])) + [
                    Command.create(
                        dict(
                            line,
                            **(
                                self._measured_values(criterion, measure)
                                if measure
                                else {}
                            ),
                        )
                    )
                    for criterion, line in zip(
                        criteria, Line._cs_criterion_values(criteria), strict=True
                    )
                    if criterion.id not in given
                ]
                if measure:
                    vals.update(self._customer_values(measure))
        forms = super().create(vals_list)
        forms.filtered(lambda form: form.kind == "annual")._fill_from_months()
        return forms

    @api.model
    def _values_from(self, template, employee, period):
        """What a new form takes from its template and from the organisation."""
        teams = employee.user_id.helpdesk_team_ids.filtered(
            lambda team: team.company_id == period.company_id
        )
        values = {
            "template_id": template.id,
            "role_id": employee.cs_role_id.id,
            "store_id": employee.cs_store_id.id,
            "team_id": teams[:1].id,
            "supervisor_id": employee.parent_id.id,
            **self._cs_rules_from(template),
        }
        return values

    def _cs_sheet_closed_message(self):
        return _(
            "%(form)s is published: its result cannot change. A CS manager can "
            "reopen it.",
            form=self.name,
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_open(self):
        started = self.filtered(lambda form: form.state != "open")
        if started:
            raise UserError(
                _(
                    "%(form)s is under way: only open appraisals can be deleted.",
                    form=started[0].name,
                )
            )

    # ------------------------------------------------------------------
    # Reminders
    # ------------------------------------------------------------------
    @api.model
    def _cron_remind_overdue(self, batch_size=500):
        """Once per step, tell whoever must act that the step is overdue."""
        domain = [
            ("state", "!=", "acknowledged"),
            ("deadline", "<", fields.Date.context_today(self)),
            ("reminded", "=", False),
        ]
        forms = self.search(domain, limit=batch_size)
        for form in forms:
            user, _summary = form._cs_step_owner()
            partners = (
                user.partner_id
                | form.filtered(
                    lambda f: f.state == "self_assessment"
                ).supervisor_user_id.partner_id
            )
            env = form._cs_in_lang_of(
                user
            ).env  # the cron writes in the language of whom must act
            form.message_post(
                body=env._(
                    "The step %(step)s of this appraisal was due on %(date)s: please "
                    "complete it.",
                    step=dict(self._fields["state"]._description_selection(env))[
                        form.state
                    ],
                    date=format_date(env, form.deadline),
                ),
                partner_ids=partners.ids,
                subtype_xmlid="mail.mt_note",
            )
        forms.write({"reminded": True})
        self.env["ir.cron"]._notify_progress(
            done=len(forms), remaining=self.search_count(domain)
        )

    def action_print(self):
        return self.env.ref("cs_appraisal.action_report_cs_appraisal").report_action(
            self
        )
