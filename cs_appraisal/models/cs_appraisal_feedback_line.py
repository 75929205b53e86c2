from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError


class CsAppraisalFeedbackLine(models.Model):
    """A peer's score of one criterion."""

    _name = "cs.appraisal.feedback.line"
    _description = "Peer Feedback Score"
    _order = "feedback_id, sequence, id"

    feedback_id = fields.Many2one(
        "cs.appraisal.feedback", required=True, ondelete="cascade", index=True
    )
    criterion_id = fields.Many2one(
        "cs.appraisal.criterion",
        string="Template Criterion",
        required=True,
        ondelete="restrict",
    )
    appraisal_line_id = fields.Many2one(
        "cs.appraisal.line", compute="_compute_appraisal_line", store=True, index=True
    )
    sequence = fields.Integer(related="criterion_id.sequence")
    name = fields.Char(related="criterion_id.name")
    description = fields.Text(related="criterion_id.description")
    scale_max = fields.Integer(related="appraisal_line_id.scale_max", string="Scale")
    score = fields.Float()

    @api.depends("criterion_id", "feedback_id.appraisal_id")
    def _compute_appraisal_line(self):
        for peer in self:
            peer.appraisal_line_id = peer.feedback_id.appraisal_id.line_ids.filtered(
                lambda line, criterion=peer.criterion_id: line.criterion_id == criterion
            )[:1]

    @api.constrains("score", "appraisal_line_id")
    def _check_score(self):
        for peer in self.sudo():
            if not peer.appraisal_line_id or peer.appraisal_line_id.measured:
                raise ValidationError(
                    _(
                        "Peers score only the criteria of the form scored by people, "
                        "not %(criterion)s.",
                        criterion=peer.name,
                    )
                )
            if peer.score and not 1 <= peer.score <= peer.scale_max:
                raise ValidationError(
                    _(
                        "Score %(criterion)s from 1 to %(scale)s.",
                        criterion=peer.name,
                        scale=peer.scale_max,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # the peer's form comes with its lines: none is added afterwards
        if not self.env.su:
            raise AccessError(
                _("The criteria a colleague scores come with the feedback request.")
            )
        return super().create(vals_list)

    def unlink(self):
        if not self.env.su:
            raise AccessError(
                _(
                    "The criteria a colleague scores cannot be removed from the "
                    "feedback."
                )
            )
        return super().unlink()

    def write(self, vals):
        if not self.env.su:
            if vals.keys() - {"score"}:
                raise AccessError(_("Only the score of a peer's criterion can change."))
            self.feedback_id._cs_check_reviewer()
            self.feedback_id._cs_check_open()
        return super().write(vals)
