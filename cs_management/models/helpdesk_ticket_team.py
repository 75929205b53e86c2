from odoo import _, api, fields, models

PROCESS_FIELDS = ("cs_process", "cs_store_id")


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"
    _check_company_auto = True

    cs_store_id = fields.Many2one(
        "cs.store",
        string="Store",
        index=True,
        check_company=True,
        help="The store this team serves; empty for head-office teams.",
    )
    cs_process = fields.Boolean(
        string="Runs the Customer-Service Process",
        compute="_compute_cs_process",
        store=True,
        readonly=False,
        index=True,
        help="Tickets of this team follow the customer-service process: its "
        "stages and their gates, deadlines, acknowledgements, service "
        "standards and KPIs. Other teams keep the helpdesk's own stages and "
        "behaviour.",
    )
    # service teams work to deadlines (CMP-5)
    use_sla = fields.Boolean(compute="_compute_use_sla", store=True, readonly=False)

    @api.depends("cs_store_id")
    def _compute_cs_process(self):
        # a store's team serves its customers; any other team opts in by hand
        for team in self:
            team.cs_process = team.cs_process or bool(team.cs_store_id)

    @api.depends("cs_process")
    def _compute_use_sla(self):
        for team in self:
            team.use_sla = team.use_sla or team.cs_process

    def _get_applicable_stages(self):
        """Teams in the process use its stages, other teams helpdesk's own;
        stages shared by both, or linked to the team, apply either way."""
        stages = super()._get_applicable_stages()
        in_process = (
            self.cs_process if self else self.env.context.get("cs_process_view", False)
        )
        audiences = ("process", "all") if in_process else ("other", "all")
        return stages.filtered(
            lambda stage: stage.cs_audience in audiences or self in stage.team_ids
        )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cs_check_process_change(vals, creating=True)
        teams = super().create(vals_list)
        # ticket record rules read team membership through the user
        self.env.registry.clear_cache()
        return teams

    def write(self, vals):
        self._cs_check_process_change(vals)
        res = super().write(vals)
        if {"user_ids", "cs_store_id", "active"} & vals.keys():
            self.env.registry.clear_cache()
        return res

    @api.model
    def _cs_check_process_change(self, vals, creating=False):
        self.env["res.users"]._cs_check_decides(
            PROCESS_FIELDS,
            vals,
            ("cs_management.group_cs_manager",),
            _(
                "Only a Customer Service manager decides which teams run the "
                "customer-service process."
            ),
            creating=creating,
        )
