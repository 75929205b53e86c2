"""APR-1: the scheduled action opens last month's forms from the 1st of
the month, and in January last year's annual forms built from the twelve
months; running it again makes no duplicate. Overdue steps are reminded."""

from datetime import date

from freezegun import freeze_time

from .common import CsAppraisalCase

SERVICE = (
    "agent_a",
    "presales_a",
    "supervisor_a",
    "store_manager_a",
    "agent_b",
    "store_manager_b",
)


class TestPeriods(CsAppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.service = cls.env["hr.employee"].browse(
            [getattr(cls, name).id for name in SERVICE]
        )
        cls.Period = cls.env["cs.appraisal.period"]

    def _forms(self, period):
        return period.appraisal_ids.filtered(
            lambda form: form.employee_id in self.service | self.agent_c
        )

    def _period(self, kind, day, company=None):
        return self.Period.search(
            [
                ("kind", "=", kind),
                ("date_from", "=", day),
                ("company_id", "=", (company or self.company).id),
            ]
        )

    @freeze_time("2031-03-01 06:00:00")
    def test_the_first_of_the_month_opens_last_month_once(self):
        self.Period._cron_open_periods()
        february = self._period("monthly", date(2031, 2, 1))
        self.assertEqual(february.date_to, date(2031, 2, 28))
        self.assertEqual(
            self._forms(february).employee_id,
            self.service,
            "service roles only, one form each",
        )
        self.assertFalse(
            self._period("annual", date(2030, 1, 1)),
            "annual appraisals open in January",
        )
        # the other company has its own period
        other = self._period("monthly", date(2031, 2, 1), self.other_company)
        self.assertEqual(self._forms(other).employee_id, self.agent_c)

        count = len(february.appraisal_ids)
        self.Period._cron_open_periods()
        self.assertEqual(
            len(february.appraisal_ids), count, "running it twice makes no duplicate"
        )
        self.assertEqual(len(self._period("monthly", date(2031, 2, 1))), 1)

        newcomer = self._person(
            "specialist", "t_newcomer", self.store_a, self.supervisor_a
        )
        self.agent_b.active = False
        self.Period._cron_open_periods()
        self.assertEqual(len(february.appraisal_ids), count + 1)
        self.assertTrue(
            february.appraisal_ids.filtered(lambda form: form.employee_id == newcomer)
        )

    @freeze_time("2031-03-01 06:00:00")
    def test_forms_open_in_batches_and_the_rest_follows(self):
        self.Period._cron_open_periods(batch_size=2)
        february = self._period("monthly", date(2031, 2, 1))
        both = february | self._period("monthly", date(2031, 2, 1), self.other_company)
        self.assertEqual(len(both.appraisal_ids), 2)
        while february._employees_to_appraise():
            self.Period._cron_open_periods(batch_size=2)
        self.assertEqual(self._forms(february).employee_id, self.service)

    @freeze_time("2031-03-01 06:00:00")
    def test_the_steps_are_due_by_the_company_calendar(self):
        self.company.cs_appraisal_review_days = 8
        self.Period._cron_open_periods()
        february = self._period("monthly", date(2031, 2, 1))
        self.assertEqual(
            (
                february.self_deadline,
                february.review_deadline,
                february.calibration_deadline,
            ),
            (date(2031, 3, 3), date(2031, 3, 8), date(2031, 3, 10)),
        )
        self.assertEqual(february.calibrator_id, self.cs_manager.user_id)

    def test_in_january_the_annual_appraisal_is_built_from_the_months(self):
        """Three published months scoring 100, 80 and 60 (+6 at calibration):
        the year scores their average."""
        months = []
        for month, scores, adjustment in (
            (1, {"Attitude": 5, "Knowledge": 10, "Teamwork": 5}, 0),
            (2, {"Attitude": 4, "Knowledge": 8, "Teamwork": 4}, 0),
            (3, {"Attitude": 3, "Knowledge": 6, "Teamwork": 3}, 6),
        ):
            period = self.Period.search(
                [("kind", "=", "monthly"), ("date_from", "=", date(2025, month, 1))]
            )
            form = self._form(
                self.agent_a,
                period or self.Period.create({"date_from": date(2025, month, 1)}),
            )
            self._as(self.supervisor_a, form).action_start()
            self._as(self.supervisor_a, form).action_skip_self()
            self._score_criteria(form, self.supervisor_a, scores)
            self._as(self.supervisor_a, form).action_submit_review()
            self._as(self.cs_manager, form).write(
                {
                    "calibration_adjustment": adjustment,
                    "calibration_reason": "Extra duties",
                }
            )
            months.append(form)
        self.assertEqual(months[2].final_score, 66)
        # April is still under review: it does not count
        april = self._form(
            self.agent_a, self.Period.create({"date_from": date(2025, 4, 1)})
        )
        for form in months[:2]:
            self._as(self.cs_manager, form).action_publish()

        with freeze_time("2026-01-02 06:00:00"):
            self.Period._cron_open_periods()
        year = self._period("annual", date(2025, 1, 1))
        self.assertEqual(
            (year.date_to, year.self_deadline), (date(2025, 12, 31), date(2026, 1, 13))
        )
        self.assertTrue(
            self._period("monthly", date(2025, 12, 1)), "December opens the same day"
        )
        annual = year.appraisal_ids.filtered(
            lambda form: form.employee_id == self.agent_a
        )
        self.assertEqual((annual.monthly_count, annual.score), (2, 90))

        # publishing March updates the open annual form
        self._as(self.cs_manager, months[2]).action_publish()
        self.assertEqual(annual.monthly_count, 3)
        self.assertAlmostEqual(annual.score, (100 + 80 + 66) / 3)
        self.assertAlmostEqual(
            self._line(annual, "Attitude").score, (100 + 80 + 60) / 3
        )
        self.assertTrue(self._line(annual, "Attitude").measured)
        self.assertFalse(
            self._line(annual, "Complaints").is_scored, "never measured in the months"
        )
        self.assertEqual(april.state, "open")

        # the annual form goes through the same steps, without scoring by hand
        self._as(self.supervisor_a, annual).action_start()
        self._as(self.agent_a, annual).write({"self_comment": "A year of growth"})
        self._as(self.agent_a, annual).action_submit_self()
        self._as(self.supervisor_a, annual).action_submit_review()
        self._as(self.cs_manager, annual).action_publish()
        self.assertEqual((annual.grade_id.name, annual.bonus_coefficient), ("B", 1.0))

    def test_an_annual_form_without_published_month_is_not_published(self):
        year = self.Period.create({"kind": "annual", "date_from": date(2024, 1, 1)})
        annual = self._form(self.agent_a, year)
        self._as(self.supervisor_a, annual).action_start()
        self._as(self.agent_a, annual).action_submit_self()
        self._as(self.supervisor_a, annual).action_submit_review()
        with self.assertRaisesRegex(Exception, "no published monthly appraisal"):
            self._as(self.cs_manager, annual).action_publish()

    def test_an_overdue_step_is_reminded_once(self):
        form = self._form(self.agent_a)
        self._as(self.supervisor_a, form).action_start()  # March 2025: long overdue
        self.env["cs.appraisal"]._cron_remind_overdue()
        reminder = form.message_ids.filtered(lambda m: "was due on" in (m.body or ""))
        self.assertEqual(len(reminder), 1)
        self.assertEqual(
            reminder.partner_ids, (self.agent_a | self.supervisor_a).user_id.partner_id
        )
        self.env["cs.appraisal"]._cron_remind_overdue()
        self.assertEqual(
            len(form.message_ids.filtered(lambda m: "was due on" in (m.body or ""))), 1
        )
        # the next step is reminded again when it is overdue in turn
        self._score_criteria(
            form, self.agent_a, {"Attitude": 4, "Knowledge": 8, "Teamwork": 5}
        )
        self._as(self.agent_a, form).action_submit_self()
        self.env["cs.appraisal"]._cron_remind_overdue()
        self.assertEqual(
            len(form.message_ids.filtered(lambda m: "was due on" in (m.body or ""))), 2
        )
