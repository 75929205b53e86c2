from odoo import api, fields, models

from .selections import SEVERITIES, SEVERITY_RANK

SENTIMENT_RANK = {"positive": 0, "neutral": 1, "negative": 2, "very_negative": 3}


class CsOpinionThreshold(models.Model):
    """From which reach and sentiment a public-opinion incident reaches a
    severity (SOC-2). The highest severity whose threshold is met wins."""

    _name = "cs.opinion.threshold"
    _description = "Public-opinion Severity Threshold"
    _order = "severity_rank desc, id"
    _check_company_auto = True

    severity = fields.Selection(SEVERITIES, required=True)
    severity_rank = fields.Integer(compute="_compute_severity_rank", store=True)
    min_views = fields.Integer(string="Views From", help="0: views do not count.")
    min_shares = fields.Integer(string="Shares From", help="0: shares do not count.")
    min_comments = fields.Integer(
        string="Comments From", help="0: comments do not count."
    )
    min_sentiment = fields.Selection(
        [
            ("neutral", "Neutral"),
            ("negative", "Negative"),
            ("very_negative", "Very negative"),
        ],
        string="Sentiment At Least",
        required=True,
        default="negative",
    )
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    @api.depends("severity")
    def _compute_severity_rank(self):
        for threshold in self:
            threshold.severity_rank = SEVERITY_RANK.get(threshold.severity, 0)

    def _is_met_by(self, ticket):
        reach = (
            (self.min_views and ticket.cs_po_views >= self.min_views)
            or (self.min_shares and ticket.cs_po_shares >= self.min_shares)
            or (self.min_comments and ticket.cs_po_comments >= self.min_comments)
            or not (self.min_views or self.min_shares or self.min_comments)
        )
        sentiment = SENTIMENT_RANK.get(ticket.cs_po_sentiment or "neutral", 1)
        return bool(reach) and sentiment >= SENTIMENT_RANK[self.min_sentiment]

    def _severity_for(self, ticket):
        """Severity of ``ticket`` by these thresholds (searched once by the
        caller), "minor" when none is met."""
        met = self.filtered(
            lambda threshold: (
                threshold.company_id in (ticket.company_id, self.env["res.company"])
                and threshold._is_met_by(ticket)
            )
        )
        return met[:1].severity or "minor"
