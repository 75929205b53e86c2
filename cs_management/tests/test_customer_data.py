"""DATA-1..2: the customer's service profile, consent, masked contact
details for those who only read, restricted and logged exports."""

from odoo.exceptions import AccessError

from .common import CsTicketCase
from .jobs import performing_jobs


class TestCustomerData(CsTicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.write(
            {"phone": "+886 912 345 678", "street": "No. 1, Songshou Rd."}
        )

    def _read_as(self, employee, record, fields):
        self.env.invalidate_all()
        return record.with_user(employee.user_id).read(fields)[0]

    def test_service_staff_see_the_contact_details(self):
        values = self._read_as(
            self.agent_a, self.customer, ["email", "phone", "street"]
        )
        self.assertEqual(values["email"], "hsiaoyu@example.com")
        self.assertEqual(values["phone"], "+886 912 345 678")

    def test_auditors_and_trainers_see_them_masked(self):
        for employee in (self.auditor, self.trainer):
            values = self._read_as(
                employee, self.customer, ["name", "email", "phone", "street"]
            )
            self.assertEqual(values["name"], "Lin Hsiao-yu")
            self.assertEqual(values["email"], "•••@example.com")
            self.assertEqual(values["phone"], "•••78")
            self.assertEqual(values["street"], "•••")
        ticket = self._new_ticket(partner_email="hsiaoyu@example.com")
        self.assertEqual(
            self._read_as(self.auditor, ticket, ["partner_email"])["partner_email"],
            "•••@example.com",
        )

    def test_a_link_shown_with_the_address_is_masked_too(self):
        """A form shows a customer link with its address (show_address): Odoo
        reads that name as the superuser, for the user who asked."""
        ticket = self._new_ticket(partner_id=self.customer.id)
        for context in ({"show_address": 1}, {"show_email": 1}):
            self.env.invalidate_all()
            name = (
                ticket.with_user(self.auditor.user_id)
                .with_context(**context)
                .read(["partner_id"])[0]["partner_id"][1]
            )
            self.assertNotIn("Songshou", name)
            self.assertNotIn("hsiaoyu@", name)
            self.env.invalidate_all()
            name = (
                ticket.with_user(self.agent_a.user_id)
                .with_context(show_address=1)
                .read(["partner_id"])[0]["partner_id"][1]
            )
            self.assertIn("Songshou", name)

    def test_colleagues_are_not_masked(self):
        colleague = self.agent_a.user_id.partner_id
        colleague.email = "agent.a@example.com"
        self.assertEqual(
            self._read_as(self.auditor, colleague, ["email"])["email"],
            "agent.a@example.com",
        )

    def test_only_cs_managers_export_contact_details_and_every_export_is_logged(self):
        Log = self.env["cs.data.export.log"]
        # the supervisor was given Odoo's export feature, for other data
        self.supervisor_a.user_id.groups_id = [
            (4, self.env.ref("base.group_allow_export").id)
        ]
        with self.assertRaisesRegex(AccessError, "only be exported by a CS manager"):
            self.customer.with_user(self.supervisor_a.user_id).export_data(
                ["name", "email"]
            )
        self.customer.with_user(self.supervisor_a.user_id).export_data(
            ["name", "country_id"]
        )
        self.assertFalse(Log.search([]), "other columns export freely")
        rows = self.customer.with_user(self.cs_manager.user_id).export_data(
            ["name", "email", "phone"]
        )["datas"]
        self.assertEqual(
            rows, [["Lin Hsiao-yu", "hsiaoyu@example.com", "+886 912 345 678"]]
        )
        log = Log.search([])
        self.assertEqual(
            (log.user_id, log.model, log.record_count),
            (self.cs_manager.user_id, "res.partner", 1),
        )
        self.assertEqual(log.field_names, "email, phone")
        with self.assertRaises(AccessError):
            log.with_user(self.agent_a.user_id).read(["model"])
        self.assertEqual(
            log.with_user(self.auditor.user_id).read(["record_count"])[0][
                "record_count"
            ],
            1,
        )

    def test_the_profile_counts_complaints_and_shows_the_last_satisfaction(self):
        self._new_ticket()
        self._new_ticket("consultation")
        complaint = self._new_ticket()
        self.env["rating.rating"].create(
            {
                "res_model_id": self.env["ir.model"]._get_id("helpdesk.ticket"),
                "res_id": complaint.id,
                "partner_id": self.customer.id,
                "rating": 5,
                "consumed": True,
            }
        )
        self.customer.invalidate_recordset()
        self.assertEqual(self.customer.cs_complaint_count, 2)
        self.assertEqual(self.customer.cs_last_satisfaction, "Satisfied")

    def test_follow_up_campaigns_call_only_consenting_customers(self):
        Partner = self.env["res.partner"]
        willing = Partner.create(
            {
                "name": "Willing",
                "cs_consent_scope": "service",
                "cs_consent_date": "2030-01-01",
            }
        )
        unwilling = Partner.create(
            {"name": "Unwilling", "cs_consent_scope": "withdrawn"}
        )
        silent = Partner.create({"name": "Silent"})
        plan = self.env["cs.followup.plan"].create(
            {
                "name": "Campaign",
                "partner_domain": False,
                "partner_ids": [(6, 0, (willing | unwilling | silent).ids)],
                "date_start": "2030-01-01",
                "date_end": "2030-01-02",
                "user_ids": [(6, 0, self.agent_a.user_id.ids)],
            }
        )
        with performing_jobs():
            plan.action_generate()
        self.assertEqual(plan.followup_ids.partner_id, willing)
        self.assertTrue(
            plan.message_ids.filtered(
                lambda m: "2 customers were left out" in (m.body or "")
            )
        )
