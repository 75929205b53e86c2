from odoo import _, api, fields, models


class HelpdeskSla(models.Model):
    _inherit = "helpdesk.sla"

    # translatable here (helpdesk_mgmt_sla's is not): the shipped deadlines'
    # names are options users pick on the ticket screens. Installing or
    # upgrading converts the varchar column to jsonb (the value becomes the
    # en_US one); uninstalling converts it back, keeping the en_US value.
    name = fields.Char(required=True, translate=True)
    cs_process = fields.Boolean(
        string="For the Customer-Service Process",
        index=True,
        help="Applies to the tickets of the teams that run the customer-service "
        "process, and only to them; other deadlines apply to the other teams.",
    )
    cs_minutes = fields.Integer(
        string="Minutes",
        default=0,
        help="Added to days and hours: social-media replies are due in minutes.",
    )
    cs_target = fields.Selection(
        [("first_response", "First response"), ("resolution", "Resolution")],
        string="Measures",
        required=True,
        default="resolution",
        help="What meeting this deadline means in the KPIs: replying in time "
        "or solving in time.",
    )
    cs_promised = fields.Boolean(
        string="Promised to the Customer",
        help="This deadline is the reply time promised to the customer in "
        "the acknowledgement.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cs_check_process_change(vals, creating=True)
        paused = self.env["helpdesk.ticket.stage"].search(
            [("cs_pauses_deadlines", "=", True)]
        )
        for vals in vals_list:
            vals.setdefault("ignore_stage_ids", [(6, 0, paused.ids)])
        return super().create(vals_list)

    def write(self, vals):
        self._cs_check_process_change(vals)
        return super().write(vals)

    @api.model
    def _cs_check_process_change(self, vals, creating=False):
        self.env["res.users"]._cs_check_decides(
            ("cs_process",),
            vals,
            ("cs_management.group_cs_manager",),
            _(
                "Only a Customer Service manager decides which deadlines serve the "
                "customer-service process."
            ),
            creating=creating,
        )

    @api.model
    def _cs_applicable_domain(self, ticket):
        """The deadlines of the process and those of the other teams never mix."""
        return [("cs_process", "=", ticket.cs_process)]
