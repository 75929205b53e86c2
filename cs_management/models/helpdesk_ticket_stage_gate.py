from odoo import _, models
from odoo.exceptions import UserError

from .selections import UNSATISFIED_UP_TO


class HelpdeskTicket(models.Model):
    """The stage gate (CMP-2..7): what each kind of ticket needs before it
    enters a stage, and the order of the process's stages."""

    _inherit = "helpdesk.ticket"

    def _check_ticket_has_empty_fields(self):
        """OCA stage validation, made kind-aware: the stage says which
        fields each kind of ticket needs to be there."""
        self.ensure_one()
        if not self.cs_process:
            # OCA's check reads every field when the stage requires none
            return (
                self.stage_id.sudo().validate_field_ids
                and super()._check_ticket_has_empty_fields()
            )
        required = self.stage_id._cs_required_fields(self.cs_kind)
        waived = self._cs_waived_fields()
        missing = [
            name
            for name in required.mapped("name")
            if not self[name] and name not in waived
        ]
        if not missing:
            return False
        return _(
            "Ticket %(ticket)s can't be moved to the stage %(stage)s until "
            "the following fields are set: %(fields)s.",
            ticket=self.display_name,
            stage=self.stage_id.name,
            fields=", ".join(
                self._fields[name]._description_string(self.env) for name in missing
            ),
        )

    def _cs_check_stage_move(self, new_stage):
        """Moves the service process forbids, before they happen."""
        for ticket in self.filtered("cs_process"):
            old_stage = ticket.stage_id
            if not old_stage or new_stage == old_stage:
                continue
            forward = new_stage.sequence > old_stage.sequence
            if (
                forward
                and old_stage.cs_step == "feedback"
                and ticket.cs_satisfaction
                and ticket.cs_satisfaction <= UNSATISFIED_UP_TO
            ):
                raise UserError(
                    _(
                        "The customer of %(ticket)s is not satisfied: send the "
                        "ticket back to solution (button “Not Satisfied”) "
                        "instead of moving it on.",
                        ticket=ticket.display_name,
                    )
                )
            if (
                forward
                and ticket.category_id.cs_strict_stages
                and not new_stage.cs_reachable_from_any_stage
            ):
                expected = ticket._cs_next_stage()
                if expected and new_stage != expected:
                    raise UserError(
                        _(
                            "%(ticket)s must go through every stage in order: "
                            "next is %(next)s, not %(stage)s.",
                            ticket=ticket.display_name,
                            next=expected.name,
                            stage=new_stage.name,
                        )
                    )

    def _cs_next_stage(self):
        self.ensure_one()
        stages = self.team_id._get_applicable_stages().filtered(
            lambda stage: not stage.cs_reachable_from_any_stage
        )
        return stages.filtered(lambda stage: stage.sequence > self.stage_id.sequence)[
            :1
        ]
