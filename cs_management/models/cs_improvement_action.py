from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CsImprovementAction(models.Model):
    """What is changed so that a complaint does not come back (CMP-7)."""

    _name = "cs.improvement.action"
    _description = "Improvement Action"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "state, date_deadline, id"
    _check_company_auto = True

    name = fields.Char(string="Action", required=True, tracking=True)
    description = fields.Html()
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        tracking=True,
        default=lambda self: self.env.user,
        check_company=True,
    )
    date_deadline = fields.Date(string="Due Date", required=True, tracking=True)
    date_done = fields.Date(string="Done On", readonly=True, tracking=True)
    state = fields.Selection(
        [("open", "Open"), ("done", "Done"), ("cancel", "Cancelled")],
        default="open",
        required=True,
        tracking=True,
    )
    is_late = fields.Boolean(compute="_compute_is_late", search="_search_is_late")
    root_cause_id = fields.Many2one(
        "cs.root.cause",
    )
    ticket_ids = fields.Many2many(
        "helpdesk.ticket",
        "cs_improvement_action_ticket_rel",
        "action_id",
        "ticket_id",
        string="Complaints",
        check_company=True,
    )
    ticket_count = fields.Integer(compute="_compute_ticket_count")
    result = fields.Text(help="What changed, and how it was checked.")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.depends("state", "date_deadline")
    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for action in self:
            action.is_late = action.state == "open" and action.date_deadline < today

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search late actions with “is set” or “is not set”."))
        late = [
            ("state", "=", "open"),
            ("date_deadline", "<", fields.Date.context_today(self)),
        ]
        return late if (operator == "=") == value else ["!", "&", *late]

    @api.depends("ticket_ids")
    def _compute_ticket_count(self):
        for action in self:
            action.ticket_count = len(action.ticket_ids)

    def action_done(self):
        for action in self:
            if not action.result:
                raise UserError(
                    _(
                        "Say what changed (Result) before closing action “%(action)s”.",
                        action=action.name,
                    )
                )
        self.write({"state": "done", "date_done": fields.Date.context_today(self)})
        return True

    def action_cancel(self):
        self.state = "cancel"
        return True

    def action_reopen(self):
        self.write({"state": "open", "date_done": False})
        return True

    def action_view_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_management.action_cs_ticket"
        )
        action.update(domain=[("id", "in", self.ticket_ids.ids)], context={})
        return action
