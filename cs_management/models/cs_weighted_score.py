from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import float_round


def weighted_mean(pairs, total=None):
    """The one weighted-score formula: Σ weight × score / Σ weight over the
    ``(weight, score)`` pairs whose score is known (not None) and whose
    weight is positive; None when there is none. A missing score does not
    count as zero: its weight goes to the others.

    ``total``: divide by it instead (weights meant to total it, as a
    scorecard's 100 %); a missing part then counts as zero."""
    known = [
        (weight, score) for weight, score in pairs if score is not None and weight > 0
    ]
    divisor = total or sum(weight for weight, _score in known)
    if not known or not divisor:
        return None
    return sum(weight * score for weight, score in known) / divisor


class CsWeightedScoreMixin(models.AbstractModel):
    """A score sheet (QA inspection, training assessment, appraisal): its
    criteria and weights copied when it opens, so later edits of the
    scorecard, course or template leave it as scored; scored by the
    weighted mean; frozen once decided."""

    _name = "cs.weighted.score.mixin"
    _description = "Weighted Score Sheet"

    # the states in which the sheet is still scored; after them it is decided
    _cs_sheet_open_states = ()
    # what the decision freezes
    _cs_sheet_fields = frozenset()
    # {sheet field: field of the scorecard, course or template it copies}
    _cs_sheet_rules = {}

    @api.depends_context("uid")
    @api.depends("state")
    def _compute_sheet_editable(self):
        """For a sheet whose only edit right is "open and yours to write",
        the ``sheet_editable`` field its view reads: what the write check
        accepts (a new sheet: yours to create)."""
        undecided = self.filtered(
            lambda sheet: sheet.state in self._cs_sheet_open_states
        )
        writable = undecided._origin._filtered_access("write")
        creatable = self.env[self._name].has_access("create")
        for sheet in self:
            origin = sheet._origin
            sheet.sheet_editable = sheet in undecided and (
                origin in writable if origin else creatable
            )

    @api.model
    def _cs_weighted_score(self, pairs, total=None, digits=None):
        """``weighted_mean`` of the pairs, 0.0 when nothing is scored,
        rounded to ``digits`` if given."""
        score = weighted_mean(pairs, total) or 0.0
        return (
            float_round(score, precision_digits=digits) if digits is not None else score
        )

    @api.model
    def _cs_rules_from(self, source):
        """The rules (weights, pass mark...) a sheet opened on ``source`` keeps."""
        return {name: source[origin] for name, origin in self._cs_sheet_rules.items()}

    def _cs_sheet_closed_message(self):
        """Why this decided sheet cannot change (for the user)."""
        raise NotImplementedError

    def _cs_check_sheet_open(self):
        decided = self.filtered(
            lambda sheet: sheet.state not in self._cs_sheet_open_states
        )
        if decided:
            raise UserError(decided[0]._cs_sheet_closed_message())

    def _cs_guard_sheet(self, vals):
        """Refuse ``vals`` when they change what the decision froze."""
        if self._cs_sheet_fields & vals.keys():
            self._cs_check_sheet_open()


class CsWeightedScoreLineMixin(models.AbstractModel):
    """A criterion of a score sheet: what it copies from the criterion when
    the sheet opens, and its sheet's freeze."""

    _name = "cs.weighted.score.line.mixin"
    _description = "Weighted Score Sheet Line"

    # the many2one to the sheet, and what a line copies from its criterion
    _cs_sheet_field = None
    _cs_criterion_copied = ()

    @api.model
    def _cs_criterion_values(self, criteria):
        """The values of one line per criterion, its rules copied."""
        return [
            {
                "criterion_id": criterion.id,
                **{name: criterion[name] for name in self._cs_criterion_copied},
            }
            for criterion in criteria
        ]

    @api.model_create_multi
    def create(self, vals_list):
        criteria = self.env[self._fields["criterion_id"].comodel_name].browse(
            [vals["criterion_id"] for vals in vals_list if vals.get("criterion_id")]
        )
        for vals in vals_list:
            missing = [name for name in self._cs_criterion_copied if name not in vals]
            if missing and vals.get("criterion_id"):
                criterion = criteria.browse(vals["criterion_id"]).with_prefetch(
                    criteria._prefetch_ids
                )
                vals.update({name: criterion[name] for name in missing})
        return super().create(vals_list)

    def _cs_check_sheet_open(self):
        self[self._cs_sheet_field]._cs_check_sheet_open()
