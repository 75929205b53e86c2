from odoo import api, fields, models


class CsQaInspection(models.Model):
    """Which inspections count for the agent (the IQS, QA-5), defined once,
    and the analyses that read them."""

    _inherit = "cs.qa.inspection"

    counts_in_iqs = fields.Boolean(
        string="Counts for the Agent",
        compute="_compute_counts_in_iqs",
        store=True,
        index=True,
        help="Published or acknowledged, not a calibration sheet: counts in the "
        "agent's IQS and QA accuracy rate.",
    )

    @api.depends("state", "kind")
    def _compute_counts_in_iqs(self):
        """The inspections that make an agent's internal quality score (IQS)
        and QA accuracy rate: published or acknowledged, not calibration.
        The KPI report, the views and the record rules read this field."""
        for inspection in self:
            inspection.counts_in_iqs = (
                inspection.state in ("published", "acknowledged")
                and inspection.kind != "calibration"
            )

    @api.model
    def _iqs_domain(self, path=""):
        """The inspections (``path``: reached from another model) that count."""
        return [(f"{path}counts_in_iqs", "=", True)]

    @api.model
    def action_iqs_analysis(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_management.action_cs_qa_iqs"
        )
        action["domain"] = self._iqs_domain()
        return action

    @api.model
    def action_criterion_analysis(self):
        """Where points are lost, per criterion, among the inspections
        that count (the lines carry the inspection's state and kind)."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_management.action_cs_qa_criterion_analysis"
        )
        action["domain"] = self._iqs_domain("inspection_id.")
        return action
