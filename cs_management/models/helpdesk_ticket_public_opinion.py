from odoo import api, fields, models

from .selections import PLATFORMS, SEVERITIES


class HelpdeskTicket(models.Model):
    """A public-opinion incident (SOC-1..2): where it was posted, how far it
    spread, and what the rules prescribe for its severity."""

    _inherit = "helpdesk.ticket"

    # --- public opinion (SOC-1..2) ----------------------------------------
    cs_po_platform = fields.Selection(
        PLATFORMS,
        string="Platform",
    )
    cs_po_link = fields.Char(string="Link")
    cs_po_author = fields.Char(string="Author")
    cs_po_content = fields.Text(string="Content")
    cs_po_sentiment = fields.Selection(
        [
            ("positive", "Positive"),
            ("neutral", "Neutral"),
            ("negative", "Negative"),
            ("very_negative", "Very negative"),
        ],
        string="Sentiment",
    )
    cs_po_views = fields.Integer(string="Views")
    cs_po_shares = fields.Integer(string="Shares")
    cs_po_comments = fields.Integer(string="Comments")
    cs_po_detected_date = fields.Datetime(string="Detected On")
    cs_po_detected_by_id = fields.Many2one(
        "res.users", string="Detected By", check_company=True
    )
    cs_po_measures = fields.Text(
        string="Response Measures",
        compute="_compute_cs_po_measures",
        help="What the rules prescribe for an incident of this severity.",
    )
    cs_po_notified_severity = fields.Selection(SEVERITIES, readonly=True, copy=False)

    @api.depends("cs_severity", "cs_kind")
    def _compute_cs_po_measures(self):
        measures = self.env["cs.opinion.measure"].search([])
        for ticket in self:
            ticket.cs_po_measures = (
                "\n".join(
                    measure.name
                    for measure in measures
                    if measure.severity == ticket.cs_severity
                )
                if ticket.cs_kind == "public_opinion"
                else False
            )
