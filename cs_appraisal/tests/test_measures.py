"""APR-3: measured criteria and the customers' score fill themselves from
the period's KPIs (cs_management's API, never recomputed here) and training
results (cs_training), for all the forms of a period in one KPI query."""

from datetime import date, datetime
from unittest.mock import patch

from odoo.addons.cs_management.tests.common import CsTicketCase
from odoo.addons.cs_training.tests.common import CsTrainingCase

from .common import MONTH, MONTH_END, CsAppraisalCase


def at(day, hour):
    return datetime(MONTH.year, MONTH.month, day, hour)


class TestKpiFill(CsAppraisalCase, CsTicketCase):
    def _month_of_work(self):
        """Agent A serves three customers in March: a consultation answered
        at once and rated 5, an after-sales case solved and rated 3, a
        complaint still open."""
        Partner = self.env["res.partner"]
        c1, c2, c3 = Partner.create([{"name": f"March customer {i}"} for i in range(3)])
        with self._at(at(10, 9)):
            consultation = self._new_ticket(
                "consultation", partner_id=c1.id, cs_solution="<p>您好 yes 謝謝</p>"
            )
            after_sales = self._new_ticket(
                "after_sales", partner_id=c2.id, cs_solution="<p>您好 done 謝謝</p>"
            )
            self._new_ticket("complaint", partner_id=c3.id)
        with self._at(at(10, 10)):
            consultation.action_cs_answer_and_close()
        with self._at(at(11, 15)):
            after_sales.stage_id = self.stage["verification"]
            after_sales.action_cs_tell_result()
            after_sales.stage_id = self.stage["closed"]
        with self._at(at(12, 9)):
            self._rate(consultation, 5)
            self._rate(after_sales, 3)
        return after_sales

    def test_kpi_criteria_and_customers_fill_from_the_period(self):
        after_sales = self._month_of_work()
        form = self._form(self.agent_a)
        kpis = self.env["cs.kpi.report"].get_employee_kpis(
            self.agent_a, MONTH, MONTH_END
        )
        complaints, resolution = (
            self._line(form, "Complaints"),
            self._line(form, "Resolution"),
        )
        self.assertEqual(
            (complaints.auto_value, complaints.has_data), (kpis["complaint_rate"], True)
        )
        self.assertAlmostEqual(kpis["complaint_rate"], 100 / 3)
        self.assertEqual(
            complaints.score,
            0,
            "a third of the customers complained: over the 10 % that scores 0",
        )
        self.assertAlmostEqual(resolution.auto_value, kpis["resolution_rate"])
        self.assertAlmostEqual(
            resolution.score,
            resolution.criterion_id._score_for(kpis["resolution_rate"]),
        )
        self.assertEqual((form.rating_count, form.rating_average), (2, 4.0))
        self.assertAlmostEqual(form.customer_score, 80)
        self.assertFalse(
            self._line(form, "Training").has_data, "no assessment in March"
        )

        # a rating arriving late in the month counts until the review is submitted
        with self._at(at(28, 9)):
            self._rate(after_sales, 5)
        self._as(self.supervisor_a, form).action_refresh()
        self.assertEqual((form.rating_count, form.rating_average), (3, 13 / 3))
        with self._at(at(29, 9)):
            self._rate(after_sales, 1)
        self._to_calibration(form)
        self.assertEqual(form.rating_count, 4)
        with self._at(at(30, 9)):
            self._rate(after_sales, 1)
        self.assertEqual(form.rating_count, 4, "frozen from calibration on")

    def test_a_custom_period_is_measured_over_its_own_days(self):
        """An unscheduled appraisal of the 10th alone has its three customers
        and none of the ratings (given on the 12th); one of the 11th to the
        31st has the ratings and no customer received."""
        self._month_of_work()
        Appraisal = self.env["cs.appraisal"].with_user(self.cs_manager.user_id)
        tenth, rest = (
            Appraisal._cs_open_unscheduled(
                self.agent_a, "custom", first, "Review", last
            ).sudo()
            for first, last in (
                (at(10, 0).date(), at(10, 0).date()),
                (at(11, 0).date(), MONTH_END),
            )
        )
        complaints = self._line(tenth, "Complaints")
        self.assertEqual(complaints.has_data, True)
        self.assertAlmostEqual(complaints.auto_value, 100 / 3)
        self.assertEqual(tenth.rating_count, 0)
        self.assertFalse(self._line(rest, "Complaints").has_data)
        self.assertEqual((rest.rating_count, rest.rating_average), (2, 4.0))

    def test_a_whole_period_is_measured_in_one_kpi_query(self):
        self._month_of_work()
        Report = type(self.env["cs.kpi.report"])
        with patch.object(
            Report, "_kpis_by", autospec=True, side_effect=Report._kpis_by
        ) as kpis_by:
            self.period._open_forms()
        self.assertEqual(kpis_by.call_count, 1)
        forms = self.period.appraisal_ids
        mine = forms.filtered(lambda form: form.employee_id == self.agent_a)
        self.assertEqual(mine.rating_count, 2)
        self.assertFalse(
            forms.filtered(lambda form: form.employee_id == self.agent_b)
            .line_ids.filtered("has_data")
            .filtered(
                lambda line: (
                    line.source == "kpi" and line.criterion_id.kpi != "sales_amount"
                )
            ),
            "nothing measured for an agent without tickets",
        )


