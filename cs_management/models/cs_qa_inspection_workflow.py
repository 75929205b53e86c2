from markupsafe import Markup

from odoo import _, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import is_html_empty


class CsQaInspection(models.Model):
    """An inspection's steps (QA-3): published to the agent, acknowledged by
    the agent, submitted in a calibration session, reset to draft."""

    _inherit = "cs.qa.inspection"

    def action_publish(self):
        """Show the result to the agent, who is asked to acknowledge it."""
        self.check_access("write")
        for inspection in self:
            if inspection.kind == "calibration":
                raise UserError(_("Calibration scores are not published to the agent: submit them to the session."))
            if inspection.state != "draft":
                raise UserError(_("%(inspection)s is already published.", inspection=inspection.display_name))
            if not inspection.passed and is_html_empty(inspection.remarks):
                raise UserError(
                    _(
                        "%(inspection)s is below the pass mark: write coaching remarks for the agent before publishing.",
                        inspection=inspection.display_name,
                    )
                )
        for inspection in self:
            if not inspection.reviewer_id:
                inspection.reviewer_id = self.env.user
            inspection.sudo().write({"state": "published", "published_date": fields.Datetime.now()})
            inspection._cs_in_lang_of(inspection.agent_id)._notify_agent()  # in the agent's language
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
                    _("Only %(agent)s can acknowledge this quality result.", agent=inspection.agent_id.name)
                )
            if inspection.state != "published":
                raise UserError(_("Only a published result can be acknowledged."))
        self.sudo().write({"state": "acknowledged", "acknowledged_date": fields.Datetime.now()})
        self.sudo().activity_feedback(["cs_management.mail_activity_qa_acknowledge"])
        return True

    def action_submit(self):
        """A reviewer hands in calibration scores; they count in the session's spread."""
        self.check_access("write")
        for inspection in self:
            if inspection.kind != "calibration" or inspection.state != "draft":
                raise UserError(_("Only draft calibration scores can be submitted."))
            if inspection.reviewer_id != self.env.user and not self.env.user.has_group("cs_management.group_cs_manager"):
                raise AccessError(
                    _("Only %(reviewer)s can submit these calibration scores.", reviewer=inspection.reviewer_id.name)
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
                raise UserError(_("The calibration session is closed: its scores can no longer change."))
        self.activity_unlink(["cs_management.mail_activity_qa_acknowledge"])
        self.sudo().write({"state": "draft", "published_date": False, "acknowledged_date": False})
        self.calibration_id._compare_scores()
        for inspection in self:
            inspection.message_post(body=_("Reopened for correction."), subtype_xmlid="mail.mt_note")
        return True
