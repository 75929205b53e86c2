from odoo import Command, api, fields, models

from .selections import LIFECYCLE_STEPS


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    cs_step = fields.Selection(
        LIFECYCLE_STEPS,
        string="Lifecycle Step",
        help="The step of the service process this stage stands for; the "
        "rules of that step (first response, feedback loop, follow-up "
        "visit, closing) apply to it.",
    )
    cs_audience = fields.Selection(
        [
            ("process", "Customer-service teams"),
            ("other", "Other teams"),
            ("all", "All teams"),
        ],
        string="Used By",
        compute="_compute_cs_audience",
        store=True,
        help="A stage of the customer-service process serves the teams that "
        "run it; the helpdesk's own stages serve the other teams.",
    )
    cs_requirement_ids = fields.One2many(
        "helpdesk.ticket.stage.requirement",
        "stage_id",
        string="Requirements by Kind",
    )
    cs_pauses_deadlines = fields.Boolean(
        string="Pauses Deadlines",
        help="The ticket waits for the customer or another department here: "
        "its deadline clocks stop until it moves on.",
    )
    cs_reachable_from_any_stage = fields.Boolean(
        string="Reachable from Any Stage",
        help="Tickets may jump here even when their kind forbids skipping "
        "stages (e.g. Cancelled, Rejected).",
    )

    @api.depends("cs_step", "cs_reachable_from_any_stage")
    def _compute_cs_audience(self):
        for stage in self:
            if stage.cs_step:
                stage.cs_audience = "process"
            else:
                stage.cs_audience = (
                    "all" if stage.cs_reachable_from_any_stage else "other"
                )

    def _cs_required_fields(self, kind):
        """Fields a ticket of ``kind`` must have to be in this stage: those
        of OCA's stage validation, for every ticket, and ours, by kind."""
        self.ensure_one()
        stage = self.sudo()
        return (
            stage.validate_field_ids
            | stage.cs_requirement_ids.filtered(
                lambda requirement: requirement._applies_to(kind)
            ).field_id
        )

    @api.model_create_multi
    def create(self, vals_list):
        stages = super().create(vals_list)
        stages.filtered("cs_pauses_deadlines")._cs_sync_paused_deadlines()
        return stages

    def write(self, vals):
        res = super().write(vals)
        if "cs_pauses_deadlines" in vals:
            self._cs_sync_paused_deadlines()
        return res

    def _cs_sync_paused_deadlines(self):
        """The pause is set on the stage; OCA's SLAs read it from their
        ignored stages, so keep those in step."""
        slas = (
            self.env["helpdesk.sla"].sudo().with_context(active_test=False).search([])
        )
        for stage in self:
            command = Command.link if stage.cs_pauses_deadlines else Command.unlink
            slas.write({"ignore_stage_ids": [command(stage.id)]})
