from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cs_management.models.kpi_definitions import KPI_CHOICES, RATES

from .selections import GROUPS, SOURCES, TARGET_FROM


class CsAppraisalCriterion(models.Model):
    """One weighted criterion of a template, in a group, scored from a KPI,
    from training results or by people (APR-2, APR-3)."""

    _name = "cs.appraisal.criterion"
    _description = "Appraisal Criterion"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "cs.appraisal.template", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Criterion", required=True, translate=True)
    description = fields.Text(
        translate=True, help="What is judged, as the scorers see it."
    )
    group = fields.Selection(GROUPS, required=True, default="results")
    weight = fields.Float(
        default=10.0,
        help="Weight within its group, relative to the other criteria of the group.",
    )
    source = fields.Selection(
        SOURCES,
        required=True,
        default="manual",
        help="KPI: measured on the period's tickets, ratings, QA and sales. Training "
        "results: average final score of the assessments decided in the period. Scored "
        "by people: self-assessment, supervisor and peers score it.",
    )
    kpi = fields.Selection(selection="_selection_kpi", string="KPI")
    target = fields.Float(help="The value that scores 100.")
    target_from = fields.Selection(
        TARGET_FROM,
        required=True,
        default="fixed",
        help="The team's target: the monthly target of the employee's team (else "
        "of its store) for the KPI scores 100; without one, the fixed target.",
    )
    zero_at = fields.Float(
        string="Scores 0 At",
        help="The value that scores 0. Between it and the target the score is linear; "
        "a target below it means lower is better.",
    )
    scale_max = fields.Integer(
        string="Scale",
        default=5,
        help="People score from 1 to this; the score out of 100 is in proportion.",
    )
    course_id = fields.Many2one(
        "hr.course",
        string="Course When Weak",
        help="The course a training need proposes when this criterion scores under the "
        "template's threshold.",
    )

    def _selection_kpi(self):
        report = self.env["cs.kpi.report"]
        return [
            (name, report._fields[name]._description_string(self.env))
            for name in KPI_CHOICES
        ]

    @api.constrains("source", "kpi", "target", "zero_at", "scale_max", "weight")
    def _check_rule(self):
        for criterion in self:
            if criterion.weight <= 0:
                raise ValidationError(
                    _(
                        "Give criterion %(criterion)s a positive weight.",
                        criterion=criterion.name,
                    )
                )
            if criterion.source == "kpi" and not criterion.kpi:
                raise ValidationError(
                    _(
                        "Choose the KPI that measures criterion %(criterion)s.",
                        criterion=criterion.name,
                    )
                )
            if (
                criterion.source in ("kpi", "training")
                and criterion.target == criterion.zero_at
            ):
                raise ValidationError(
                    _(
                        "The target of criterion %(criterion)s equals the value that "
                        "scores 0: set two different values.",
                        criterion=criterion.name,
                    )
                )
            if criterion.source == "manual" and criterion.scale_max < 2:
                raise ValidationError(
                    _(
                        "Criterion %(criterion)s needs a scale of at least 2.",
                        criterion=criterion.name,
                    )
                )

    def _score_for(self, value, target=None):
        """The one home of the rule turning a measured value into a score out
        of 100: linear from ``zero_at`` (0) to the target (100), capped at both
        ends. Works both ways: a target under ``zero_at`` rewards low values.
        ``target``: the one read (the team's), else the fixed one."""
        self.ensure_one()
        target = self.target if target is None else target
        score = 100.0 * (value - self.zero_at) / (target - self.zero_at)
        return min(100.0, max(0.0, score))

    def _target_for(self, team_targets):
        """The target this criterion scores against, from ``team_targets``
        ({kpi: value} of the employee's team): the team's when the criterion
        reads it and there is one on the right side of ``zero_at``, else the
        fixed target."""
        self.ensure_one()
        fixed = self.target
        if self.source != "kpi" or self.target_from != "team":
            return fixed
        target = (team_targets or {}).get(self.kpi)
        # a team's target on the other side of zero_at would invert the scale
        if target is None or (target - self.zero_at) * (fixed - self.zero_at) <= 0:
            return fixed
        return target

    def _measure(self, kpis, training_average):
        """This criterion's value in a period and whether there was anything
        to measure: ``kpis`` are the employee's KPI values (None: no activity
        at all), ``training_average`` the average final score of its decided
        assessments (None if none).

        A rate whose denominator is zero (no customer served, no inspection)
        has no data: the criterion then drops out rather than scoring 0. A
        count (sales, resolved tickets) is always measured, zero included."""
        self.ensure_one()
        if self.source == "training":
            return (training_average or 0.0, training_average is not None)
        if self.source == "kpi":
            kpis = kpis or {}
            denominator = RATES[self.kpi][1] if self.kpi in RATES else None
            has_data = bool(kpis.get(denominator)) if denominator else True
            return (kpis.get(self.kpi) or 0.0, has_data)
        return (0.0, False)
