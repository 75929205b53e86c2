from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.osv import expression

# the inspection steps whose scores count: published to the agent
COUNTED_STATES = ("published", "acknowledged")


class CsQaInspection(models.Model):
    _inherit = "cs.qa.inspection"

    def action_publish(self):
        result = super().action_publish()
        self._cs_open_training_needs()
        return result

    # ------------------------------------------------------------------
    # QA → training (003 §5.1.2)
    # ------------------------------------------------------------------
    def _cs_open_training_needs(self):
        """A training need for each agent and criterion with a course that
        these published inspections show weak: under the scorecard's share of
        the criterion's points in as many inspections of the month as the
        scorecard asks, or a critical criterion under its bar at once. Once:
        not while a need for the same employee and course is still open."""
        lines = self.sudo().line_ids.filtered(
            lambda line: (
                line.criterion_id.cs_course_id
                and line.state in COUNTED_STATES
                and (line.below_bar or line._cs_is_weak())
            )
        )
        if not lines:
            return
        repeated = self._cs_repeated_weak(
            lines.filtered(lambda line: not line.below_bar)
        )
        triggering = lines.filtered(
            lambda line: line.below_bar or line._cs_weak_key() in repeated
        )
        triggering._cs_create_needs()

    def _cs_repeated_weak(self, lines):
        """The (agent, criterion, month) of ``lines`` weak often enough in
        their month to open a need: one grouped count."""
        if not lines:
            return set()
        months = {fields.Date.start_of(line.date, "month") for line in lines}
        under = expression.OR(
            [
                [
                    ("criterion_id", "in", scorecard.criterion_ids.ids),
                    ("normalized", "<", scorecard.cs_training_share),
                ]
                for scorecard in lines.criterion_id.scorecard_id
            ]
        )
        counts = (
            self.env["cs.qa.inspection.line"]
            .sudo()
            ._read_group(
                expression.AND(
                    [
                        under,
                        [
                            ("criterion_id", "in", lines.criterion_id.ids),
                            ("agent_id", "in", lines.agent_id.ids),
                            ("state", "in", COUNTED_STATES),
                            ("date", ">=", min(months)),
                            ("date", "<", max(months) + relativedelta(months=1)),
                        ],
                    ]
                ),
                ["agent_id", "criterion_id", "date:month"],
                ["__count"],
            )
        )
        return {
            (agent, criterion, month)
            for agent, criterion, month, count in counts
            if count >= criterion.scorecard_id.cs_training_count
        }
