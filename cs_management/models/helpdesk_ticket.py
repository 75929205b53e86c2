from odoo import api, fields, models

from .selections import SATISFACTION, SEVERITIES, SOLVED_STEPS

# changing these may change the kind or the severity of a ticket
ASSESSMENT_FIELDS = {
    "category_id",
    "cs_severity",
    "cs_po_views",
    "cs_po_shares",
    "cs_po_comments",
    "cs_po_sentiment",
}


class HelpdeskTicket(models.Model):
    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "cs.personal.data", "cs.recorded.fields"]
    _cs_personal_fields = ("partner_email",)
    _check_company_auto = True
    # the deadlines' outcome, the measured times and the loops feed the KPIs
    _cs_recorded_fields = (
        # follow the team and the category: set those, not these
        "cs_process",
        "cs_kind",
        "cs_promised_date",
        "cs_acknowledged",
        "cs_result_told_date",
        "cs_loop_count",
        "cs_reopen_count",
        "cs_followup_done",
        "cs_po_notified_severity",
        "cs_reply_deadline",
        "cs_reply_state",
        "cs_resolution_deadline",
        "cs_resolution_state",
        "cs_first_response_date",
        "cs_solved_date",
        "cs_origin_ticket_id",
        "cs_first_response_hours",
        "cs_resolution_hours",
        # the desk's bookkeeping: reminders, escalations, notices sent
        "cs_idle_reminder_date",
        "cs_no_answer",
        "cs_escalation_count",
        "cs_managers_notified",
        # which article answered the ticket: the knowledge base's use report
        "cs_article_id",
        # whose service a complaint is charged to, and whether its praise was
        # recorded: follow Staff Named / About Contact, which a supervisor sets
        "cs_concerned_user_id",
        "cs_commendation_recorded",
    )

    @property
    def _mail_post_access(self):
        # helpdesk_mgmt lets readers post (its portal customers); read-only
        # roles may not
        return "write" if self.env.user._cs_reads_only() else "read"

    cs_process = fields.Boolean(
        related="team_id.cs_process",
        string="In the Customer-Service Process",
        store=True,
        index=True,
    )
    stage_id = fields.Many2one(
        domain="['|', ('team_ids', '=', team_id), '&', ('team_ids', '=', False), "
        "('cs_audience', 'in', cs_process and ['process', 'all'] or ['other', 'all'])]"
    )
    cs_store_id = fields.Many2one(
        "cs.store",
        string="Store",
        compute="_compute_cs_store_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        check_company=True,
    )
    # --- intake -----------------------------------------------------------
    cs_kind = fields.Selection(
        related="category_id.cs_kind", string="Kind", store=True, index=True
    )
    cs_expected_outcome = fields.Text(
        string="Customer's Expected Outcome",
        help="What the customer asks for: refund, exchange, apology, an answer...",
    )
    cs_product_id = fields.Many2one(
        "product.product", string="Product", index="btree_not_null"
    )
    cs_promised_date = fields.Datetime(
        string="Reply Promised By",
        readonly=True,
        copy=False,
        help="The reply time promised to the customer in the acknowledgement.",
    )
    cs_acknowledged = fields.Boolean(
        string="Acknowledgement Sent", readonly=True, copy=False
    )
    # --- verification and investigation ----------------------------------
    cs_severity = fields.Selection(
        SEVERITIES,
        string="Severity",
        compute="_compute_cs_severity",
        store=True,
        readonly=False,
        tracking=True,
        index=True,
    )
    cs_department_id = fields.Many2one(
        "hr.department",
        string="Responsible Department",
        tracking=True,
        check_company=True,
    )
    cs_handoff_ids = fields.One2many(
        "cs.ticket.handoff", "ticket_id", string="Hand-offs"
    )
    cs_root_cause_id = fields.Many2one(
        "cs.root.cause", string="Root Cause", tracking=True, index="btree_not_null"
    )
    cs_root_cause_note = fields.Text(string="Root Cause Details")
    cs_responsible_party = fields.Char(
        string="Responsible Party",
        help="Who caused the problem: a department, a supplier, the carrier...",
    )
    # --- solution and feedback ------------------------------------------
    cs_solution = fields.Html(
        string="Solution / Answer",
        help="The measures taken, or the answer given to a consultation; "
        "this is what the customer is told.",
    )
    cs_solution_user_id = fields.Many2one(
        "res.users", string="Solution Owner", tracking=True, check_company=True
    )
    cs_solution_deadline = fields.Date(string="Solution Due", tracking=True)
    cs_result_told_date = fields.Datetime(
        string="Result Told to Customer", readonly=True, copy=False, tracking=True
    )
    cs_satisfaction = fields.Selection(
        SATISFACTION, string="Customer Satisfaction", tracking=True, copy=False
    )
    cs_loop_count = fields.Integer(
        string="Unsatisfied Loops",
        readonly=True,
        copy=False,
        tracking=True,
        help="Times the customer was not satisfied at feedback and the ticket "
        "went back to solution.",
    )
    cs_reopen_count = fields.Integer(
        string="Reopened", readonly=True, copy=False, tracking=True
    )
    cs_stage_step = fields.Selection(
        related="stage_id.cs_step", string="Lifecycle Step"
    )
    cs_phrase_violation_ids = fields.One2many(
        "cs.phrase.violation", "ticket_id", string="Phrase Rule Violations"
    )
    # --- follow-up and closing -------------------------------------------
    cs_followup_ids = fields.One2many(
        "cs.followup", "ticket_id", string="Follow-up Visits"
    )
    cs_followup_done = fields.Boolean(
        string="Follow-up Visit Completed",
        compute="_compute_cs_followup_done",
        store=True,
    )
    cs_summary = fields.Text(
        string="Closing Summary", help="What happened, why, and the lesson learned."
    )
    cs_improvement_action_ids = fields.Many2many(
        "cs.improvement.action",
        "cs_improvement_action_ticket_rel",
        "ticket_id",
        "action_id",
        string="Improvement Actions",
        check_company=True,
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("team_id")
    def _compute_cs_store_id(self):
        for ticket in self:
            if ticket.team_id.cs_store_id:
                ticket.cs_store_id = ticket.team_id.cs_store_id

    @api.depends(
        "cs_kind", "cs_po_views", "cs_po_shares", "cs_po_comments", "cs_po_sentiment"
    )
    def _compute_cs_severity(self):
        thresholds = self.env["cs.opinion.threshold"].search([])
        for ticket in self:
            if ticket.cs_kind == "public_opinion":
                ticket.cs_severity = thresholds._severity_for(ticket)
            else:
                ticket.cs_severity = ticket.cs_severity

    @api.depends("cs_followup_ids.state", "cs_followup_ids.reached")
    def _compute_cs_followup_done(self):
        for ticket in self:
            ticket.cs_followup_done = any(
                visit.state == "done" and visit.reached
                for visit in ticket.cs_followup_ids
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cs_check_recorded_fields(vals)
            self._cs_complete_intake(vals)
        tickets = super().create(vals_list)
        tickets._cs_after_intake()
        return tickets

    @api.model
    def _cs_complete_intake(self, vals):
        """What the form fills in on its own, for tickets created by code or
        RPC: the customer's name and e-mail, the store's or channel's team."""
        partner = self.env["res.partner"].browse(vals.get("partner_id"))
        if partner:
            vals.setdefault("partner_name", partner.name)
            vals.setdefault("partner_email", partner.email)
        self._cs_default_team(vals)
        self._cs_default_stage(vals)

    @api.model
    def _cs_default_team(self, vals):
        """The store's team, else the channel's default team."""
        if vals.get("team_id"):
            return
        store = self.env["cs.store"].browse(vals.get("cs_store_id"))
        channel = self.env["helpdesk.ticket.channel"].browse(vals.get("channel_id"))
        team = store.helpdesk_team_ids[:1] or channel.cs_team_id
        if team:
            vals["team_id"] = team.id

    @api.model
    def _cs_default_stage(self, vals):
        """A ticket of a team in the process starts in the process, whatever
        stage the form proposed before the team was known."""
        team = self.env["helpdesk.ticket.team"].browse(vals.get("team_id"))
        if team.cs_process and vals.get("stage_id"):
            stages = team._get_applicable_stages()
            if vals["stage_id"] not in stages.ids:
                vals["stage_id"] = stages[:1].id

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        """The kanban shows the process's stages in the process's menus and
        helpdesk's own elsewhere; a stage holding tickets always shows."""
        audiences = (
            ("process", "all")
            if self.env.context.get("cs_process_view")
            else ("other", "all")
        )
        return (
            super()
            ._read_group_stage_ids(stages, domain)
            .filtered(
                lambda stage: (
                    stage in stages or stage.cs_audience in audiences or stage.team_ids
                )
            )
        )

    def write(self, vals):
        self._cs_check_recorded_fields(vals)
        if not vals.get("stage_id"):
            res = super().write(vals)
        elif len(self) == 1:
            # the usual move, from a form or the kanban: one write
            old_stage = self.stage_id
            new_stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
            self._cs_check_stage_move(new_stage)
            move_values = (
                self._cs_stage_move_values(old_stage, new_stage)
                if self.cs_process
                else {}
            )
            res = super().write(dict(vals, **move_values))
            self._cs_after_stage_move()
        else:
            res = True
            for ticket in self:
                res &= ticket.write(vals)
            return res
        if ASSESSMENT_FIELDS & vals.keys():
            self._cs_after_assessment(refresh_deadlines=True)
        return res

    def _cs_after_intake(self):
        # OCA's create has just set the deadlines
        self._cs_after_assessment(refresh_deadlines=False)

    def _cs_after_assessment(self, refresh_deadlines):
        """Kind or severity known or changed: deadlines, promise, escalation."""
        tickets = self.filtered("cs_process")
        if refresh_deadlines:
            # deadlines are the system's bookkeeping, not the agent's to edit
            for ticket in tickets.sudo().filtered(
                lambda t: t.team_id.use_sla and not t.closed
            ):
                ticket.refresh_sla()
        tickets._cs_update_promise()
        tickets._cs_acknowledge()
        tickets._cs_assign_to_supervisor()
        tickets._cs_notify_management()

    def _cs_stage_move_values(self, old_stage, new_stage):
        """What moving from ``old_stage`` to ``new_stage`` records."""
        values = {}
        solved = new_stage.cs_step in SOLVED_STEPS  # the customer accepted the result
        if new_stage.cs_step and solved != bool(self.cs_solved_date):
            values["cs_solved_date"] = solved and fields.Datetime.now()
        if old_stage.cs_step == "feedback" and new_stage.cs_step == "solution":
            values["cs_loop_count"] = self.cs_loop_count + 1
        if old_stage.closed and not new_stage.closed:
            values["cs_reopen_count"] = self.cs_reopen_count + 1
        return values

    def _cs_after_stage_move(self):
        if self.stage_id.cs_step == "followup" and not self.cs_followup_ids.filtered(
            lambda visit: visit.state == "todo"
        ):
            self.env["cs.followup"].with_context(mail_create_nolog=True).create(
                self._cs_followup_values()
            )

    def _cs_followup_values(self):
        delay = self.company_id.cs_followup_delay_days
        return {
            "ticket_id": self.id,
            "partner_id": self.partner_id.id,
            "user_id": (self.user_id or self.env.user).id,
            "date_due": fields.Date.add(fields.Date.context_today(self), days=delay),
            "company_id": self.company_id.id,
        }
