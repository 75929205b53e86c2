from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.cs_management.models.record_access import (
    accessible_ids_query,
    boolean_search,
)

# the RMA still waits for goods, a document or a decision
OPEN_RMA_STATES = (
    "draft",
    "confirmed",
    "received",
    "waiting_return",
    "waiting_replacement",
)
# the after-sales kinds that take goods back, within the return window
TAKING_BACK = ("return", "exchange")
OVERRIDE_GROUP = "cs_management.group_cs_supervisor"


def check_may_override(env, vals_list, field_name):
    """Odoo checks a field's groups when it is written, not when a record is
    created with it: a crafted create gets the same refusal."""
    if env.su or env.user.has_group(OVERRIDE_GROUP):
        return
    if any(vals.get(field_name) for vals in vals_list):
        raise AccessError(
            _("Only a supervisor may take goods back after their return window.")
        )


class Rma(models.Model):
    _inherit = "rma"
    # OCA's rma links nothing company-bound itself: the ticket link is ours
    _check_company_auto = True

    cs_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Ticket",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
        check_company=True,
        help="The ticket the after-sales request was made on.",
    )
    cs_kind = fields.Selection(
        related="operation_id.cs_kind", string="After-Sales Kind"
    )
    cs_is_open = fields.Boolean(
        string="Open", compute="_compute_cs_is_open", search="_search_cs_is_open"
    )
    cs_return_deadline = fields.Date(
        string="Return Window Ends",
        compute="_compute_cs_return_deadline",
        help="Last day of the return window of the product's category, "
        "counted from the delivery.",
    )
    cs_window_override_reason = fields.Char(
        string="Late Return Accepted Because",
        groups=OVERRIDE_GROUP,
        tracking=True,
        copy=False,
        help="A supervisor takes the goods back after their return window; "
        "the reason is logged on the ticket.",
    )

    # for the record rules of Customer Service users (security/orders_security.xml)
    cs_ticket_readable = fields.Boolean(
        string="On a Ticket the User May Read",
        compute="_compute_cs_ticket_readable",
        search="_search_cs_ticket_readable",
    )

    def _compute_cs_ticket_readable(self):
        # a rule checks records as superuser: the user's own ticket rules
        readable = self.cs_ticket_id.sudo(False)._filtered_access("read")
        for rma in self:
            rma.cs_ticket_readable = rma.cs_ticket_id in readable

    def _search_cs_ticket_readable(self, operator, value):
        tickets = accessible_ids_query(self.env, "helpdesk.ticket")
        readable = (
            [("cs_ticket_id", "in", tickets)] if tickets is not None else [(0, "=", 1)]
        )
        return boolean_search(operator, value, readable)

    def _compute_cs_is_open(self):
        for rma in self:
            rma.cs_is_open = rma.state in OPEN_RMA_STATES

    def _search_cs_is_open(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError(operator)
        wanted = bool(value) == (operator == "=")
        return [("state", "in" if wanted else "not in", OPEN_RMA_STATES)]

    @api.depends("move_id.date", "picking_id.date_done", "product_id.categ_id")
    def _compute_cs_return_deadline(self):
        for rma in self:
            delivered = rma.move_id.date or rma.picking_id.date_done
            rma.cs_return_deadline = (
                delivered
                and rma.product_id.categ_id._cs_return_deadline(
                    fields.Datetime.context_timestamp(rma, delivered).date()
                )
            )

    def _cs_late(self):
        today = fields.Date.context_today(self)
        return self.filtered(
            lambda rma: (
                rma.cs_kind in TAKING_BACK
                and rma.cs_return_deadline
                and today > rma.cs_return_deadline
            )
        )

    def action_confirm(self):
        late = self.filtered(lambda rma: rma.state == "draft")._cs_late()
        late._cs_check_window_override()
        res = super().action_confirm()
        late._cs_log_window_override()
        return res

    def _cs_check_window_override(self):
        """Goods past their return window come back only on a supervisor's
        word, with a reason (a supervisor's field)."""
        for rma in self:
            if not self.env.user.has_group(OVERRIDE_GROUP):
                raise AccessError(
                    _(
                        "The return window of %(product)s ended on %(day)s: only a "
                        "supervisor may take it back, with a reason.",
                        product=rma.product_id.display_name,
                        day=rma.cs_return_deadline,
                    )
                )
            if not (rma.cs_window_override_reason or "").strip():
                raise UserError(
                    _(
                        "The return window of %(product)s ended on %(day)s: give "
                        "the reason for taking it back anyway.",
                        product=rma.product_id.display_name,
                        day=rma.cs_return_deadline,
                    )
                )

    def _cs_log_window_override(self):
        for rma in self.filtered("cs_ticket_id"):
            rma.cs_ticket_id.message_post(
                body=Markup("<p>%s</p>")
                % _(
                    "%(rma)s (%(product)s) accepted after its return window "
                    "(ended %(day)s): %(reason)s",
                    rma=rma.name,
                    product=rma.product_id.display_name,
                    day=rma.cs_return_deadline,
                    reason=rma.cs_window_override_reason,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _cs_check_ticket_scope(self):
        """An RMA is put only on a ticket the user may change."""
        tickets = self.cs_ticket_id
        if tickets and not self.env.su:
            tickets.check_access("write")

    @api.model_create_multi
    def create(self, vals_list):
        check_may_override(self.env, vals_list, "cs_window_override_reason")
        records = super().create(vals_list)
        records._cs_check_ticket_scope()
        return records

    def write(self, vals):
        res = super().write(vals)
        if "cs_ticket_id" in vals:
            self._cs_check_ticket_scope()
        return res
