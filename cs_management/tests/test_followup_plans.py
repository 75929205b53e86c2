"""FUP-1..3: follow-up plans, their tasks and their report."""

from odoo.exceptions import UserError, ValidationError

from .common import CsTicketCase
from .jobs import performing_jobs


class TestFollowupPlans(CsTicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        consent = {"cs_consent_scope": "service", "cs_consent_date": "2030-01-01"}
        cls.buyers = Partner.create(
            [
                dict(consent, name=f"Night Cream Buyer {i}", ref="NIGHT-CREAM")
                for i in range(5)
            ]
        )
        cls.listed = Partner.create(dict(consent, name="Listed Customer"))

    def _plan(self, **values):
        vals = {
            "name": "Night cream buyers",
            "partner_domain": "[('ref', '=', 'NIGHT-CREAM')]",
            "partner_ids": [(6, 0, self.listed.ids)],
            "date_start": "2030-03-01",
            "date_end": "2030-03-03",
            "user_ids": [(6, 0, (self.agent_a | self.presales_a).user_id.ids)],
            "script": "<p>How is your skin?</p>",
        }
        vals.update(values)
        return (
            self.env["cs.followup.plan"]
            .with_user(self.supervisor_a.user_id)
            .create(vals)
        )

    def test_generating_makes_one_task_per_customer_spread_over_agents_and_days(self):
        plan = self._plan()
        with performing_jobs():
            plan.action_generate()
        self.assertEqual(plan.followup_ids.partner_id, self.buyers | self.listed)
        per_agent = [
            len(plan.followup_ids.filtered(lambda t, u=u: t.user_id == u))
            for u in plan.user_ids
        ]
        self.assertEqual(sorted(per_agent), [3, 3])
        self.assertEqual(
            {str(d) for d in plan.followup_ids.mapped("date_due")},
            {"2030-03-01", "2030-03-02", "2030-03-03"},
        )
        self.assertEqual(plan.state, "running")

    def test_generating_again_adds_only_new_customers(self):
        plan = self._plan()
        with performing_jobs():
            plan.action_generate()
        with performing_jobs():
            plan.action_generate()
        self.assertEqual(len(plan.followup_ids), 6)
        newcomer = self.env["res.partner"].create(
            {
                "name": "New Buyer",
                "ref": "NIGHT-CREAM",
                "cs_consent_scope": "service",
                "cs_consent_date": "2030-01-01",
            }
        )
        with performing_jobs():
            plan.action_generate()
        self.assertEqual(len(plan.followup_ids), 7)
        self.assertIn(newcomer, plan.followup_ids.partner_id)

    def test_a_plan_needs_agents_and_a_valid_filter(self):
        with self.assertRaisesRegex(UserError, "Choose the agents"):
            self._plan(user_ids=[(5, 0, 0)]).action_generate()
        with self.assertRaisesRegex(UserError, "not valid"):
            self._plan(partner_domain="[('ref', '=' ").action_generate()

    def test_tasks_record_outcomes_and_the_report_adds_them_up(self):
        plan = self._plan()
        with performing_jobs():
            plan.action_generate()
        tasks = plan.followup_ids.sorted("id")
        for task, (reached, score) in zip(
            tasks,
            [(True, "5"), (True, "4"), (True, "2"), (False, False), (True, "5")],
            strict=False,
        ):
            task.with_user(task.user_id).write(
                {"reached": reached, "satisfaction": score}
            )
            task.with_user(task.user_id).action_done()
        problem = tasks[2].with_user(tasks[2].user_id)
        problem.remarks = "Itching after two nights"
        problem.action_open_ticket()
        self.assertEqual(problem.new_ticket_id.partner_id, problem.partner_id)
        self.assertIn("Itching", problem.new_ticket_id.description)
        self.assertEqual(plan.done_count, 5)
        self.assertEqual(plan.reached_count, 4)
        self.assertAlmostEqual(plan.reach_rate, 80.0)
        self.assertAlmostEqual(plan.satisfaction_average, 4.0)
        self.assertEqual(plan.problem_count, 1)
        self.assertEqual(
            plan.satisfaction_distribution,
            "Very satisfied: 2 · Satisfied: 1 · Dissatisfied: 1",
        )

    def test_an_empty_plan_reports_zero_without_dividing(self):
        plan = self._plan()
        self.assertEqual(
            (plan.reach_rate, plan.satisfaction_average, plan.task_count), (0.0, 0.0, 0)
        )

    def test_a_reached_customer_needs_a_score_and_an_unreached_one_has_none(self):
        plan = self._plan()
        with performing_jobs():
            plan.action_generate()
        task = plan.followup_ids[0].with_user(plan.followup_ids[0].user_id)
        task.reached = True
        with self.assertRaisesRegex(UserError, "Record the satisfaction"):
            task.action_done()
        with (
            self.assertRaisesRegex(ValidationError, "not reached"),
            self.env.cr.savepoint(),
        ):
            task.write({"reached": False, "satisfaction": "3"})

    def test_agents_cannot_plan(self):
        from odoo.exceptions import AccessError

        with self.assertRaises(AccessError):
            self.env["cs.followup.plan"].with_user(self.agent_a.user_id).create(
                {
                    "name": "x",
                    "date_start": "2030-01-01",
                    "date_end": "2030-01-02",
                    "user_ids": [(6, 0, self.agent_a.user_id.ids)],
                }
            )
