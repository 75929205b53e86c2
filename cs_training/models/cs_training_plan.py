from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CsTrainingPlan(models.Model):
    """The annual training plan of a company (TRN-2)."""

    _name = "cs.training.plan"
    _description = "Training Plan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        check_company=True,
    )
    goal = fields.Html(string="Goals")
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("closed", "Closed")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    line_ids = fields.One2many(
        "cs.training.plan.line", "plan_id", string="Lines", copy=True
    )
    budget_total = fields.Monetary(
        string="Budget",
        compute="_compute_totals",
        store=True,
        currency_field="currency_id",
    )
    planned_hours_total = fields.Float(
        string="Planned Hours", compute="_compute_totals", store=True
    )
    cost_total = fields.Monetary(
        string="Spent", compute="_compute_cost_total", currency_field="currency_id"
    )
    need_count = fields.Integer(compute="_compute_counts")
    session_count = fields.Integer(compute="_compute_counts")

    _sql_constraints = [
        (
            "year_company_uniq",
            "unique(year, company_id)",
            "A company has one training plan a year.",
        ),
    ]

    @api.constrains("year")
    def _check_year(self):
        if any(not 2000 <= plan.year <= 2100 for plan in self):
            raise ValidationError(_("Give the plan a year such as 2025."))

    @api.depends("line_ids.budget", "line_ids.planned_hours")
    def _compute_totals(self):
        for plan in self:
            plan.budget_total = sum(plan.line_ids.mapped("budget"))
            plan.planned_hours_total = sum(plan.line_ids.mapped("planned_hours"))

    def _compute_cost_total(self):
        for plan in self:
            plan.cost_total = sum(plan.line_ids.mapped("actual_cost"))

    def _compute_counts(self):
        for plan in self:
            plan.need_count = len(plan.line_ids.need_ids)
            plan.session_count = len(plan.line_ids.session_ids)

    def action_approve(self):
        self.write({"state": "approved"})
        return True

    def action_close(self):
        self.write({"state": "closed"})
        return True

    def action_reset_draft(self):
        self.write({"state": "draft"})
        return True

    def action_view_sessions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_training.action_cs_training_session"
        )
        action["domain"] = [("cs_plan_line_id.plan_id", "=", self.id)]
        return action

    def action_view_needs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_training.action_cs_training_need"
        )
        action["domain"] = [("plan_line_id.plan_id", "=", self.id)]
        return action
