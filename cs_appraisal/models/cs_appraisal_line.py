from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cs_management.models.cs_weighted_score import weighted_mean

from .scoring import on_hundred
from .selections import GROUPS, SOURCES

# what the publication freezes
SCORE_FIELDS = {
    "self_score",
    "supervisor_score",
    "auto_value",
    "auto_score",
    "has_data",
    "target_used",
}


class CsAppraisalLine(models.Model):
    """One criterion of an appraisal form: measured (KPI, training, or the
    months of an annual form) or scored by the employee, the supervisor and
    peers."""

    _name = "cs.appraisal.line"
    _description = "Appraisal Criterion Score"
    _inherit = ["cs.weighted.score.line.mixin"]
    _order = "appraisal_id, sequence, id"
    _cs_sheet_field = "appraisal_id"
    # what a line takes from its criterion when the form is opened
    _cs_criterion_copied = ("sequence", "group", "weight", "source", "scale_max")

    appraisal_id = fields.Many2one(
        "cs.appraisal", required=True, ondelete="cascade", index=True
    )
    employee_id = fields.Many2one(related="appraisal_id.employee_id", store=True)
    criterion_id = fields.Many2one(
        "cs.appraisal.criterion",
        string="Template Criterion",
        required=True,
        ondelete="restrict",
        index=True,
    )
    name = fields.Char(related="criterion_id.name")
    description = fields.Text(related="criterion_id.description")
    sequence = fields.Integer()
    group = fields.Selection(GROUPS, required=True)
    weight = fields.Float(required=True)
    source = fields.Selection(SOURCES, required=True)
    scale_max = fields.Integer(string="Scale")
    measured = fields.Boolean(
        compute="_compute_measured",
        store=True,
        help="Fills itself from the period's data.",
    )

    auto_value = fields.Float(string="Measured Value", readonly=True)
    has_data = fields.Boolean(
        readonly=True, help="The period had something to measure."
    )
    auto_score = fields.Float(string="Measured Score", readonly=True)
    target_used = fields.Float(
        string="Target",
        readonly=True,
        help="The value that scored 100: the criterion's, or the team's monthly "
        "target.",
    )
    self_score = fields.Float(string="Self")
    self_comment = fields.Text()
    supervisor_score = fields.Float(string="Supervisor")
    supervisor_comment = fields.Text()
    feedback_line_ids = fields.One2many(
        "cs.appraisal.feedback.line", "appraisal_line_id"
    )
    peer_score = fields.Float(string="Peers", compute="_compute_peer_score", store=True)
    peer_count = fields.Integer(compute="_compute_peer_score", store=True)
    score = fields.Float(compute="_compute_score", store=True, aggregator="avg")
    is_scored = fields.Boolean(compute="_compute_score", store=True)

    @api.depends("source", "appraisal_id.kind")
    def _compute_measured(self):
        for line in self:
            line.measured = (
                line.source != "manual" or line.appraisal_id.kind == "annual"
            )

    @api.depends("feedback_line_ids.score", "feedback_line_ids.feedback_id.state")
    def _compute_peer_score(self):
        for line in self:
            scores = [
                peer.score
                for peer in line.feedback_line_ids
                if peer.feedback_id.state == "submitted" and peer.score
            ]
            line.peer_count = len(scores)
            line.peer_score = sum(scores) / len(scores) if scores else 0.0

    @api.depends(
        "measured",
        "has_data",
        "auto_score",
        "self_score",
        "supervisor_score",
        "peer_score",
        "peer_count",
        "scale_max",
        "appraisal_id.self_weight",
        "appraisal_id.supervisor_weight",
        "appraisal_id.peer_weight",
    )
    def _compute_score(self):
        for line in self:
            score = line._combined_score()
            line.is_scored = score is not None
            line.score = score or 0.0

    def _combined_score(self):
        """The one home of a criterion's score out of 100 (APR-3, APR-4): a
        measured criterion scores what was measured; one scored by people
        scores the mean of their scores, weighted by the template's weights
        of self-assessment, supervisor and peers. None: not scored yet."""
        self.ensure_one()
        if self.measured:
            return self._source_score(None)
        form = self.appraisal_id
        return weighted_mean(
            [
                (form.self_weight, self._source_score("self")),
                (form.supervisor_weight, self._source_score("supervisor")),
                (form.peer_weight, self._source_score("peer")),
            ]
        )

    def _source_score(self, source):
        """This criterion's score out of 100 as ``source`` gave it (self,
        supervisor, peer); a measured criterion is the same for everyone."""
        self.ensure_one()
        if self.measured:
            return self.auto_score if self.has_data else None
        raw = {
            "self": self.self_score,
            "supervisor": self.supervisor_score,
            "peer": self.peer_score if self.peer_count else 0.0,
        }[source]
        return on_hundred(raw, self.scale_max)

    @api.constrains("self_score", "supervisor_score", "scale_max")
    def _check_scores(self):
        for line in self:
            for score in (line.self_score, line.supervisor_score):
                if score and not 1 <= score <= line.scale_max:
                    raise ValidationError(
                        _(
                            "Score %(criterion)s from 1 to %(scale)s.",
                            criterion=line.name,
                            scale=line.scale_max,
                        )
                    )

    def write(self, vals):
        if not self.env.su:
            for line in self:
                refused = set(vals) - line.appraisal_id._cs_editable(lines=True)
                if refused:
                    line.appraisal_id._cs_refuse(self, refused)
                if line.measured and {"self_score", "supervisor_score"} & vals.keys():
                    raise UserError(
                        _(
                            "%(criterion)s is measured from the period's data: it "
                            "cannot be scored by hand.",
                            criterion=line.name,
                        )
                    )
        if SCORE_FIELDS & vals.keys():
            self._cs_check_sheet_open()
        return super().write(vals)
