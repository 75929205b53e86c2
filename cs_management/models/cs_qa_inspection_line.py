from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .cs_qa_inspection import CALIBRATION_FIELDS, QA_LEAD_GROUPS


class CsQaInspectionLine(models.Model):
    """The points one criterion got in an inspection. The criterion's
    weight, scale and bar are copied when the inspection opens, so that a
    scored inspection keeps its score when the scorecard changes."""

    _name = "cs.qa.inspection.line"
    _description = "Quality Inspection Line"
    _order = "inspection_id, sequence, id"

    inspection_id = fields.Many2one("cs.qa.inspection", required=True, ondelete="cascade", index=True)
    criterion_id = fields.Many2one("cs.qa.criterion", required=True, ondelete="restrict", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Criterion Name", required=True)
    guidance = fields.Text(related="criterion_id.guidance")
    weight = fields.Float(readonly=True)
    max_points = fields.Integer(string="Out Of", readonly=True)
    critical = fields.Boolean(readonly=True)
    critical_bar = fields.Integer(readonly=True)
    points = fields.Integer()
    note = fields.Char(string="Remark")
    normalized = fields.Float(
        string="Criterion Score (%)",
        compute="_compute_normalized",
        store=True,
        aggregator="avg",
        help="Points as a share of the criterion's points.",
    )
    weighted = fields.Float(string="Weighted Points", compute="_compute_normalized", store=True)
    below_bar = fields.Boolean(
        string="Critical Failure", compute="_compute_normalized", store=True
    )
    # the inspection's facts: stored where reports group by them, searchable for the access rules
    agent_id = fields.Many2one(related="inspection_id.agent_id", store=True, index=True)
    reviewer_id = fields.Many2one(related="inspection_id.reviewer_id", store=True)
    store_id = fields.Many2one(related="inspection_id.store_id", store=True)
    date = fields.Date(related="inspection_id.date", store=True)
    company_id = fields.Many2one(related="inspection_id.company_id")
    kind = fields.Selection(related="inspection_id.kind")
    state = fields.Selection(related="inspection_id.state")
    calibration_id = fields.Many2one(related="inspection_id.calibration_id")
    ticket_id = fields.Many2one(related="inspection_id.ticket_id")
    # set by the calibration session when sheets are submitted
    consensus = fields.Float(readonly=True, groups=QA_LEAD_GROUPS)
    deviation = fields.Float(
        string="Deviation from Consensus",
        readonly=True,
        aggregator="avg",
        groups=QA_LEAD_GROUPS,
        help="Percentage points above (more lenient) or below (stricter) the average of the reviewers.",
    )
    abs_deviation = fields.Float(
        string="Spread",
        readonly=True,
        aggregator="avg",
        groups=QA_LEAD_GROUPS,
        help="Distance from the reviewers' average, in percentage points of the criterion.",
    )

    @api.depends("points", "max_points", "weight", "critical", "critical_bar")
    def _compute_normalized(self):
        for line in self:
            share = line.points / line.max_points if line.max_points else 0.0
            line.normalized = 100 * share
            line.weighted = line.weight * share
            line.below_bar = line.critical and line.points < line.critical_bar

    @api.constrains("points", "max_points")
    def _check_points(self):
        for line in self:
            if not 0 <= line.points <= line.max_points:
                raise ValidationError(
                    _(
                        "Score %(criterion)s between 0 and %(max)s points.",
                        criterion=line.name,
                        max=line.max_points,
                    )
                )

    # who may not write at all is told so before being told the inspection is closed
    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")
        self.env["cs.qa.inspection"].browse({vals["inspection_id"] for vals in vals_list})._check_draft()
        return super().create(vals_list)

    def write(self, vals):
        if vals.keys() - CALIBRATION_FIELDS:
            self.check_access("write")
            self.inspection_id._check_draft()
        return super().write(vals)

    def unlink(self):
        self.check_access("unlink")
        self.inspection_id._check_draft()
        return super().unlink()
