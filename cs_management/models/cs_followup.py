from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .selections import SATISFACTION


class CsFollowup(models.Model):
    """One follow-up call to a customer (FUP-2): from a plan, or the visit
    after a complaint (CMP-3). A problem found opens a ticket."""

    _name = "cs.followup"
    _description = "Follow-up Visit"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "cs.personal.data",
        "cs.ticket.scoped",
    ]
    _cs_personal_fields = ("phone",)
    _order = "state desc, date_due, id"
    _rec_name = "partner_id"
    _check_company_auto = True

    plan_id = fields.Many2one(
        "cs.followup.plan", ondelete="cascade", index=True, check_company=True
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Ticket Followed Up",
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, check_company=True
    )
    phone = fields.Char(related="partner_id.phone")
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        check_company=True,
    )
    date_due = fields.Date(
        string="Due Date", required=True, default=fields.Date.context_today
    )
    date_done = fields.Datetime(string="Done On", readonly=True)
    state = fields.Selection(
        [("todo", "To Do"), ("done", "Done")],
        default="todo",
        required=True,
        tracking=True,
    )
    reached = fields.Boolean(string="Customer Reached", tracking=True)
    satisfaction = fields.Selection(SATISFACTION, tracking=True)
    remarks = fields.Text()
    new_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Ticket Opened",
        readonly=True,
        copy=False,
        check_company=True,
    )
    script = fields.Html(related="plan_id.script")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.constrains("satisfaction", "reached")
    def _check_satisfaction_needs_contact(self):
        for visit in self:
            if visit.satisfaction and not visit.reached:
                raise ValidationError(
                    _(
                        "A customer who was not reached cannot give a satisfaction "
                        "score."
                    )
                )

    def action_done(self):
        for visit in self:
            if visit.reached and not visit.satisfaction:
                raise UserError(
                    _(
                        "Record the satisfaction %(customer)s gave before closing the "
                        "follow-up.",
                        customer=visit.partner_id.name,
                    )
                )
        self.write({"state": "done", "date_done": fields.Datetime.now()})
        return True

    def action_reset(self):
        self.write({"state": "todo", "date_done": False})
        return True

    def action_open_ticket(self):
        """The customer raised a problem: open a ticket for it."""
        self.ensure_one()
        if self.new_ticket_id:
            return self.new_ticket_id.get_formview_action()
        origin = self.ticket_id
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": _(
                    "Problem found at follow-up: %(customer)s",
                    customer=self.partner_id.name,
                ),
                "description": self.remarks or _("Raised during a follow-up call."),
                "partner_id": self.partner_id.id,
                "partner_name": self.partner_id.name,
                "partner_email": self.partner_id.email,
                "team_id": origin.team_id.id,
                "cs_store_id": origin.cs_store_id.id,
                "channel_id": self.env.ref(
                    "helpdesk_mgmt.helpdesk_ticket_channel_phone"
                ).id,
                "user_id": self.user_id.id,
                "company_id": self.company_id.id,
            }
        )
        self.new_ticket_id = ticket
        return ticket.get_formview_action()
