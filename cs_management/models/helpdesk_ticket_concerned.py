from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext

# who says whose service a complaint or a commendation is about: a
# supervisor, at verification or investigation (the holder must not shift a
# complaint onto a colleague)
CONCERNED_FIELDS = {"cs_about_ticket_id", "cs_staff_user_id"}
CONCERNED_STEPS = ("acceptance", "verification", "investigation")


class HelpdeskTicket(models.Model):
    """Whose service a complaint or a commendation is about (000 §7.1.1,
    003 §5.1.3): the staff member named, when the complaint's root cause is
    about staff (a commendation always names who it praises), else the agent
    who served the customer in the earlier contact it is about. The agent's
    complaint rate counts complaints charged this way, not held."""

    _inherit = "helpdesk.ticket"

    cs_about_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="About Contact",
        tracking=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
        domain="[('id', '!=', id), ('commercial_partner_id', '=', "
        "commercial_partner_id)]",
        help="The customer's earlier contact this complaint or commendation is "
        "about: its agent is charged or praised.",
    )
    cs_staff_user_id = fields.Many2one(
        "res.users",
        string="Staff Named",
        tracking=True,
        copy=False,
        check_company=True,
        domain="[('share', '=', False)]",
        help="The staff member the customer names. A complaint is charged to them "
        "when its root cause is about staff.",
    )
    cs_concerned_user_id = fields.Many2one(
        "res.users",
        string="Whose Service",
        compute="_compute_cs_concerned_user_id",
        store=True,
        index="btree_not_null",
        help="The agent this complaint is charged to, or this commendation praises.",
    )
    cs_commendation_ids = fields.One2many(
        "cs.conduct.record", "ticket_id", string="Commendation"
    )
    # stored: the form hides its button without reading the commendations
    cs_commendation_recorded = fields.Boolean(
        compute="_compute_cs_commendation_recorded", store=True
    )

    @api.depends(
        "cs_kind",
        "cs_staff_user_id",
        "cs_root_cause_id.cs_about_staff",
        "cs_about_ticket_id.user_id",
    )
    def _compute_cs_concerned_user_id(self):
        for ticket in self:
            if not (ticket.cs_staff_user_id or ticket.cs_about_ticket_id):
                # most tickets: no need to read the root cause
                ticket.cs_concerned_user_id = False
                continue
            names_staff = ticket.cs_kind == "commendation" or (
                ticket.cs_root_cause_id.cs_about_staff
            )
            ticket.cs_concerned_user_id = (
                names_staff and ticket.cs_staff_user_id
            ) or ticket.cs_about_ticket_id.user_id

    @api.depends("cs_commendation_ids")
    def _compute_cs_commendation_recorded(self):
        for ticket in self:
            ticket.cs_commendation_recorded = bool(ticket.cs_commendation_ids)

    @api.constrains("cs_about_ticket_id", "commercial_partner_id")
    def _check_cs_about_ticket(self):
        for ticket in self.filtered("cs_about_ticket_id"):
            about = ticket.cs_about_ticket_id
            if about == ticket or (
                about.commercial_partner_id != ticket.commercial_partner_id
            ):
                raise ValidationError(
                    _(
                        "%(ticket)s can only be about an earlier contact of the "
                        "same customer.",
                        ticket=ticket.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            CONCERNED_FIELDS & vals.keys() for vals in vals_list
        ):
            # a new contact is at acceptance: only who may say it later
            self.browse()._cs_check_concerned_editable()
        return super().create(vals_list)

    def write(self, vals):
        if CONCERNED_FIELDS & vals.keys() and not self.env.su:
            self._cs_check_concerned_editable()
        return super().write(vals)

    def _cs_check_concerned_editable(self):
        if not self.env.user.has_group("cs_management.group_cs_supervisor"):
            raise UserError(
                _("Only a supervisor says whose service a contact is about.")
            )
        late = self.filtered(
            lambda ticket: (
                ticket.cs_stage_step and ticket.cs_stage_step not in CONCERNED_STEPS
            )
        )
        if late:
            raise UserError(
                _(
                    "Whose service %(ticket)s is about is settled at verification "
                    "or investigation.",
                    ticket=late[0].display_name,
                )
            )

    def action_cs_record_commendation(self):
        """The customer's praise, recorded against the agent it is about: a
        commendation contact's agent (Whose Service), else the agent of a
        contact rated top with a comment. Once per contact."""
        self.ensure_one()
        # the caller must be one who may write the contact (its agent, its
        # supervisor): then the process records what agents may not create
        self.check_access("write")
        employee, note = self._cs_commendation_subject()
        self.env["cs.conduct.record"].sudo().create(
            {
                "kind": "commendation",
                "source": "customer",
                "employee_id": employee.id,
                "team_id": self.team_id.id,
                "date": fields.Date.context_today(self),
                "note": note,
                "ticket_id": self.id,
            }
        )
        self.message_post(
            body=_("Commendation recorded for %(name)s.", name=employee.name)
        )
        return True

    def _cs_commendation_subject(self):
        """(employee praised, what the customer said), or a clear refusal."""
        if self.cs_commendation_recorded:
            raise UserError(_("This contact's commendation is already recorded."))
        if self.cs_kind == "commendation":
            user = self.cs_concerned_user_id
            note = html2plaintext(self.description or "")
        else:
            rating = self.rating_ids.filtered(
                lambda r: r.consumed and r.rating_text == "top" and r.feedback
            )[:1]
            user, note = self.user_id, rating.feedback
        if not note:
            raise UserError(
                _(
                    "Record a commendation from a commendation contact or from a "
                    "top rating with the customer's comment."
                )
            )
        # the public directory: any colleague may name whom a customer praised
        employee = self.env["hr.employee.public"].search(
            [("user_id", "=", user.id or 0), ("company_id", "=", self.company_id.id)],
            limit=1,
        )
        if not employee:
            raise UserError(
                _(
                    "Say whose service %(ticket)s praises: name the staff member or "
                    "the earlier contact.",
                    ticket=self.display_name,
                )
            )
        return employee, note
