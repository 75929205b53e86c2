"""004 §5.2.3: a CS manager appraises one employee outside the monthly round."""

from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import MONTH, CsAppraisalCase


class TestUnscheduledAppraisal(CsAppraisalCase):
    def _wizard(self, who, **values):
        vals = {
            "employee_id": self.agent_a.id,
            "kind": "monthly",
            "date": date(2025, 4, 15),
            "reason": "End of probation",
        }
        vals.update(values)
        return self.env["cs.appraisal.unscheduled"].with_user(who.user_id).create(vals)

    def _forms(self, day=date(2025, 4, 1)):
        return self.env["cs.appraisal"].search(
            [("employee_id", "=", self.agent_a.id), ("period_date", "=", day)]
        )

    def test_a_cs_manager_opens_one_form_on_the_same_workflow(self):
        action = self._wizard(self.cs_manager).action_open()
        form = self._forms()
        self.assertEqual(action["res_id"], form.id)
        self.assertTrue(form.unscheduled)
        self.assertEqual(form.state, "open")
        self.assertEqual(form.period_id.date_from, date(2025, 4, 1))
        self.assertEqual(form.template_id, self.template)
        self.assertEqual(len(form.line_ids), len(self.template.criterion_ids))
        self.assertIn("End of probation", form.message_ids[:1].body)
        self._to_review(form)  # the supervisor starts it, the agent self-assesses
        self.assertEqual(form.state, "review")
        # the round's cron later opens the others, never a second one for her
        self.assertFalse(form.period_id._employees_to_appraise() & self.agent_a)

    def test_one_form_a_period(self):
        self._form(self.agent_a)  # the round's form of MONTH
        with self.assertRaises(UserError):
            self._wizard(self.cs_manager, date=MONTH).action_open()
        self.assertEqual(len(self._forms(MONTH)), 1)

    def test_others_are_refused_and_nothing_is_written(self):
        for who in (self.supervisor_a, self.store_manager_a, self.agent_a):
            with self.assertRaises(AccessError):
                self._wizard(who)
            with self.assertRaises(AccessError):
                self.env["cs.appraisal"].with_user(who.user_id)._cs_open_unscheduled(
                    self.agent_a, "monthly", date(2025, 4, 15), "Why not"
                )
        self.assertFalse(self._forms())
        self.assertFalse(
            self.env["cs.appraisal.period"].search([("date_from", "=", "2025-04-01")])
        )

    def test_any_period_a_cs_manager_chooses(self):
        self._wizard(
            self.cs_manager,
            kind="custom",
            date=date(2025, 4, 10),
            date_to=date(2025, 5, 20),
            reason="Probation: ten weeks",
        ).action_open()
        form = self._forms(date(2025, 4, 10))
        period = form.period_id
        self.assertEqual(
            (period.kind, period.date_from, period.date_to, period.name),
            ("custom", date(2025, 4, 10), date(2025, 5, 20), "2025-04-10 – 2025-05-20"),
        )
        company = period.company_id
        self.assertEqual(
            (period.self_deadline, period.calibration_deadline),
            (
                date(2025, 5, 20) + relativedelta(days=company.cs_appraisal_self_days),
                date(2025, 5, 20)
                + relativedelta(days=company.cs_appraisal_calibration_days),
            ),
            "its steps count from its last day",
        )
        self.assertEqual((form.state, form.unscheduled), ("open", True))
        self._to_review(form)
        self.assertEqual(form.state, "review")
        # the same dates again: that form, not a second one
        with self.assertRaises(UserError):
            self._wizard(
                self.cs_manager,
                kind="custom",
                date=date(2025, 4, 10),
                date_to=date(2025, 5, 20),
            ).action_open()
        self.assertEqual(len(self._forms(date(2025, 4, 10))), 1)

    def test_a_custom_period_ends_after_it_starts(self):
        Periods = self.env["cs.appraisal.period"]
        for date_to in (date(2025, 4, 9), False):
            with self.subTest(date_to=date_to), self.assertRaises(ValidationError):
                self._wizard(
                    self.cs_manager,
                    kind="custom",
                    date=date(2025, 4, 10),
                    date_to=date_to,
                ).action_open()
        self.assertFalse(self._forms(date(2025, 4, 10)))
        self.assertFalse(Periods.search([("kind", "=", "custom")]))

    def test_the_dates_a_form_measures_cannot_be_moved(self):
        """Over RPC as the CS manager, who may write periods: a monthly
        period keeps its whole month, and a period with forms its dates."""
        Periods = self.env["cs.appraisal.period"].with_user(self.cs_manager.user_id)
        empty = Periods.create({"kind": "monthly", "date_from": date(2031, 5, 1)})
        with self.assertRaises(ValidationError):
            empty.write({"date_to": date(2031, 5, 10)})
        self.assertEqual(empty.date_to, date(2031, 5, 31), "nothing written")
        self._form(self.agent_a)  # a form of the test's period
        period = Periods.browse(self.period.id)
        before = (period.kind, period.date_from, period.date_to)
        for vals in (
            {"date_to": period.date_to.replace(day=10)},
            {"kind": "custom", "date_to": period.date_to.replace(day=10)},
            {"date_from": period.date_from.replace(month=period.date_from.month + 1)},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                period.write(vals)
        self.assertEqual((period.kind, period.date_from, period.date_to), before)
