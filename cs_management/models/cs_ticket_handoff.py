from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression


class CsTicketHandoff(models.Model):
    """A ticket handed to another department, tracked until it answers
    (CMP-6): every step shows in the ticket's chatter and the customer gets
    a progress message."""

    _name = "cs.ticket.handoff"
    _inherit = ["cs.ticket.scoped"]
    _description = "Ticket Hand-off"
    _order = "date_requested desc, id desc"
    _rec_name = "department_id"
    _check_company_auto = True

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    department_id = fields.Many2one("hr.department", required=True, check_company=True)
    user_id = fields.Many2one(
        "res.users", string="Owner", required=True, check_company=True
    )
    request = fields.Text(string="What Is Asked", required=True)
    date_requested = fields.Datetime(
        string="Requested On", required=True, default=fields.Datetime.now
    )
    date_due = fields.Date(string="Due Date", required=True)
    date_done = fields.Datetime(string="Done On", readonly=True)
    result = fields.Text()
    state = fields.Selection(
        [("open", "In Progress"), ("done", "Done")],
        default="open",
        required=True,
        readonly=True,
    )

    # A hand-off is its owner's to answer; anyone else reaches it through
    # its ticket, so the ticket's access rules are the only ones to keep.
    @api.model
    def _search(self, domain, *args, **kwargs):
        if not self.env.su:
            visible_tickets = self.env["helpdesk.ticket"]._search([])
            domain = expression.AND(
                [
                    domain,
                    [
                        "|",
                        ("user_id", "=", self.env.uid),
                        ("ticket_id", "in", visible_tickets),
                    ],
                ]
            )
        return super()._search(domain, *args, **kwargs)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if result:
            return result
        others = self.sudo().filtered(
            lambda handoff: handoff.user_id.id != self.env.uid
        )
        return (
            others.ticket_id.with_env(self.env)._check_access(operation)
            if others
            else None
        )

    @api.model_create_multi
    def create(self, vals_list):
        handoffs = super().create(vals_list)
        for handoff in handoffs:
            handoff._log(
                _(
                    "Handed to %(department)s (%(owner)s), due %(due)s: %(request)s",
                    department=handoff.department_id.name,
                    owner=handoff.user_id.name,
                    due=handoff.date_due,
                    request=handoff.request,
                )
            )
            handoff.ticket_id.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=handoff.date_due,
                summary=_("Hand-off: %(request)s", request=handoff.request[:80]),
                user_id=handoff.user_id.id,
            )
            handoff._inform_customer()
        return handoffs

    def action_done(self):
        for handoff in self:
            if not handoff.result:
                raise UserError(
                    _(
                        "Write the result of the hand-off to %(department)s before "
                        "closing it.",
                        department=handoff.department_id.name,
                    )
                )
        self.write({"state": "done", "date_done": fields.Datetime.now()})
        for handoff in self:
            handoff._log(
                _(
                    "%(department)s answered: %(result)s",
                    department=handoff.department_id.name,
                    result=handoff.result,
                )
            )
            handoff._inform_customer()
        return True

    def _log(self, text):
        self.ticket_id.message_post(
            body=Markup("<p>%s</p>") % text, subtype_xmlid="mail.mt_note"
        )

    def _inform_customer(self):
        ticket = self.ticket_id
        if not ticket.partner_id or not ticket._cs_can_write_to_customer():
            return
        # written in the customer's language, whoever moves the hand-off
        ticket = ticket._cs_in_lang_of(ticket.partner_id)
        ticket.with_context(cs_system_message=True).message_post_with_source(
            "cs_management.message_ticket_progress",
            render_values={"handoff": self.with_env(ticket.env)},
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=ticket.partner_id.ids,
            author_id=ticket.company_id.partner_id.id,
        )
