from dateutil.relativedelta import relativedelta

from odoo import _, fields, models

from .cs_appraisal import BEFORE_CALIBRATION, FINAL


class CsAppraisal(models.Model):
    """What a published appraisal sets off (APR-6): the recommendation, the
    training needs of its weak criteria, the annual form's refresh."""

    _inherit = "cs.appraisal"

    def _apply_outcomes(self):
        """Bonus coefficient, recommendation and training needs of
        published forms."""
        gaps = self.employee_id._cs_promotion_gaps()
        for form in self:
            recommendation, note = form._recommend(gaps.get(form.employee_id))
            form.write(
                {
                    "bonus_coefficient": form.grade_id.bonus_coefficient,
                    "recommendation": recommendation,
                    "recommendation_note": note,
                }
            )
        self._create_training_needs()

    def _recommend(self, missing):
        """What the grade leads to for this employee. A promotion needs a
        next role on the career path and its training requirements met
        (``missing``: what the training still lacks, None without a next
        role); otherwise a salary increase. A second improvement plan in a
        row proposes a position adjustment (000 §4.4.5, 004 §5.2.4)."""
        self.ensure_one()
        recommendation = self.grade_id.recommendation
        next_role = self.employee_id.cs_role_id.next_role_id
        if recommendation == "promotion":
            if next_role and missing == []:
                return "promotion", _(
                    "Meets the training requirements for %(role)s.", role=next_role.name
                )
            if next_role:
                return "salary", _(
                    "Promotion to %(role)s still needs: %(missing)s.",
                    role=next_role.name,
                    missing="; ".join(missing or []),
                )
            return "salary", _(
                "The career path has no role after %(role)s.", role=self.role_id.name
            )
        if recommendation == "improvement" and self._previous().recommendation in (
            "improvement",
            "reassignment",
        ):
            return "reassignment", _(
                "Second improvement plan in a row: consider adjusting the position."
            )
        return recommendation, False

    def _previous(self):
        """The published form of the same kind before this one."""
        self.ensure_one()
        return self.search(
            [
                ("employee_id", "=", self.employee_id.id),
                ("kind", "=", self.kind),
                ("period_date", "<", self.period_date),
                ("state", "in", FINAL),
            ],
            order="period_date desc",
            limit=1,
        )

    def _create_training_needs(self):
        """A training need for each criterion scored under the template's
        threshold; a grade asking for training without such a criterion
        gets one for its weakest criterion. Once per criterion and form."""
        Need = self.env["cs.training.need"].sudo()
        for form in self:
            scored = form.line_ids.filtered("is_scored")
            weak = scored.filtered(
                lambda line, threshold=form.training_threshold: line.score < threshold
            )
            if not weak and form.recommendation == "training":
                weak = scored.sorted("score")[:1]
            due = form.published_date or fields.Date.context_today(form)
            for line in weak - form.training_need_ids.cs_appraisal_line_id:
                Need.create(
                    {
                        # trainers read needs: the score stays on the form
                        "name": _(
                            "%(criterion)s, from appraisal %(period)s",
                            criterion=line.name,
                            period=form.period_id.display_name,
                        ),
                        "employee_id": form.employee_id.id,
                        "company_id": form.company_id.id,
                        "course_id": line.criterion_id.course_id.id,
                        "source": "appraisal",
                        "origin": form.name,
                        "description": line.criterion_id.description,
                        "deadline": due
                        + relativedelta(days=form.company_id.cs_appraisal_need_days),
                        "user_id": form.supervisor_user_id.id or self.env.user.id,
                        "cs_appraisal_id": form.id,
                        "cs_appraisal_line_id": line.id,
                    }
                )

    def _cs_refresh_annual(self):
        """Publishing a month updates the open annual form of its year."""
        monthly = self.filtered(lambda form: form.kind == "monthly")
        if not monthly:
            return
        annual = self.sudo().search(
            [
                ("kind", "=", "annual"),
                ("employee_id", "in", monthly.employee_id.ids),
                (
                    "period_date",
                    "in",
                    list({form.period_date.replace(month=1) for form in monthly}),
                ),
                ("state", "in", BEFORE_CALIBRATION),
            ]
        )
        annual._fill_from_months()
