from collections import defaultdict

from odoo import api, models

from odoo.addons.cs_management.models.cs_weighted_score import weighted_mean

from .cs_appraisal import FINAL, RATING_SCALE
from .cs_appraisal_template import GROUP_WEIGHTS, SOURCE_WEIGHTS
from .scoring import on_hundred


class CsAppraisal(models.Model):
    """The form's scores: peers', criteria, combined with the customers' and
    the calibration, and the grade (APR-4)."""

    _inherit = "cs.appraisal"

    @api.depends("feedback_ids.state", "feedback_ids.comment")
    def _compute_peer_feedback(self):
        for form in self:
            submitted = form.feedback_ids.filtered(lambda f: f.state == "submitted")
            form.peer_feedback_count = len(submitted)
            form.peer_comments = (
                "\n\n".join(c for c in submitted.mapped("comment") if c) or False
            )

    @api.depends(
        "kind",
        "monthly_average",
        "monthly_count",
        "rating_count",
        "rating_average",
        "line_ids.group",
        "line_ids.weight",
        "line_ids.score",
        "line_ids.is_scored",
        "line_ids.measured",
        "line_ids.auto_score",
        "line_ids.has_data",
        "line_ids.self_score",
        "line_ids.supervisor_score",
        "line_ids.peer_score",
        "line_ids.peer_count",
        *GROUP_WEIGHTS,
        *SOURCE_WEIGHTS,
    )
    def _compute_scores(self):
        """The one home of the weighting (APR-4).

        Each criterion has a score out of 100 (see the line). Criteria make
        a group's score by their weights, groups the criteria score by the
        template's group weights. Customers score the period's ratings
        (average out of 5, in proportion). The combined score weighs the
        criteria score by the weights of the people who scored them (self,
        supervisor, peers, added up) against the customers' weight. Whatever
        is missing (no rating, no peer, a KPI without data) drops out and its
        weight goes to the rest.

        Self, supervisor and peer scores are the same weighting seen by one
        source each: measured criteria count as they are, scored ones with
        that source's score; a source that scored nothing has no score. They
        are shown, the combined score does not add them again. An annual form
        scores the average of the published monthly forms of the year."""
        for form in self:
            if form.kind == "annual":
                form.update(
                    dict.fromkeys(
                        (
                            "self_score",
                            "supervisor_score",
                            "peer_score",
                            "customer_score",
                        ),
                        0.0,
                    )
                )
                form.criteria_score = form.score = (
                    form.monthly_average if form.monthly_count else 0.0
                )
                continue
            by_source = {
                source: form._criteria_score(
                    lambda line, source=source: line._source_score(source)
                )
                if any(
                    not line.measured and line._source_score(source) is not None
                    for line in form.line_ids
                )
                else None
                for source in ("self", "supervisor", "peer")
            }
            criteria = form._criteria_score(
                lambda line: line.score if line.is_scored else None
            )
            customers = (
                on_hundred(form.rating_average, RATING_SCALE)
                if form.rating_count
                else None
            )
            combined = weighted_mean(
                [
                    (
                        form.self_weight + form.supervisor_weight + form.peer_weight,
                        criteria,
                    ),
                    (form.customer_weight, customers),
                ]
            )
            form.self_score = by_source["self"] or 0.0
            form.supervisor_score = by_source["supervisor"] or 0.0
            form.peer_score = by_source["peer"] or 0.0
            form.customer_score = customers or 0.0
            form.criteria_score = criteria or 0.0
            form.score = combined or 0.0

    def _criteria_score(self, line_score):
        """Group-weighted mean of the criterion-weighted means of
        ``line_score(line)`` (None: not scored) in each group."""
        self.ensure_one()
        groups = defaultdict(list)
        for line in self.line_ids:
            groups[line.group].append((line.weight, line_score(line)))
        return weighted_mean(
            (self[f"{group}_weight"], weighted_mean(pairs))
            for group, pairs in groups.items()
        )

    @api.depends("score", "calibration_adjustment")
    def _compute_final_score(self):
        for form in self:
            form.final_score = min(
                100.0, max(0.0, form.score + form.calibration_adjustment)
            )

    @api.depends("final_score", "state")
    def _compute_grade(self):
        """Graded once the review is in: before, the score is partial."""
        Grade = self.env["cs.appraisal.grade"]
        bands = Grade.search([])
        for form in self:
            graded = form.state in ("calibration", *FINAL)
            form.grade_id = (
                Grade._for_score(form.final_score, bands) if graded else Grade
            )
