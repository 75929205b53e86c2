from odoo import _, api, fields, models, tools
from odoo.tools import format_date

KINDS = [
    ("sample", "QA Review"),
    ("supervisor", "Supervisor Check"),
    ("store_manager", "Store Manager Spot Check"),
    ("calibration", "Calibration"),
]
STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("published", "Published"),
    ("acknowledged", "Acknowledged"),
]
# what the reviewer decides: frozen once the inspection leaves draft
ASSESSMENT_FIELDS = {
    "agent_id",
    "reviewer_id",
    "ticket_id",
    "date",
    "kind",
    "scorecard_id",
    "line_ids",
    "remarks",
    "company_id",
    "calibration_id",
}
# who sees how far a reviewer is from the calibration consensus
QA_LEAD_GROUPS = "cs_management.group_cs_manager,cs_management.group_cs_auditor"
# the calibration session's comparison, written on submitted sheets and their lines
CALIBRATION_FIELDS = {"consensus_score", "consensus", "deviation", "abs_deviation"}


class CsQaInspection(models.Model):
    """A quality inspection of an agent's work (QA-1..3): a QA review of a
    sampled ticket, a supervisor check, a store manager's spot check, or
    one reviewer's scores in a calibration session. Scored per criterion
    of a scorecard, published to the agent, acknowledged by the agent."""

    _name = "cs.qa.inspection"
    _description = "Quality Inspection"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "cs.recorded.fields",
        "cs.weighted.score.mixin",
    ]
    _order = "date desc, id desc"
    _cs_sheet_open_states = ("draft",)
    _cs_sheet_fields = ASSESSMENT_FIELDS
    _cs_sheet_rules = {"scale": "scale", "pass_mark": "pass_mark"}
    # the workflow's steps and the score feed the IQS, the KPIs and the appraisal
    _cs_recorded_fields = (
        "scale",
        "state",
        "published_date",
        "acknowledged_date",
        "pass_mark",
        "raw_score",
        "critical_failed",
        "score",
        "score_on_scale",
        "passed",
        "counts_in_iqs",
    )
    _check_company_auto = True

    @property
    def _mail_post_access(self):
        # the agent discusses its inspection; read-only roles may not
        return "write" if self.env.user._cs_reads_only() else "read"

    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    kind = fields.Selection(
        KINDS,
        required=True,
        default=lambda self: self._default_kind(),
        index=True,
        tracking=True,
    )
    state = fields.Selection(
        STATES,
        required=True,
        default="draft",
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        index="btree_not_null",
        check_company=True,
        tracking=True,
        help="The ticket inspected, with its call recordings; empty for a live check.",
    )
    agent_id = fields.Many2one(
        "res.users",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        compute="_compute_agent_id",
        store=True,
        readonly=False,
        precompute=True,
        help="Whose work is inspected: by default the ticket's assignee.",
    )
    reviewer_id = fields.Many2one(
        "res.users",
        index=True,
        tracking=True,
        check_company=True,
        default=lambda self: self._default_reviewer(),
    )
    team_id = fields.Many2one(
        "helpdesk.ticket.team",
        compute="_compute_team_store",
        store=True,
        index="btree_not_null",
        check_company=True,
    )
    store_id = fields.Many2one(
        "cs.store",
        compute="_compute_team_store",
        store=True,
        index="btree_not_null",
        check_company=True,
    )
    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        index=True,
        tracking=True,
        help="The day of the service inspected: the closing day of a sampled "
        "ticket, the day of the check otherwise. Quality scores count in its period.",
    )
    scorecard_id = fields.Many2one(
        "cs.qa.scorecard",
        required=True,
        ondelete="restrict",
        check_company=True,
        default=lambda self: self._default_scorecard(),
    )
    line_ids = fields.One2many(
        "cs.qa.inspection.line", "inspection_id", string="Criteria", copy=True
    )
    # not read-only so that sampling can give them (Odoo drops given values
    # of read-only precomputed fields and builds a new record per inspection
    # to compute them); recorded fields: nobody else sets them
    scale = fields.Integer(
        string="Out Of",
        compute="_compute_rules",
        store=True,
        precompute=True,
        readonly=False,
    )
    pass_mark = fields.Float(
        compute="_compute_rules", store=True, precompute=True, readonly=False
    )
    raw_score = fields.Float(
        string="Weighted Score",
        compute="_compute_score",
        store=True,
        help="Σ weight × points / criterion points, before the critical-criterion "
        "rule (0–100).",
    )
    critical_failed = fields.Boolean(
        string="Critical Criterion Failed",
        compute="_compute_score",
        store=True,
        help="A critical criterion is below its bar: the inspection scores zero.",
    )
    score = fields.Float(
        compute="_compute_score",
        store=True,
        aggregator="avg",
        help="0–100: the weighted score, or zero when a critical criterion is below "
        "its bar.",
    )
    score_on_scale = fields.Float(
        string="Result",
        compute="_compute_score",
        store=True,
        aggregator="avg",
        tracking=True,
    )
    passed = fields.Boolean(compute="_compute_score", store=True, tracking=True)
    remarks = fields.Html(string="Coaching Remarks")
    published_date = fields.Datetime(string="Published On", readonly=True, copy=False)
    acknowledged_date = fields.Datetime(
        string="Acknowledged On", readonly=True, copy=False
    )
    sample_period_start = fields.Date(
        string="Sampled For Period", readonly=True, copy=False, index="btree_not_null"
    )
    recording_ids = fields.Many2many(
        "ir.attachment",
        string="Recordings and Attachments",
        compute="_compute_evidence",
        help="The call recordings and other files attached to the ticket.",
    )
    phrase_violation_ids = fields.Many2many(
        "cs.phrase.violation",
        string="Phrase Rule Violations",
        compute="_compute_evidence",
        help="Replies of the agent on the ticket that broke a phrase rule.",
    )
    # --- calibration: reviewers scoring the same tickets
    calibration_id = fields.Many2one(
        "cs.qa.calibration",
        string="Calibration Session",
        ondelete="cascade",
        index="btree_not_null",
        readonly=True,
        check_company=True,
    )
    # set by the calibration session when sheets are submitted
    consensus_score = fields.Float(readonly=True, groups=QA_LEAD_GROUPS)
    deviation = fields.Float(
        string="Deviation from Consensus",
        readonly=True,
        aggregator="avg",
        groups=QA_LEAD_GROUPS,
        help="This reviewer's score less the average score of all reviewers of the "
        "ticket: "
        "above zero, more lenient; below, stricter.",
    )
    abs_deviation = fields.Float(
        string="Distance from Consensus",
        readonly=True,
        aggregator="avg",
        groups=QA_LEAD_GROUPS,
    )

    def init(self):
        # quality scores are read per agent and period
        tools.create_index(
            self.env.cr,
            "cs_qa_inspection_agent_date_index",
            self._table,
            ["agent_id", "date"],
        )

    # ------------------------------------------------------------------
    # Defaults and computes
    # ------------------------------------------------------------------
    def _default_kind(self):
        """A store manager's check is a spot check (002 §7.1.2)."""
        user = self.env.user
        if user.has_group(
            "cs_management.group_cs_store_manager"
        ) and not user.has_group("cs_management.group_cs_manager"):
            return "store_manager"
        return "supervisor"

    def _default_reviewer(self):
        user = self.env.user
        return user if user.has_group("cs_management.group_cs_supervisor") else False

    def _default_scorecard(self):
        return self.env["cs.qa.scorecard"].search(
            [("company_id", "in", [self.env.company.id, False])], limit=1
        )

    @api.depends("ticket_id")
    def _compute_company_id(self):
        for inspection in self:
            inspection.company_id = (
                inspection.ticket_id.company_id
                or inspection.company_id
                or self.env.company
            )

    @api.depends("ticket_id")
    def _compute_agent_id(self):
        for inspection in self:
            if inspection.ticket_id.user_id:
                inspection.agent_id = inspection.ticket_id.user_id

    @api.depends("ticket_id.team_id", "ticket_id.cs_store_id", "agent_id", "company_id")
    def _compute_team_store(self):
        for inspection in self:
            if inspection.ticket_id:
                inspection.team_id = inspection.ticket_id.team_id
                inspection.store_id = inspection.ticket_id.cs_store_id
                continue
            company = inspection.company_id
            agent = inspection.agent_id.sudo()
            employee = agent.employee_ids.filtered(
                lambda e, company=company: e.company_id == company
            )[:1]
            store = employee.cs_store_id
            inspection.store_id = store
            inspection.team_id = (
                store.helpdesk_team_ids[:1]
                or agent.helpdesk_team_ids.filtered(
                    lambda t, company=company: t.company_id == company
                )[:1]
            )

    @api.depends("ticket_id", "agent_id")
    def _compute_evidence(self):
        for inspection in self:
            ticket = inspection.ticket_id
            inspection.recording_ids = ticket.attachment_ids
            inspection.phrase_violation_ids = ticket.cs_phrase_violation_ids.filtered(
                lambda violation, agent=inspection.agent_id: violation.user_id == agent
            )

    @api.depends("kind", "agent_id", "ticket_id", "date")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for inspection in self:
            inspection.display_name = _(
                "%(kind)s of %(agent)s, %(subject)s",
                kind=kinds.get(inspection.kind, ""),
                agent=inspection.agent_id.name or "",
                subject=inspection.ticket_id.sudo().number
                or format_date(self.env, inspection.date),
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cs_check_recorded_fields(vals)
        default_kind = self.default_get(["kind"]).get("kind")
        self._check_kind_allowed({vals.get("kind", default_kind) for vals in vals_list})
        self._check_ticket_reachable(vals_list)
        inspections = super().create(vals_list)
        inspections._check_scope()
        inspections._check_agent_in_reach()
        inspections.filtered(lambda inspection: not inspection.line_ids)._fill_lines()
        return inspections

    def write(self, vals):
        self._cs_check_recorded_fields(vals)
        if self._cs_sheet_fields & vals.keys():
            self.check_access("write")  # who may not write at all is told so first
        self._cs_guard_sheet(vals)
        if "kind" in vals:
            self._check_kind_allowed({vals["kind"]})
        self._check_ticket_reachable([vals])
        res = super().write(vals)
        if {"agent_id", "ticket_id", "company_id"} & vals.keys():
            self._check_scope()
            self._check_agent_in_reach()
        if "scorecard_id" in vals and "line_ids" not in vals:
            self.line_ids.unlink()
            self._fill_lines()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        self._cs_check_sheet_open()
