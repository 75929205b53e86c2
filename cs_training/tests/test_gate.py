"""TRN-6 (004 §5.1.4): staff serving customers cannot be assigned tickets
until they hold a valid certificate of every course mandatory for their
role: by anyone, on any path."""

from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form

from .common import CsTrainingCase


class TestGate(CsTrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a new hire of store A, enrolled in onboarding
        cls.new_hire = cls._person(
            "specialist",
            "t_new_hire",
            cls.store_a,
            cls.supervisor_a,
            ready_to_serve=False,
        )
        cls.team_a.user_ids = [Command.link(cls.new_hire.user_id.id)]
        cls.session = cls._session(cls.new_hire)
        cls.ticket = cls.ticket_a

    def test_the_reason_is_shown_on_the_employee(self):
        self.assertFalse(self.new_hire.cs_cleared_to_serve)
        self.assertIn(
            "has not passed the mandatory course Test onboarding",
            self.new_hire.cs_gate_reason,
        )
        colleague_view = (
            self.env["hr.employee.public"]
            .with_user(self.agent_a.user_id)
            .browse(self.new_hire.id)
        )
        self.assertIn("Test onboarding", colleague_view.cs_gate_reason)
        self.assertIn(
            self.new_hire,
            self.env["hr.employee"].search([("cs_cleared_to_serve", "=", False)]),
        )

    def test_refused_on_create(self):
        with self.assertRaisesRegex(
            ValidationError, "T New Hire cannot be assigned ticket .*Test onboarding"
        ):
            self._new_ticket(self.new_hire.user_id)

    def test_the_refusal_speaks_the_user_language(self):
        with self.assertRaisesRegex(
            ValidationError, "尚未通過必修課程 Test onboarding"
        ):
            self.ticket.with_context(lang="zh_TW").user_id = self.new_hire.user_id

    def test_refused_on_write_by_any_user(self):
        for actor in (
            self.supervisor_a.user_id,
            self.cs_manager.user_id,
            self.env.user,
        ):
            with (
                self.subTest(actor=actor.login),
                self.assertRaisesRegex(ValidationError, "Test onboarding"),
            ):
                self.ticket.with_user(actor).write(
                    {"user_id": self.new_hire.user_id.id}
                )

    def test_refused_in_the_form(self):
        form = Form(self.ticket.with_user(self.supervisor_a.user_id))
        form.user_id = self.new_hire.user_id
        with self.assertRaisesRegex(ValidationError, "Test onboarding"):
            form.save()

    def test_refused_from_the_kanban_and_rpc(self):
        # dragging a card to an assignee column and an RPC client both save through
        # web_save/write
        with self.assertRaisesRegex(ValidationError, "Test onboarding"):
            self.ticket.with_user(self.supervisor_a.user_id).web_save(
                {"user_id": self.new_hire.user_id.id}, specification={}
            )

    def test_refused_when_assigning_oneself(self):
        unassigned = self._new_ticket(self.env["res.users"])
        with self.assertRaisesRegex(ValidationError, "Test onboarding"):
            unassigned.with_user(self.new_hire.user_id).assign_to_me()

    def test_automatic_assignment_skips_the_gated(self):
        self.env.company.helpdesk_mgmt_ticket_auto_assign = True
        defaults = (
            self.env["helpdesk.ticket"]
            .with_user(self.new_hire.user_id)
            .default_get(["user_id"])
        )
        self.assertFalse(defaults.get("user_id"))
        self.agent_a.with_user(
            self.cs_manager.user_id
        ).action_cs_record_prior_onboarding()
        defaults = (
            self.env["helpdesk.ticket"]
            .with_user(self.agent_a.user_id)
            .default_get(["user_id"])
        )
        self.assertEqual(defaults.get("user_id"), self.agent_a.user_id.id)

    def test_passing_lifts_the_gate_at_once(self):
        self._pass(self.new_hire, self.session)
        self.assertTrue(self.new_hire.cs_cleared_to_serve)
        self.ticket.write({"user_id": self.new_hire.user_id.id})
        self.assertEqual(self.ticket.user_id, self.new_hire.user_id)

    def test_failing_keeps_the_gate(self):
        self._fail(self.new_hire, self.session)
        self._fail(self.new_hire, self.session)
        self.assertFalse(self.new_hire.cs_cleared_to_serve)

    def test_an_expired_certificate_puts_the_gate_back(self):
        self._pass(self.new_hire, self.session)
        certificate = self.new_hire.cs_certificate_ids
        certificate.write(
            {
                "issue_date": self.today - relativedelta(years=1, days=1),
                "expiry_date": self.today,
            }
        )
        self.assertIn("expired on", self.new_hire.cs_gate_reason)
        with self.assertRaisesRegex(ValidationError, "expired on"):
            self.ticket.user_id = self.new_hire.user_id

    def test_a_ticket_shows_when_its_assignee_lost_clearance(self):
        self._pass(self.new_hire, self.session)
        self.ticket.user_id = self.new_hire.user_id
        self.assertFalse(self.ticket.cs_assignee_gate_reason)
        self.new_hire.cs_certificate_ids.write(
            {
                "issue_date": self.today - relativedelta(years=1),
                "expiry_date": self.today,
            }
        )
        self.ticket.invalidate_recordset(["cs_assignee_gate_reason"])
        self.assertIn(
            "T New Hire may not serve customers yet",
            self.ticket.cs_assignee_gate_reason,
        )

    def test_roles_not_serving_customers_are_not_gated(self):
        self._session(self.trainer)
        self.assertTrue(self.trainer.cs_cleared_to_serve)

    def test_staff_never_trained_are_gated_until_their_prior_training_is_recorded(self):
        veteran = self._person(
            "specialist", "t_veteran", self.store_b, ready_to_serve=False
        )
        self.assertFalse(veteran.cs_cleared_to_serve)
        self.assertIn("Test onboarding", veteran.cs_gate_reason)
        with self.assertRaises(AccessError):
            veteran.with_user(
                self.store_manager_b.user_id
            ).action_cs_record_prior_onboarding()
        veteran.with_user(self.cs_manager.user_id).action_cs_record_prior_onboarding()
        self.assertTrue(veteran.cs_cleared_to_serve)
        self.assertEqual(
            veteran.cs_certificate_ids.course_id,
            veteran._cs_mandatory_courses(),
            "one certificate per mandatory course",
        )
        self.assertTrue(
            veteran.message_ids.filtered(
                lambda m: "Recorded as passed before" in (m.body or "")
            )
        )

    def test_the_gate_is_a_constant_number_of_queries(self):
        Employee = self.env["hr.employee"]
        few = self.new_hire | self.agent_a
        many = Employee.search([("cs_role_id.customer_facing", "=", True)])
        self.assertGreater(len(many), len(few) + 3)
        many._cs_service_gate_reasons()  # warm the metadata caches
        counts = []
        for employees in (few, many):
            employees.invalidate_recordset()
            self.env["hr.course"].invalidate_model()
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            employees._cs_service_gate_reasons()
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1])

    def test_major_complaints_skip_a_supervisor_not_cleared(self):
        """cs_management assigns major complaints to the store's supervisor:
        one who may not serve is passed over for the next in line."""
        gated_supervisor = self._person(
            "supervisor",
            "t_gated_supervisor",
            self.store_a,
            self.store_manager_a,
            ready_to_serve=False,
        )
        self.agent_a.with_user(
            self.cs_manager.user_id
        ).action_cs_record_prior_onboarding()
        self.store_a.supervisor_ids = gated_supervisor | self.supervisor_a
        self.supervisor_a.with_user(
            self.cs_manager.user_id
        ).action_cs_record_prior_onboarding()
        ticket = self._new_ticket(self.agent_a.user_id)
        ticket.write(
            {
                "category_id": self.env.ref("cs_management.category_complaint").id,
                "cs_severity": "major",
            }
        )
        self.assertEqual(ticket.user_id, self.supervisor_a.user_id)
