from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

# which phrase-rule violations of the agent on the ticket pre-fill a criterion
PREFILL_RULE_TYPES = {
    "forbidden": ("forbidden",),
    "courtesy": ("greeting", "closing"),
}
MAX_POINTS = 5


def criterion_result(points, max_points, weight, critical, critical_bar):
    """What the points of one criterion are worth: its score in percent,
    its weighted points, and whether a critical criterion fell below its bar."""
    share = points / max_points if max_points else 0.0
    return {
        "normalized": 100 * share,
        "weighted": weight * share,
        "below_bar": bool(critical and points < critical_bar),
    }


class CsQaCriterion(models.Model):
    """One thing a reviewer checks (QA-2), on its own scale: 1 point for a
    yes/no question, up to 5 points; the inspection normalises it and
    weighs it. A critical criterion scored below its bar zeroes the whole
    inspection."""

    _name = "cs.qa.criterion"
    _description = "QA Criterion"
    _order = "scorecard_id, sequence, id"

    scorecard_id = fields.Many2one(
        "cs.qa.scorecard", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    guidance = fields.Text(
        translate=True,
        help="What the reviewer looks for, and where the rule comes from.",
    )
    weight = fields.Float(
        required=True,
        default=10,
        help="Share of the score, in %; the weights of a scorecard total 100.",
    )
    max_points = fields.Integer(
        string="Points",
        required=True,
        default=1,
        help="The criterion's scale: 1 for a yes/no question (1 = yes), up to 5 "
        "points.",
    )
    critical = fields.Boolean(
        help="Scored below its bar, the whole inspection scores zero."
    )
    critical_bar = fields.Integer(
        default=1,
        help="Points the criterion needs; fewer make the inspection score zero.",
    )
    prefill = fields.Selection(
        [
            ("forbidden", "Forbidden phrases used"),
            ("courtesy", "Greeting or closing missing"),
        ],
        string="Pre-filled From",
        help="Phrase-rule violations of the agent on the ticket that score this "
        "criterion zero when the inspection is opened; without any, it starts "
        "at full points. The reviewer can still change it.",
    )

    @api.constrains("max_points", "weight", "critical", "critical_bar")
    def _check_scale(self):
        for criterion in self:
            if not 1 <= criterion.max_points <= MAX_POINTS:
                raise ValidationError(
                    _(
                        "Criterion %(criterion)s: give it between 1 point (yes/no) and "
                        "%(max)s points.",
                        criterion=criterion.name,
                        max=MAX_POINTS,
                    )
                )
            if criterion.weight <= 0:
                raise ValidationError(
                    _(
                        "Criterion %(criterion)s: give it a weight above zero, or "
                        "remove it.",
                        criterion=criterion.name,
                    )
                )
            if (
                criterion.critical
                and not 1 <= criterion.critical_bar <= criterion.max_points
            ):
                raise ValidationError(
                    _(
                        "Criterion %(criterion)s is critical: set its bar between 1 "
                        "and %(max)s points.",
                        criterion=criterion.name,
                        max=criterion.max_points,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_unless_used(self):
        used = (
            self.env["cs.qa.inspection.line"]
            .sudo()
            .search([("criterion_id", "in", self.ids)], limit=1)
        )
        if used:
            raise UserError(
                _(
                    "Criterion %(criterion)s has been scored in inspections and stays "
                    "in their history: archive the scorecard and make a new one "
                    "instead.",
                    criterion=used.criterion_id.name,
                )
            )
