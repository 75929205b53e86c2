from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date

from .cs_appraisal_template import GROUP_WEIGHTS, SOURCE_WEIGHTS
from .scoring import on_hundred, weighted_mean
from .selections import RECOMMENDATIONS, STATES

ACTIVITY = "cs_appraisal.mail_activity_appraisal"
RATING_SCALE = 5  # customers rate 1 to 5 (helpdesk_mgmt_rating)

# APR-5: what each step lets each party change. "supervisor" is the
# employee's manager (or a CS manager standing in); "manager" a CS manager.
# Everything else (state, figures, outcomes) only moves through the actions.
EDITABLE = {
    "open": {"supervisor": {"feedback_ids"}, "manager": {"supervisor_id"}},
    "self_assessment": {
        "employee": {"self_comment", "line_ids"},
        "supervisor": {"feedback_ids"},
        "manager": {"supervisor_id"},
    },
    "review": {
        "supervisor": {"supervisor_comment", "improvement_plan", "line_ids", "feedback_ids"},
        "manager": {"supervisor_id"},
    },
    "calibration": {
        "manager": {"calibration_adjustment", "calibration_reason", "improvement_plan"},
    },
    "published": {"employee": {"employee_comment"}},
    "acknowledged": {},
}
# the same for the criteria lines of the form
LINE_EDITABLE = {
    "self_assessment": {"employee": {"self_score", "self_comment"}},
    "review": {"supervisor": {"supervisor_score", "supervisor_comment"}},
}
# steps at which the measured figures may still be refreshed and peers asked
BEFORE_CALIBRATION = ("open", "self_assessment", "review")
FINAL = ("published", "acknowledged")