class TestTrainingFill(CsAppraisalCase, CsTrainingCase):
    def test_the_training_criterion_scores_the_assessments_of_the_period(self):
        session = self._session(self.agent_a | self.agent_b)
        self._pass(self.agent_a, session)  # theory 100, practical 80: 92
        self._fail(self.agent_b, session)  # 40, then a retake left open
        session.write({"start_date": at(5, 0).date(), "end_date": at(6, 0).date()})
        form_a, form_b = self._form(self.agent_a), self._form(self.agent_b)
        training_a, training_b = (
            self._line(form_a, "Training"),
            self._line(form_b, "Training"),
        )
        self.assertEqual(
            (training_a.auto_value, training_a.score, training_a.has_data),
            (92, 92, True),
        )
        self.assertEqual(
            (training_b.auto_value, training_b.score), (40, 40), "decided attempts only"
        )


class TestTeamTargets(CsAppraisalCase):
    """A criterion reading the team's monthly target (issue 15) scores 100
    at that target instead of its fixed one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.resolution = cls.criterion["Resolution"]
        cls.resolution.target_from = "team"
        Target = cls.env["cs.target"]
        Target.create(
            [
                # the team's own target wins over its store's
                {
                    "store_id": cls.store_a.id,
                    "team_id": cls.team_a.id,
                    "kpi": "resolution_rate",
                    "value": 90,
                    "month": MONTH,
                },
                {
                    "store_id": cls.store_a.id,
                    "kpi": "resolution_rate",
                    "value": 80,
                    "month": MONTH,
                },
                {
                    "store_id": cls.store_a.id,
                    "kpi": "inquiries",
                    "value": 300,
                    "month": MONTH,
                },
            ]
        )

    def _scored(self, employee, value=70.0):
        Appraisal = self.env["cs.appraisal"]
        targets = Appraisal._measures(self.period, employee)[employee][2]
        kpis = {"resolution_rate": value, "customers_with_problem": 10}
        return Appraisal._measured_values(self.resolution, (kpis, None, targets))

    def test_the_criterion_scores_against_its_teams_target(self):
        values = self._scored(self.agent_a)
        # 70 % between 0 at 50 % and 100 at the team's 90 %: (70-50)/(90-50)
        self.assertEqual(values["target_used"], 90)
        self.assertAlmostEqual(values["auto_score"], 50.0)
        # store B set none: the fixed 100 %, (70-50)/(100-50)
        values = self._scored(self.agent_b)
        self.assertEqual(values["target_used"], 100)
        self.assertAlmostEqual(values["auto_score"], 40.0)

    def test_a_target_on_the_wrong_side_of_zero_falls_back_to_the_fixed_one(self):
        self.env["cs.target"].search(
            [("team_id", "=", self.team_a.id), ("kpi", "=", "resolution_rate")]
        ).value = 40
        self.assertEqual(self._scored(self.agent_a)["target_used"], 100)

    def test_the_form_shows_the_target_it_scored_against(self):
        form = self._form(self.agent_a)
        line = self._line(form, "Resolution")
        self.assertEqual(line.target_used, 90)
        self.assertFalse(line.has_data, "no customer with a problem in March")
        self.assertFalse(line.is_scored, "no data is not a zero")


class TestConductInTheAppraisal(CsAppraisalCase):
    """Commendations and disciplinary records show in the appraisal of the
    period they fall in, and a criterion counts them (issue 15)."""

    def test_the_period_shows_its_records_and_a_criterion_counts_them(self):
        Record = self.env["cs.conduct.record"].with_user(self.store_manager_a.user_id)
        values = {"employee_id": self.agent_a.id, "note": "Late three times."}
        in_march, in_april = Record.create(
            [
                dict(values, kind="disciplinary", source="manager", date=MONTH),
                dict(
                    values,
                    kind="disciplinary",
                    source="manager",
                    date=date(MONTH.year, MONTH.month + 1, 1),
                ),
            ]
        )
        form = self._form(self.agent_a)
        self.assertEqual(form.conduct_record_ids, in_march)
        self.assertEqual(
            self._as(self.agent_a, form).conduct_record_ids,
            in_march,
            "the employee reads its own",
        )
        criterion = self.criterion["Complaints"]
        criterion.write({"kpi": "disciplinary_records", "target": 0, "zero_at": 4})
        self.env.flush_all()
        kpis = self.env["cs.kpi.report"].get_employee_kpis(
            self.agent_a, MONTH, MONTH_END
        )
        self.assertEqual(kpis["disciplinary_records"], 1)
        value, has_data = criterion._measure(kpis, None)
        self.assertEqual((value, has_data), (1, True))
        self.assertAlmostEqual(criterion._score_for(value), 75.0)
