from odoo import _, api, models
from odoo.exceptions import ValidationError


class CsQaInspection(models.Model):
    """The rules an inspection keeps: who may review whom, one company, the
    kinds that need a session or a ticket."""

    _inherit = "cs.qa.inspection"

    @api.constrains("reviewer_id", "agent_id")
    def _check_reviewer(self):
        # a sampled batch has thousands of inspections and a few reviewers
        qa_reviewers = self.env.ref("cs_management.group_cs_supervisor").sudo().users
        for inspection in self.filtered("reviewer_id"):
            reviewer = inspection.reviewer_id
            if reviewer == inspection.agent_id:
                raise ValidationError(
                    _(
                        "%(agent)s cannot inspect their own work: choose another "
                        "reviewer.",
                        agent=reviewer.name,
                    )
                )
            if reviewer not in qa_reviewers:
                raise ValidationError(
                    _(
                        "%(reviewer)s is not a QA reviewer: choose a supervisor, a "
                        "store manager or a CS manager.",
                        reviewer=reviewer.name,
                    )
                )

    def _check_company(self, fnames=None):
        """Odoo checks each inspection's links one by one; a sampled batch
        is checked per company instead, all its linked records at once
        (the same rule), and one by one only where that finds a mismatch."""
        if len(self) < 2:
            return super()._check_company(fnames)
        names = [
            name
            for name in (
                self._fields if fnames is None or "company_id" in fnames else fnames
            )
            if self._fields[name].relational and self._fields[name].check_company
        ]
        for company, inspections in self.grouped("company_id").items():
            for name in names:
                linked = inspections.sudo()[name]
                if linked and linked != linked.with_context(
                    active_test=False
                ).filtered_domain(linked._check_company_domain(company)):
                    super(CsQaInspection, inspections)._check_company([name])
        return None

    @api.constrains("kind", "ticket_id", "calibration_id")
    def _check_kind(self):
        for inspection in self:
            if (
                inspection.kind in ("sample", "calibration")
                and not inspection.ticket_id
            ):
                raise ValidationError(
                    _(
                        "A QA review or a calibration scores a ticket: choose the "
                        "ticket."
                    )
                )
            if (inspection.kind == "calibration") != bool(inspection.calibration_id):
                raise ValidationError(
                    _(
                        "Calibration scores belong to a calibration session: start "
                        "the session to open them."
                    )
                )

    def _cs_sheet_closed_message(self):
        states = dict(self._fields["state"]._description_selection(self.env))
        return _(
            "%(inspection)s is %(state)s and can no longer change: a CS manager can "
            "reopen it.",
            inspection=self.display_name,
            state=states[self.state].lower(),
        )
