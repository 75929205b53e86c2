from markupsafe import Markup

from odoo import _, fields, models
from odoo.exceptions import UserError

DECISIONS = [
    ("keep", "Keep"),
    ("change", "Change"),
    ("drop", "Drop"),
]


class CsTrainingPlanLine(models.Model):
    """The trainer's evaluation of a course in the plan (002 §5.4.3): after
    measuring its effect, keep it, change it or drop it. Written by trainers
    and CS managers (the access rights of plan lines), logged in the plan."""

    _inherit = "cs.training.plan.line"

    cs_decision = fields.Selection(
        DECISIONS,
        string="Trainer's Decision",
        help="After measuring the course's effect: keep it as it is, change it, "
        "or drop it from the plan (no new session).",
    )
    cs_decision_note = fields.Text(string="Why")
    cs_decided_by = fields.Many2one("res.users", readonly=True)
    cs_decided_on = fields.Date(readonly=True)

    def write(self, vals):
        if {"cs_decided_by", "cs_decided_on"} & vals.keys() and not self.env.su:
            raise UserError(_("Who decided and when is recorded with the decision."))
        if "cs_decision" not in vals:
            return super().write(vals)
        if vals["cs_decision"] and not (vals.get("cs_decision_note") or "").strip():
            raise UserError(_("Say why: write the reasons of the decision."))
        vals = dict(
            vals,
            cs_decided_by=self.env.user.id,
            cs_decided_on=fields.Date.context_today(self),
        )
        res = super().write(vals)
        self._cs_log_decision()
        return res

    def _cs_log_decision(self):
        labels = dict(self._fields["cs_decision"]._description_selection(self.env))
        for line in self:
            line.plan_id.message_post(
                body=Markup("<p>%s</p>")
                % _(
                    "%(course)s: %(decision)s, by %(user)s. %(note)s",
                    course=line.course_id.name,
                    decision=labels.get(line.cs_decision, _("no decision")),
                    user=self.env.user.name,
                    note=line.cs_decision_note or "",
                ),
                subtype_xmlid="mail.mt_note",
            )

    def action_create_session(self):
        if self.cs_decision == "drop":
            raise UserError(
                _(
                    "%(course)s was dropped from the plan: change the decision "
                    "before scheduling it again.",
                    course=self.course_id.name,
                )
            )
        return super().action_create_session()
