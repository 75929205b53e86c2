"""What a tier changes: VIP complaints go to the supervisor (002 §2.2.3),
tighter deadlines per tier (OCA SLA rules), follow-up plans per tier."""

from .common_customer import CsCustomerCase


class TestTierEffects(CsCustomerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.vip = Partner.create({"name": "Lai Pei-shan"})
        cls.vip._cs_override_tier(cls.tier["vip"], "Brand ambassador")
        cls.regular = cls.customer
        cls.regular._cs_override_tier(cls.tier["regular"], "Walk-in")

    def _to_do(self, ticket):
        major = self.env.ref("cs_management.mail_activity_major_complaint")
        return ticket.activity_ids.filtered(lambda a: a.activity_type_id == major)

    def test_a_vip_complaint_goes_to_the_supervisor_whatever_its_severity(self):
        ticket = self._new_ticket(partner_id=self.vip.id)
        self.assertEqual(ticket.user_id, self.supervisor_a.user_id)
        self.assertEqual(
            self._to_do(ticket).summary, "Complaint of a VIP customer assigned to you"
        )

    def test_unassigned_vip_complaints_skip_the_round_robin(self):
        ticket = self._new_ticket(partner_id=self.vip.id, user_id=False)
        self.assertEqual(ticket.user_id, self.supervisor_a.user_id)

    def test_other_tiers_and_other_kinds_stay_with_the_agent(self):
        complaint = self._new_ticket()
        self.assertEqual(complaint.user_id, self.agent_a.user_id)
        consultation = self._new_ticket("consultation", partner_id=self.vip.id)
        self.assertEqual(consultation.user_id, self.agent_a.user_id)

    def test_a_customer_turning_vip_sends_the_next_complaint_up(self):
        self.regular._cs_override_tier(self.tier["vip"], "Upgraded")
        self.assertEqual(self._new_ticket().user_id, self.supervisor_a.user_id)

    def test_tighter_deadline_per_tier(self):
        self.team_a.use_sla = True
        Sla = self.env["helpdesk.sla"]
        common = Sla.create(
            {"name": "Reply within 24h", "hours": 24, "cs_process": True}
        )
        vip_sla = Sla.create(
            {
                "name": "VIP reply within 2h",
                "hours": 2,
                "cs_process": True,
                "cs_tier_ids": [(6, 0, self.tier["vip"].ids)],
            }
        )
        vip_ticket = self._new_ticket("consultation", partner_id=self.vip.id)
        regular_ticket = self._new_ticket("consultation")
        # the shipped deadlines apply to both
        self.assertEqual(
            vip_ticket.ticket_sla_ids.sla_id - regular_ticket.ticket_sla_ids.sla_id,
            vip_sla,
        )
        self.assertIn(common, regular_ticket.ticket_sla_ids.sla_id)
        self.assertNotIn(vip_sla, regular_ticket.ticket_sla_ids.sla_id)
        lines = vip_ticket.ticket_sla_ids
        self.assertLess(
            lines.filtered(lambda line: line.sla_id == vip_sla).deadline,
            lines.filtered(lambda line: line.sla_id == common).deadline,
            "the VIP's deadline is the tighter one",
        )

    def test_follow_up_plan_selects_customers_by_tier(self):
        plan = self.env["cs.followup.plan"].create(
            {
                "name": "VIP launch calls",
                "date_end": "2030-01-31",
                "partner_domain": False,
                "partner_ids": [(6, 0, (self.vip | self.regular).ids)],
                "user_ids": [(6, 0, self.agent_a.user_id.ids)],
                "tier_ids": [(6, 0, self.tier["vip"].ids)],
            }
        )
        self.assertEqual(plan._target_partners(), self.vip)
        plan.tier_ids = False
        self.assertEqual(plan._target_partners(), self.vip | self.regular)
