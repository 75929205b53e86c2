from odoo import api, fields, models

CONDUCT_KINDS = [
    ("commendation", "Commendation"),
    ("disciplinary", "Disciplinary Record"),
]
CONDUCT_SOURCES = [
    ("customer", "Customer"),
    ("qa", "Quality Inspection"),
    ("manager", "Manager"),
]


class CsConductRecord(models.Model):
    """A reward or a penalty of an employee (003 §5.2.2, §6.1.3, 002 §5.5.3,
    004 §5.2.4): a commendation or a disciplinary record, from a customer,
    a quality inspection or a manager. The KPI report counts them on their
    date (customer commendations make the praise rate), so the appraisal of
    the period they fall in reads them. Who may record which is said by the
    record rules: supervisors for their staff (QA and customers), store and
    CS managers any source; an agent reads its own."""

    _name = "cs.conduct.record"
    _description = "Commendation or Disciplinary Record"
    _inherit = ["mail.thread", "cs.recorded.fields"]
    # the contact it came from: set by the ticket's action only
    _cs_recorded_fields = ("ticket_id",)
    _order = "date desc, id desc"
    _check_company_auto = True

    kind = fields.Selection(CONDUCT_KINDS, required=True, tracking=True)
    source = fields.Selection(CONDUCT_SOURCES, required=True, tracking=True)
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        ondelete="restrict",
    )
    user_id = fields.Many2one(
        related="employee_id.user_id", string="User", store=True, index=True
    )
    store_id = fields.Many2one(
        related="employee_id.cs_store_id", string="Store", store=True, index=True
    )
    team_id = fields.Many2one(
        "helpdesk.ticket.team",
        tracking=True,
        check_company=True,
        help="The team the employee served in; the contact's team when "
        "recorded from a contact.",
    )
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True, precompute=True
    )
    date = fields.Date(
        required=True,
        index=True,
        tracking=True,
        default=fields.Date.context_today,
        help="The day it counts on: the appraisal of the period holding it reads it.",
    )
    note = fields.Text(required=True, tracking=True)
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Contact",
        index="btree_not_null",
        readonly=True,
        check_company=True,
        help="The customer's contact this commendation was recorded from.",
    )

    _sql_constraints = [
        (
            "ticket_uniq",
            "unique(ticket_id)",
            "This contact's commendation is already recorded.",
        ),
    ]

    @api.depends("kind", "employee_id", "date")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for record in self:
            record.display_name = " · ".join(
                filter(
                    None,
                    (
                        kinds.get(record.kind),
                        record.employee_id.name,
                        record.date and fields.Date.to_string(record.date),
                    ),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cs_check_recorded_fields(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._cs_check_recorded_fields(vals)
        res = super().write(vals)
        # the rules say who may record which: a record edited out of the
        # writer's reach (another source or employee) is refused as a whole
        if not self.env.su:
            self.check_access("write")
        return res
