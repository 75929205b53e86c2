"""TRN-6 beyond tickets: follow-up calls go only to staff cleared to serve."""

from odoo.exceptions import UserError, ValidationError

from odoo.addons.cs_management.tests.jobs import performing_jobs

from .common import CsTrainingCase


class TestFollowupGate(CsTrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_ready_to_serve(cls.agent_a)
        cls.new_hire = cls._person(
            "specialist",
            "t_fup_new_hire",
            cls.store_a,
            cls.supervisor_a,
            ready_to_serve=False,
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Follow-up Customer",
                "ref": "FUP-GATE",
                "cs_consent_scope": "service",
                "cs_consent_date": "2030-01-01",
            }
        )

    def _call(self, employee):
        return (
            self.env["cs.followup"]
            .with_user(self.supervisor_a.user_id)
            .create({"partner_id": self.customer.id, "user_id": employee.user_id.id})
        )

    def _plan(self, employees):
        return (
            self.env["cs.followup.plan"]
            .with_user(self.supervisor_a.user_id)
            .create(
                {
                    "name": "Gate plan",
                    "partner_ids": [(6, 0, self.customer.ids)],
                    "date_start": "2030-03-01",
                    "date_end": "2030-03-01",
                    "user_ids": [(6, 0, employees.user_id.ids)],
                }
            )
        )

    def _refused(self, action):
        with self.assertRaises(ValidationError) as caught:
            action()
        self.assertRegex(str(caught.exception), "has not passed the mandatory course")

    def test_a_call_is_refused_to_someone_not_cleared(self):
        Followup = self.env["cs.followup"]
        self._refused(lambda: self._call(self.new_hire))
        self.assertFalse(Followup.search([("partner_id", "=", self.customer.id)]))
        call = self._call(self.agent_a)
        self._refused(
            lambda: call.with_user(self.supervisor_a.user_id).write(
                {"user_id": self.new_hire.user_id.id}
            )
        )
        call.invalidate_recordset()
        self.assertEqual(call.user_id, self.agent_a.user_id)

    def test_a_plan_gives_its_calls_only_to_cleared_agents(self):
        plan = self._plan(self.agent_a | self.new_hire)
        with performing_jobs():
            plan.action_generate()
        self.assertEqual(plan.followup_ids.user_id, self.agent_a.user_id)
        with self.assertRaisesRegex(UserError, "cleared to serve"):
            self._plan(self.new_hire).action_generate()

    def test_the_gate_lifts_with_the_certificate(self):
        self._make_ready_to_serve(self.new_hire)
        self.assertEqual(self._call(self.new_hire).user_id, self.new_hire.user_id)
