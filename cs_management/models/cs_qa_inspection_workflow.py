from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import is_html_empty


class CsQaInspection(models.Model):
    """An inspection's steps (QA-3): who may write it at which step;
    published to the agent, acknowledged by the agent, submitted in a
    calibration session, reset to draft."""

    _inherit = "cs.qa.inspection"

    sheet_editable = fields.Boolean(
        compute="_compute_sheet_editable",
        help="A draft the current user may write: what the form lets edit.",
    )

    # ------------------------------------------------------------------
    # Who may write what, at which step: a draft is its reviewer's to
    # score (ASSESSMENT_FIELDS, as far as the record rules let them write
    # it), then it is frozen; the view reads sheet_editable
    # ------------------------------------------------------------------
    def _check_kind_allowed(self, kinds):
        """Who may open which kind of inspection (QA-3)."""
        if self.env.su:
            return
        user = self.env.user
        if "store_manager" in kinds and not user.has_group(
            "cs_management.group_cs_store_manager"
        ):
            raise AccessError(
                _("Only store managers and CS managers make store-manager spot checks.")
            )
        if "calibration" in kinds and not user.has_group(
            "cs_management.group_cs_manager"
        ):
            raise AccessError(
                _(
                    "Calibration scores are opened by a CS manager starting a "
                    "calibration session."
                )
            )

    @api.model
    def _check_ticket_reachable(self, vals_list):
        """The ticket an inspection is put on is one the reviewer may read,
        checked before anything (saving may make the reviewer a follower)."""
        tickets = self.env["helpdesk.ticket"].browse(
            [vals["ticket_id"] for vals in vals_list if vals.get("ticket_id")]
        )
        if tickets and not self.env.su:
            tickets.check_access("read")

    def _check_scope(self):
        """Where the inspection landed, not only where it was: the reviewer
        still reaches it (record rules follow agent and store)."""
        if not self.env.su:
            self.check_access("write")

    def _check_agent_in_reach(self):
        """Whose work is judged is not the reviewer's pick: the ticket's
        assignee, or someone the writer leads. A reviewer given another
        store's inspection may not turn it on anybody else."""
        if self.env.su or self.env.user.has_group("cs_management.group_cs_manager"):
            return
        reach = self.env.user._cs_staff_in_reach()
        for inspection in self:
            if inspection.agent_id not in reach | inspection.ticket_id.user_id:
                raise AccessError(
                    _(
                        "%(agent)s is neither the ticket's assignee nor someone you "
                        "lead: you cannot inspect their work.",
                        agent=inspection.agent_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------
    def action_publish(self):
        """Show the result to the agent, who is asked to acknowledge it."""
        self.check_access("write")
        for inspection in self:
            if inspection.kind == "calibration":
                raise UserError(
                    _(
                        "Calibration scores are not published to the agent: submit "
                        "them to the session."
                    )
                )
            if inspection.state != "draft":
                raise UserError(
                    _(
                        "%(inspection)s is already published.",
                        inspection=inspection.display_name,
                    )
                )
            if not inspection.passed and is_html_empty(inspection.remarks):
                raise UserError(
                    _(
                        "%(inspection)s is below the pass mark: write coaching remarks "
                        "for the agent before publishing.",
                        inspection=inspection.display_name,
                    )
                )
        for inspection in self:
            if not inspection.reviewer_id:
                inspection.reviewer_id = self.env.user
            inspection.sudo().write(
                {"state": "published", "published_date": fields.Datetime.now()}
            )
            inspection._cs_in_lang_of(
                inspection.agent_id
            )._notify_agent()  # in the agent's language
        return True

    def _notify_agent(self):
        agent = self.agent_id
        self.message_subscribe(partner_ids=agent.partner_id.ids)
        self.message_post(
            body=Markup("<p>%s</p>")
            % _(
                "Your quality result: %(score)s out of %(scale)s, %(result)s. "
                "Read the coaching remarks and acknowledge the result.",
                score=self.score_on_scale,
                scale=self.scale,
                result=_("passed") if self.passed else _("not passed"),
            ),
            partner_ids=agent.partner_id.ids,
            subtype_xmlid="mail.mt_comment",
        )
        self.activity_schedule(
            "cs_management.mail_activity_qa_acknowledge",
            user_id=agent.id,
            summary=_("Read and acknowledge your quality result"),
        )

    def action_acknowledge(self):
        """The agent confirms having read the result and the coaching
        (a system script running as superuser may record it too)."""
        for inspection in self:
            if inspection.agent_id != self.env.user and not self.env.su:
                raise AccessError(
                    _(
                        "Only %(agent)s can acknowledge this quality result.",
                        agent=inspection.agent_id.name,
                    )
                )
            if inspection.state != "published":
                raise UserError(_("Only a published result can be acknowledged."))
        self.sudo().write(
            {"state": "acknowledged", "acknowledged_date": fields.Datetime.now()}
        )
        self.sudo().activity_feedback(["cs_management.mail_activity_qa_acknowledge"])
        return True

    def action_submit(self):
        """A reviewer hands in calibration scores; they count in the session's
        spread."""
        self.check_access("write")
        for inspection in self:
            if inspection.kind != "calibration" or inspection.state != "draft":
                raise UserError(_("Only draft calibration scores can be submitted."))
            if inspection.reviewer_id != self.env.user and not self.env.user.has_group(
                "cs_management.group_cs_manager"
            ):
                raise AccessError(
                    _(
                        "Only %(reviewer)s can submit these calibration scores.",
                        reviewer=inspection.reviewer_id.name,
                    )
                )
        self.sudo().write({"state": "submitted"})
        self.activity_feedback(["cs_management.mail_activity_qa_calibration"])
        self.calibration_id._compare_scores()
        return True

    def action_reset_draft(self):
        """A CS manager reopens an inspection to correct it; the agent will
        acknowledge it again once it is published again."""
        if not self.env.user.has_group("cs_management.group_cs_manager"):
            raise AccessError(_("Only a CS manager can reopen an inspection."))
        for inspection in self:
            if inspection.calibration_id.state == "done":
                raise UserError(
                    _(
                        "The calibration session is closed: its scores can no longer "
                        "change."
                    )
                )
        self.activity_unlink(["cs_management.mail_activity_qa_acknowledge"])
        self.sudo().write(
            {"state": "draft", "published_date": False, "acknowledged_date": False}
        )
        self.calibration_id._compare_scores()
        for inspection in self:
            inspection.message_post(
                body=_("Reopened for correction."), subtype_xmlid="mail.mt_note"
            )
        return True
