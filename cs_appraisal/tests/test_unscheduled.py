"""004 §5.2.3: a CS manager appraises one employee outside the monthly round."""

from datetime import date

from odoo.exceptions import AccessError, UserError

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
