from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.safe_eval import safe_eval

from .selections import SATISFACTION

# tasks one job creates; the next job creates the next ones
TASK_BATCH = 500


class CsFollowupPlan(models.Model):
    """A campaign of follow-up calls: who, what, when, by which channel and
    by whom (FUP-1); generating it creates one task per customer (FUP-2)
    and its figures make the plan report (FUP-3)."""

    _name = "cs.followup.plan"
    _description = "Follow-up Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "cs.job.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("running", "Running"), ("done", "Done")],
        default="draft",
        required=True,
        tracking=True,
    )
    partner_domain = fields.Char(
        string="Customers Matching",
        default="[('helpdesk_ticket_ids', '!=', False)]",
        help="Customers selected by a filter, in addition to those listed.",
    )
    partner_ids = fields.Many2many(
        "res.partner", string="Listed Customers", check_company=True
    )
    script = fields.Html(string="Script and Questions")
    channel = fields.Selection(
        [("phone", "Phone"), ("email", "E-mail"), ("survey", "Survey")],
        required=True,
        default="phone",
    )
    date_start = fields.Date(required=True, default=fields.Date.context_today)
    date_end = fields.Date(required=True)
    user_ids = fields.Many2many(
        "res.users",
        string="Agents",
        required=True,
        domain=[("share", "=", False)],
        check_company=True,
    )
    followup_ids = fields.One2many("cs.followup", "plan_id", string="Tasks")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    # report (FUP-3)
    task_count = fields.Integer(compute="_compute_report")
    done_count = fields.Integer(compute="_compute_report")
    reached_count = fields.Integer(compute="_compute_report")
    reach_rate = fields.Float(string="Reach Rate (%)", compute="_compute_report")
    satisfaction_average = fields.Float(compute="_compute_report")
    problem_count = fields.Integer(string="Problems Found", compute="_compute_report")
    satisfaction_distribution = fields.Char(compute="_compute_report")

    _sql_constraints = [
        (
            "dates_ordered",
            "CHECK(date_end >= date_start)",
            "A plan cannot end before it starts.",
        ),
    ]

    @api.depends(
        "followup_ids.state",
        "followup_ids.reached",
        "followup_ids.satisfaction",
        "followup_ids.new_ticket_id",
    )
    def _compute_report(self):
        stats = {
            (plan, state, reached, satisfaction, bool(problem)): count
            for plan, state, reached, satisfaction, problem, count in self.env[
                "cs.followup"
            ]._read_group(
                [("plan_id", "in", self.ids)],
                ["plan_id", "state", "reached", "satisfaction", "new_ticket_id"],
                ["__count"],
            )
        }
        labels = dict(SATISFACTION)
        for plan in self:
            rows = [(key, count) for key, count in stats.items() if key[0] == plan]
            done = [(key, count) for key, count in rows if key[1] == "done"]
            reached = [(key, count) for key, count in done if key[2]]
            scored = [(int(key[3]), count) for key, count in reached if key[3]]
            plan.task_count = sum(count for _key, count in rows)
            plan.done_count = sum(count for _key, count in done)
            plan.reached_count = sum(count for _key, count in reached)
            plan.reach_rate = (
                100.0 * plan.reached_count / plan.done_count if plan.done_count else 0.0
            )
            scored_total = sum(count for _score, count in scored)
            plan.satisfaction_average = (
                sum(score * count for score, count in scored) / scored_total
                if scored_total
                else 0.0
            )
            plan.problem_count = sum(count for key, count in rows if key[4])
            plan.satisfaction_distribution = " · ".join(
                f"{labels[str(score)]}: {sum(c for s, c in scored if s == score)}"
                for score in sorted({s for s, _c in scored}, reverse=True)
            )

    def _partner_filter(self):
        self.ensure_one()
        try:
            return safe_eval(self.partner_domain or "[]")
        except Exception as error:
            raise UserError(
                _(
                    "The customer filter of plan %(plan)s is not valid: %(error)s",
                    plan=self.name,
                    error=error,
                )
            ) from error

    def _target_partners(self):
        partners = self.partner_ids
        if self.partner_domain:
            partners |= self.env["res.partner"].search(self._partner_filter())
        return partners.filtered(
            lambda partner: not partner.is_company or not partner.child_ids
        )

    def _report_left_out(self, count):
        """Customers are called only with their consent (DATA-2); the plan
        says how many were left out."""
        if count:
            self.message_post(
                body=_(
                    "%(count)s customers were left out: they gave no consent to be "
                    "contacted.",
                    count=count,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def action_generate(self):
        """Queue the tasks' creation (FUP-2): one task per selected customer
        not yet in the plan, spread over the agents and over the plan's
        days. Running it again only adds customers that joined the
        selection."""
        self.check_access("write")
        self.env["cs.followup"].check_access("create")
        for plan in self:
            if not plan._cs_task_agents():
                raise UserError(
                    _(
                        "Choose the agents of plan %(plan)s first, among staff "
                        "cleared to serve customers.",
                        plan=plan.name,
                    )
                )
            plan._partner_filter()
        self._cs_enqueue("_job_generate", _("Generate the follow-up tasks"))
        return self._cs_queued_notification(
            _(
                "The tasks are being generated in the background: the plan shows them "
                "as they come."
            )
        )

    def _job_generate(self, batch_size=TASK_BATCH):
        """One batch of tasks; queues the next batch while customers remain."""
        self._cs_job_lock()
        missing = self._target_partners() - self.followup_ids.partner_id
        consenting = missing.filtered(
            lambda partner: partner._cs_consents_to("service")
        )
        batch = consenting.sorted("id")[:batch_size]
        if batch:
            self.env["cs.followup"].create(
                self._task_values(batch, offset=len(self.followup_ids))
            )
            if self.state == "draft":
                self.state = "running"
        if len(batch) < len(consenting):
            self._cs_enqueue(
                "_job_generate", _("Generate the follow-up tasks"), batch_size
            )
        else:
            self._report_left_out(len(missing) - len(consenting))
        return len(batch)

    def _task_values(self, partners, offset):
        days = (self.date_end - self.date_start).days + 1
        agents = self._cs_task_agents()
        return [
            {
                "plan_id": self.id,
                "partner_id": partner.id,
                "user_id": agents[(offset + index) % len(agents)].id,
                "date_due": self.date_start + timedelta(days=(offset + index) % days),
                "company_id": self.company_id.id,
            }
            for index, partner in enumerate(partners.sorted("id"))
        ]

    def _cs_task_agents(self):
        """The plan's agents who may take its calls, in a stable order."""
        return self.user_ids.sorted("id")

    def action_done(self):
        self.state = "done"
        return True

    def action_view_tasks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_management.action_cs_followup"
        )
        action.update(
            domain=[("plan_id", "=", self.id)], context={"default_plan_id": self.id}
        )
        return action