class CsAppraisal(models.Model):
    """The appraisal form of one employee for one period (APR-1..6)."""

    _name = "cs.appraisal"
    _description = "Appraisal"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "period_date desc, employee_id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    period_id = fields.Many2one(
        "cs.appraisal.period", required=True, index=True, ondelete="restrict", readonly=True
    )
    kind = fields.Selection(related="period_id.kind", store=True)
    period_date = fields.Date(related="period_id.date_from", store=True, string="Month")
    company_id = fields.Many2one(related="period_id.company_id", store=True, index=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, ondelete="cascade", readonly=True, check_company=True
    )
    user_id = fields.Many2one(related="employee_id.user_id", store=True, string="User", index=True)
    template_id = fields.Many2one("cs.appraisal.template", required=True, readonly=True, check_company=True)
    # the organisation at the time of the appraisal, for the analysis
    role_id = fields.Many2one("cs.role", string="Service Role", readonly=True)
    store_id = fields.Many2one("cs.store", string="Store", readonly=True, index=True, check_company=True)
    team_id = fields.Many2one("helpdesk.ticket.team", string="Team", readonly=True, check_company=True)
    supervisor_id = fields.Many2one(
        "hr.employee",
        string="Supervisor",
        tracking=True,
        check_company=True,
        help="The employee's manager in the hierarchy when the form was opened; a CS "
        "manager may hand the review to someone else before calibration.",
    )
    supervisor_user_id = fields.Many2one(
        related="supervisor_id.user_id", store=True, string="Supervisor User", index=True
    )
    state = fields.Selection(
        STATES, default="open", required=True, readonly=True, tracking=True, index=True
    )
    deadline = fields.Date(
        compute="_compute_deadline", store=True, help="When the current step is due."
    )
    reminded = fields.Boolean(readonly=True, copy=False, help="Reminded of the overdue current step.")

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
    feedback_ids = fields.One2many("cs.appraisal.feedback", "appraisal_id", string="Peer Feedback")
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
    rating_average = fields.Float(string="Rating Average", readonly=True, aggregator="avg")
    # annual form: built from the published monthly forms of the year
    monthly_count = fields.Integer(string="Months Appraised", readonly=True)
    monthly_average = fields.Float(string="Monthly Average", readonly=True)

    self_score = fields.Float(
        string="Self-Assessment Score", compute="_compute_scores", store=True, aggregator="avg"
    )
    supervisor_score = fields.Float(compute="_compute_scores", store=True, aggregator="avg")
    peer_score = fields.Float(string="Peer Score", compute="_compute_scores", store=True, aggregator="avg")
    customer_score = fields.Float(compute="_compute_scores", store=True, aggregator="avg")
    criteria_score = fields.Float(compute="_compute_scores", store=True, aggregator="avg")
    score = fields.Float(
        string="Combined Score", compute="_compute_scores", store=True, aggregator="avg"
    )
    calibration_adjustment = fields.Float(
        tracking=True, help="Points the CS manager adds (or takes off) at calibration."
    )
    calibration_reason = fields.Text(tracking=True)
    final_score = fields.Float(compute="_compute_final_score", store=True, aggregator="avg")
    grade_id = fields.Many2one(
        "cs.appraisal.grade", string="Grade", compute="_compute_grade", store=True, index=True
    )

    # outcomes (APR-6), decided at publication
    bonus_coefficient = fields.Float(digits=(4, 2), readonly=True, aggregator="avg")
    recommendation = fields.Selection(RECOMMENDATIONS, readonly=True, tracking=True)
    recommendation_note = fields.Text(readonly=True)
    improvement_plan = fields.Text(
        help="Goals, support and dates: required when the grade asks for an improvement plan."
    )
    training_need_ids = fields.One2many("cs.training.need", "cs_appraisal_id", string="Training Needs")
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
        ("employee_period_uniq", "unique(period_id, employee_id)", "An employee has one appraisal per period."),
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
        manager = self.env.user.has_group("cs_management.group_cs_manager")
        for form in self:
            form.is_employee = form.user_id == self.env.user
            form.is_supervisor = manager or form.supervisor_user_id == self.env.user
            form.is_manager = manager

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

    @api.depends("feedback_ids.state", "feedback_ids.comment")
    def _compute_peer_feedback(self):
        for form in self:
            submitted = form.feedback_ids.filtered(lambda f: f.state == "submitted")
            form.peer_feedback_count = len(submitted)
            form.peer_comments = "\n\n".join(c for c in submitted.mapped("comment") if c) or False

    @api.depends(
        "kind",
        "monthly_average",
        "monthly_count",
        "rating_count",
        "rating_average",
        "line_ids.group",
        "line_ids.weight",
        "line_ids.score",
        "line_ids.is_scored",
        "line_ids.measured",
        "line_ids.auto_score",
        "line_ids.has_data",
        "line_ids.self_score",
        "line_ids.supervisor_score",
        "line_ids.peer_score",
        "line_ids.peer_count",
        *GROUP_WEIGHTS,
        *SOURCE_WEIGHTS,
    )
    def _compute_scores(self):
        """The one home of the weighting (APR-4).

        Each criterion has a score out of 100 (see the line). Criteria make
        a group's score by their weights, groups the criteria score by the
        template's group weights. Customers score the period's ratings
        (average out of 5, in proportion). The combined score weighs the
        criteria score by the weights of the people who scored them (self,
        supervisor, peers, added up) against the customers' weight. Whatever
        is missing (no rating, no peer, a KPI without data) drops out and its
        weight goes to the rest.

        Self, supervisor and peer scores are the same weighting seen by one
        source each: measured criteria count as they are, scored ones with
        that source's score; a source that scored nothing has no score. They
        are shown, the combined score does not add them again. An annual form scores the average of the published
        monthly forms of the year."""
        for form in self:
            if form.kind == "annual":
                form.update(
                    dict.fromkeys(("self_score", "supervisor_score", "peer_score", "customer_score"), 0.0)
                )
                form.criteria_score = form.score = form.monthly_average if form.monthly_count else 0.0
                continue
            by_source = {
                source: form._criteria_score(lambda line, source=source: line._source_score(source))
                if any(not line.measured and line._source_score(source) is not None for line in form.line_ids)
                else None
                for source in ("self", "supervisor", "peer")
            }
            criteria = form._criteria_score(lambda line: line.score if line.is_scored else None)
            customers = on_hundred(form.rating_average, RATING_SCALE) if form.rating_count else None
            combined = weighted_mean(
                [
                    (form.self_weight + form.supervisor_weight + form.peer_weight, criteria),
                    (form.customer_weight, customers),
                ]
            )
            form.self_score = by_source["self"] or 0.0
            form.supervisor_score = by_source["supervisor"] or 0.0
            form.peer_score = by_source["peer"] or 0.0
            form.customer_score = customers or 0.0
            form.criteria_score = criteria or 0.0
            form.score = combined or 0.0

    def _criteria_score(self, line_score):
        """Group-weighted mean of the criterion-weighted means of
        ``line_score(line)`` (None: not scored) in each group."""
        self.ensure_one()
        groups = defaultdict(list)
        for line in self.line_ids:
            groups[line.group].append((line.weight, line_score(line)))
        return weighted_mean(
            (self[f"{group}_weight"], weighted_mean(pairs)) for group, pairs in groups.items()
        )

    @api.depends("score", "calibration_adjustment")
    def _compute_final_score(self):
        for form in self:
            form.final_score = min(100.0, max(0.0, form.score + form.calibration_adjustment))

    @api.depends("final_score", "state")
    def _compute_grade(self):
        """Graded once the review is in: before, the score is partial."""
        Grade = self.env["cs.appraisal.grade"]
        bands = Grade.search([])
        for form in self:
            graded = form.state in ("calibration", *FINAL)
            form.grade_id = Grade._for_score(form.final_score, bands) if graded else Grade

    # ------------------------------------------------------------------
    # Creation: from the template of the employee's role, figures filled
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        Employee = self.env["hr.employee"].sudo()
        Period = self.env["cs.appraisal.period"]
        Template = self.env["cs.appraisal.template"].sudo()
        templates_by_company = {}
        by_period = defaultdict(list)
        for vals in vals_list:
            by_period[vals["period_id"]].append(vals)
        for period_id, period_vals in by_period.items():
            period = Period.browse(period_id)
            employees = Employee.browse([vals["employee_id"] for vals in period_vals])
            roles = templates_by_company.setdefault(period.company_id, Template._for_roles(period.company_id))
            measures = self._measures(period, employees) if period.kind == "monthly" else {}
            for vals, employee in zip(period_vals, employees, strict=True):
                template = Template.browse(vals.get("template_id")) or roles.get(employee.cs_role_id)
                if not template:
                    raise UserError(
                        _(
                            "No appraisal template covers %(employee)s (role: %(role)s): add the "
                            "role to a template first.",
                            employee=employee.name,
                            role=employee.cs_role_id.name or _("none"),
                        )
                    )
                vals.update(self._values_from(template, employee, period))
                given = {command[2]["criterion_id"] for command in vals.get("line_ids", []) if command[0] == 0}
                measure = measures.get(employee)
                vals["line_ids"] = list(vals.get("line_ids", [])) + [
                    Command.create(
                        dict(
                            criterion_id=criterion.id,
                            **(self._measured_values(criterion, measure) if measure else {}),
                        )
                    )
                    for criterion in template.criterion_ids
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
        teams = employee.user_id.helpdesk_team_ids.filtered(lambda team: team.company_id == period.company_id)
        values = {
            "template_id": template.id,
            "role_id": employee.cs_role_id.id,
            "store_id": employee.cs_store_id.id,
            "team_id": teams[:1].id,
            "supervisor_id": employee.parent_id.id,
            "training_threshold": template.training_threshold,
        }
        values.update({name: template[name] for name in GROUP_WEIGHTS + SOURCE_WEIGHTS})
        return values

    # ------------------------------------------------------------------
    # Measured figures (APR-3)
    # ------------------------------------------------------------------
    @api.model
    def _measures(self, period, employees):
        """{employee: (KPI values or None, average training score or None)}
        over ``period``, for any number of employees in two queries."""
        users = employees.user_id
        kpis = {}
        # the KPI view reads the tables: pending tickets and ratings first
        self.env.flush_all()
        if users:
            kpis = (
                self.env["cs.kpi.report"]
                .sudo()
                ._kpis_by(
                    [
                        ("user_id", "in", users.ids),
                        ("company_id", "=", period.company_id.id),
                        ("date", ">=", period.date_from),
                        ("date", "<=", period.date_to),
                    ],
                    ["user_id"],
                )
            )
        training = dict(
            self.env["cs.training.assessment"]
            .sudo()
            ._read_group(
                [
                    ("employee_id", "in", employees.ids),
                    ("state", "in", ("passed", "failed")),
                    ("attendee_id.cs_training_date", ">=", period.date_from),
                    ("attendee_id.cs_training_date", "<=", period.date_to),
                ],
                ["employee_id"],
                ["final_score:avg"],
            )
        )
        return {
            employee: (kpis.get(employee.user_id) if employee.user_id else None, training.get(employee))
            for employee in employees
        }

    @api.model
    def _measured_values(self, criterion, measure):
        if criterion.source == "manual":
            return {}
        value, has_data = criterion._measure(*measure)
        return {
            "auto_value": value,
            "has_data": has_data,
            "auto_score": criterion._score_for(value) if has_data else 0.0,
        }

    @api.model
    def _customer_values(self, measure):
        kpis = measure[0] or {}
        return {"rating_count": kpis.get("ratings", 0), "rating_average": kpis.get("rating_average", 0.0)}

    def _refresh_measures(self):
        """Fill the measured criteria and the customers' ratings again from
        the period's data (late tickets and ratings count until calibration)."""
        for period, forms in self.grouped("period_id").items():
            if period.kind == "annual":
                forms._fill_from_months()
                continue
            measures = self._measures(period, forms.employee_id)
            for form in forms:
                measure = measures[form.employee_id]
                form.sudo().write(self._customer_values(measure))
                for line in form.line_ids.filtered(lambda line: line.source != "manual"):
                    line.sudo().write(self._measured_values(line.criterion_id, measure))

    def _fill_from_months(self):
        """Annual forms (APR-1): each criterion scores the average of its
        scores in the published monthly forms of the year, and the form the
        average of their final scores."""
        for period, forms in self.grouped("period_id").items():
            domain = [
                ("kind", "=", "monthly"),
                ("company_id", "=", period.company_id.id),
                ("period_date", ">=", period.date_from),
                ("period_date", "<=", period.date_to),
                ("state", "in", FINAL),
                ("employee_id", "in", forms.employee_id.ids),
            ]
            Monthly = self.sudo()
            totals = {
                employee: (count, average)
                for employee, count, average in Monthly._read_group(
                    domain, ["employee_id"], ["__count", "final_score:avg"]
                )
            }
            criteria = {
                (employee, criterion): average
                for employee, criterion, average in self.env["cs.appraisal.line"]
                .sudo()
                ._read_group(
                    [("appraisal_id", "any", domain), ("is_scored", "=", True)],
                    ["employee_id", "criterion_id"],
                    ["score:avg"],
                )
            }
            for form in forms:
                count, average = totals.get(form.employee_id, (0, 0.0))
                form.sudo().write({"monthly_count": count, "monthly_average": average})
                for line in form.line_ids:
                    average = criteria.get((form.employee_id, line.criterion_id))
                    line.sudo().write(
                        {
                            "auto_value": average or 0.0,
                            "auto_score": average or 0.0,
                            "has_data": average is not None,
                        }
                    )

    # ------------------------------------------------------------------
    # Who may write what (APR-5)
    # ------------------------------------------------------------------
    def _cs_parties(self):
        """What the current user is to this form: employee, supervisor (its
        manager, or a CS manager standing in), manager (a CS manager)."""
        self.ensure_one()
        if self.env.su:
            return {"employee", "supervisor", "manager"}
        parties = set()
        if self.user_id == self.env.user:
            parties.add("employee")
        if self.env.user.has_group("cs_management.group_cs_manager"):
            parties |= {"supervisor", "manager"}
        elif self.supervisor_user_id == self.env.user:
            parties.add("supervisor")
        return parties

    def _cs_editable(self, table):
        """The fields the current user may change now, by ``table``."""
        self.ensure_one()
        allowed = table.get(self.state, {})
        return set().union(*(allowed.get(party, set()) for party in self._cs_parties()))

    def _cs_refuse(self, model, names):
        """Refuse to change the fields ``names`` of ``model`` on this form."""
        self.ensure_one()
        labels = ", ".join(sorted(model._fields[name]._description_string(self.env) for name in names))
        raise AccessError(
            _(
                "%(form)s is at the step %(step)s: you cannot change %(fields)s now. Each step "
                "lets only its owner write their part; once published, a CS manager can reopen it.",
                form=self.name,
                step=dict(self._fields["state"]._description_selection(self.env))[self.state],
                fields=labels,
            )
        )

    def write(self, vals):
        if not self.env.su:
            for form in self:
                refused = set(vals) - form._cs_editable(EDITABLE)
                if refused:
                    form._cs_refuse(self, refused)
        return super().write(vals)

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

    def _cs_require(self, party, states):
        """Stop unless every form is at one of ``states`` and the current
        user is ``party`` to it."""
        messages = {
            "employee": _("Only %(employee)s can do this on their appraisal %(form)s."),
            "supervisor": _(
                "Only the supervisor of %(employee)s or a CS manager can do this on %(form)s."
            ),
            "manager": _("Only a CS manager can do this on %(form)s."),
        }
        labels = dict(self._fields["state"]._description_selection(self.env))
        for form in self:
            if form.state not in states:
                raise UserError(
                    _(
                        "%(form)s is at the step %(step)s: this needs the step %(steps)s.",
                        form=form.name,
                        step=labels[form.state],
                        steps=" / ".join(labels[state] for state in states),
                    )
                )
            if party not in form._cs_parties():
                raise AccessError(messages[party] % {"employee": form.employee_id.name, "form": form.name})

    # ------------------------------------------------------------------
    # Workflow (APR-5)
    # ------------------------------------------------------------------
    def _cs_set_state(self, state, **values):
        """Move to ``state``: close the step's to-do, open the next one's."""
        self.sudo().activity_feedback([ACTIVITY])
        self.sudo().write(dict(values, state=state, reminded=False))
        for form in self:  # the to-do reads in the language of whom must act
            user, summary = form._cs_in_lang_of(form._cs_step_owner()[0])._cs_step_owner()
            if user:
                form.sudo().with_context(mail_activity_quick_update=True).activity_schedule(
                    ACTIVITY, date_deadline=form.deadline or fields.Date.context_today(form), user_id=user.id,
                    summary=summary,
                )

    def _cs_step_owner(self):
        """Who must act at the current step, and what to do."""
        self.ensure_one()
        name = self.employee_id.name
        return {
            "open": (self.supervisor_user_id, _("Start the appraisal of %(employee)s", employee=name)),
            "self_assessment": (self.user_id, _("Fill in your self-assessment")),
            "review": (self.supervisor_user_id, _("Review the appraisal of %(employee)s", employee=name)),
            "calibration": (
                self.period_id.calibrator_id,
                _("Calibrate the appraisal of %(employee)s", employee=name),
            ),
            "published": (self.user_id, _("Read and acknowledge your appraisal")),
        }.get(self.state, (self.env["res.users"], ""))

    def _cs_log(self, body):
        self.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")

    def action_start(self):
        """Open the self-assessment (an employee without a user goes
        straight to the supervisor's review)."""
        self._cs_require("supervisor", ("open",))
        with_user = self.filtered("user_id")
        with_user._cs_set_state("self_assessment")
        without_user = self - with_user
        for form in without_user:
            form._cs_log(_("%(employee)s has no user: no self-assessment.", employee=form.employee_id.name))
        without_user._cs_set_state("review")
        return True

    def action_submit_self(self):
        self._cs_require("employee", ("self_assessment",))
        for form in self:
            missing = form.line_ids.filtered(lambda line: not line.measured and not line.self_score)
            if missing:
                raise UserError(
                    _(
                        "Score every criterion of your self-assessment before submitting it: %(criteria)s.",
                        criteria=", ".join(missing.mapped("name")),
                    )
                )
        self._cs_set_state("review")
        return True

    def action_skip_self(self):
        """The supervisor reviews without the self-assessment once it is overdue."""
        self._cs_require("supervisor", ("self_assessment",))
        today = fields.Date.context_today(self)
        for form in self:
            if form.period_id.self_deadline and today <= form.period_id.self_deadline:
                raise UserError(
                    _(
                        "The self-assessment of %(employee)s is due on %(date)s: wait until then "
                        "or ask them to submit it.",
                        employee=form.employee_id.name,
                        date=format_date(self.env, form.period_id.self_deadline),
                    )
                )
            form._cs_log(_("Reviewed without self-assessment: it was not submitted by its due date."))
        self._cs_set_state("review")
        return True

    def action_submit_review(self):
        """The supervisor's review is done: refresh the measured figures one
        last time, close the peer requests, hand over to calibration."""
        self._cs_require("supervisor", ("review",))
        for form in self:
            missing = form.line_ids.filtered(lambda line: not line.measured and not line.supervisor_score)
            if missing:
                raise UserError(
                    _(
                        "Score every criterion of %(employee)s before submitting the review: %(criteria)s.",
                        employee=form.employee_id.name,
                        criteria=", ".join(missing.mapped("name")),
                    )
                )
        self._refresh_measures()
        self.sudo().feedback_ids.filtered(lambda f: f.state == "requested")._cs_close_unanswered()
        self._cs_set_state("calibration")
        return True

    def action_return_to_review(self):
        self._cs_require("manager", ("calibration",))
        self._cs_log(_("Returned to the supervisor for review."))
        self._cs_set_state("review")
        return True

    def action_publish(self):
        """Calibration done: the result, its grade and its outcomes go to the employee."""
        self._cs_require("manager", ("calibration",))
        for form in self:
            if form.calibration_adjustment and not form.calibration_reason:
                raise UserError(
                    _(
                        "Give the reason for the calibration of %(employee)s (%(points)+.2f points) "
                        "before publishing.",
                        employee=form.employee_id.name,
                        points=form.calibration_adjustment,
                    )
                )
            if form.kind == "annual" and not form.monthly_count:
                raise UserError(
                    _(
                        "%(employee)s has no published monthly appraisal in %(year)s: publish them "
                        "first, the annual appraisal is built from them.",
                        employee=form.employee_id.name,
                        year=form.period_id.name,
                    )
                )
            if not form.grade_id:
                raise UserError(
                    _(
                        "No grade covers a score of %(score).2f: add a grade starting at 0 in "
                        "Configuration › Grades.",
                        score=form.final_score,
                    )
                )
            if form.grade_id.recommendation == "improvement" and not form.improvement_plan:
                raise UserError(
                    _(
                        "Grade %(grade)s asks for an improvement plan: write the plan of %(employee)s "
                        "before publishing.",
                        grade=form.grade_id.name,
                        employee=form.employee_id.name,
                    )
                )
        for form in self.filtered("calibration_adjustment"):
            form._cs_log(
                _(
                    "Calibrated by %(points)+.2f points: %(reason)s",
                    points=form.calibration_adjustment,
                    reason=form.calibration_reason,
                )
            )
        self.sudo()._apply_outcomes()
        self._cs_set_state("published", published_date=fields.Date.context_today(self))
        self._cs_refresh_annual()
        return True

    def action_acknowledge(self):
        self._cs_require("employee", ("published",))
        self._cs_set_state("acknowledged", acknowledged_date=fields.Date.context_today(self))
        return True

    def action_open_reopen_wizard(self):
        self._cs_require("manager", FINAL)
        return {
            "type": "ir.actions.act_window",
            "name": _("Reopen Appraisal"),
            "res_model": "cs.appraisal.reopen",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": self._name, "active_ids": self.ids},
        }

    def _cs_reopen(self, reason):
        """After publication only a CS manager changes anything, with a
        reason kept in the chatter."""
        self._cs_require("manager", FINAL)
        if not (reason or "").strip():
            raise UserError(_("Say why the appraisal is reopened."))
        for form in self:
            form._cs_log(_("Reopened for calibration: %(reason)s", reason=reason))
        self._cs_set_state("calibration", acknowledged_date=False)

    def action_refresh(self):
        self._cs_require("supervisor", BEFORE_CALIBRATION)
        self._refresh_measures()
        return True

    # ------------------------------------------------------------------
    # Outcomes (APR-6)
    # ------------------------------------------------------------------
    def _apply_outcomes(self):
        """Bonus coefficient, recommendation and training needs of
        published forms."""
        gaps = self.employee_id._cs_promotion_gaps()
        for form in self:
            recommendation, note = form._recommend(gaps.get(form.employee_id))
            form.write(
                {
                    "bonus_coefficient": form.grade_id.bonus_coefficient,
                    "recommendation": recommendation,
                    "recommendation_note": note,
                }
            )
        self._create_training_needs()

    def _recommend(self, missing):
        """What the grade leads to for this employee. A promotion needs a
        next role on the career path and its training requirements met
        (``missing``: what the training still lacks, None without a next
        role); otherwise a salary increase. A second improvement plan in a
        row proposes a position adjustment (000 §4.4.5, 004 §5.2.4)."""
        self.ensure_one()
        recommendation = self.grade_id.recommendation
        next_role = self.employee_id.cs_role_id.next_role_id
        if recommendation == "promotion":
            if next_role and missing == []:
                return "promotion", _(
                    "Meets the training requirements for %(role)s.", role=next_role.name
                )
            if next_role:
                return "salary", _(
                    "Promotion to %(role)s still needs: %(missing)s.",
                    role=next_role.name,
                    missing="; ".join(missing or []),
                )
            return "salary", _("The career path has no role after %(role)s.", role=self.role_id.name)
        if recommendation == "improvement" and self._previous().recommendation in ("improvement", "reassignment"):
            return "reassignment", _(
                "Second improvement plan in a row: consider adjusting the position."
            )
        return recommendation, False

    def _previous(self):
        """The published form of the same kind before this one."""
        self.ensure_one()
        return self.search(
            [
                ("employee_id", "=", self.employee_id.id),
                ("kind", "=", self.kind),
                ("period_date", "<", self.period_date),
                ("state", "in", FINAL),
            ],
            order="period_date desc",
            limit=1,
        )

    def _create_training_needs(self):
        """A training need for each criterion scored under the template's
        threshold; a grade asking for training without such a criterion
        gets one for its weakest criterion. Once per criterion and form."""
        Need = self.env["cs.training.need"].sudo()
        for form in self:
            scored = form.line_ids.filtered("is_scored")
            weak = scored.filtered(lambda line: line.score < form.training_threshold)
            if not weak and form.recommendation == "training":
                weak = scored.sorted("score")[:1]
            due = form.published_date or fields.Date.context_today(form)
            for line in weak - form.training_need_ids.cs_appraisal_line_id:
                Need.create(
                    {
                        # trainers read needs: the score stays on the form
                        "name": _(
                            "%(criterion)s, from appraisal %(period)s",
                            criterion=line.name,
                            period=form.period_id.display_name,
                        ),
                        "employee_id": form.employee_id.id,
                        "company_id": form.company_id.id,
                        "course_id": line.criterion_id.course_id.id,
                        "source": "appraisal",
                        "origin": form.name,
                        "description": line.criterion_id.description,
                        "deadline": due + relativedelta(days=form.company_id.cs_appraisal_need_days),
                        "user_id": form.supervisor_user_id.id or self.env.user.id,
                        "cs_appraisal_id": form.id,
                        "cs_appraisal_line_id": line.id,
                    }
                )

    def _cs_refresh_annual(self):
        """Publishing a month updates the open annual form of its year."""
        monthly = self.filtered(lambda form: form.kind == "monthly")
        if not monthly:
            return
        annual = self.sudo().search(
            [
                ("kind", "=", "annual"),
                ("employee_id", "in", monthly.employee_id.ids),
                ("period_date", "in", list({form.period_date.replace(month=1) for form in monthly})),
                ("state", "in", BEFORE_CALIBRATION),
            ]
        )
        annual._fill_from_months()

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
            partners = user.partner_id | form.filtered(lambda f: f.state == "self_assessment").supervisor_user_id.partner_id
            env = form._cs_in_lang_of(user).env  # the cron writes in the language of whom must act
            form.message_post(
                body=env._(
                    "The step %(step)s of this appraisal was due on %(date)s: please complete it.",
                    step=dict(self._fields["state"]._description_selection(env))[form.state],
                    date=format_date(env, form.deadline),
                ),
                partner_ids=partners.ids,
                subtype_xmlid="mail.mt_note",
            )
        forms.write({"reminded": True})
        self.env["ir.cron"]._notify_progress(done=len(forms), remaining=self.search_count(domain))

    def action_print(self):
        return self.env.ref("cs_appraisal.action_report_cs_appraisal").report_action(self)
