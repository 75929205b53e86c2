"""Customer tiers by the admin-set rules, recomputed by the scheduled action
in batches; a CS manager's override is logged and kept by the rules."""

from odoo.exceptions import AccessError

from odoo.addons.cs_management.tests.jobs import performing_jobs
from odoo.addons.queue_job.tests.common import trap_jobs

from .common_customer import TODAY, CsCustomerCase, months_ago


class TestTierRules(CsCustomerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.anna = Partner.create({"name": "Chen An-na"})
        cls.bo = Partner.create({"name": "Wang Bo-wen"})
        cls.chiu = Partner.create({"name": "Chiu Mei-ling"})
        cls.shop = Partner.create({"name": "Rosy Beauty Shop", "is_company": True})
        cls.buyer = Partner.create({"name": "Hsu Yi-ting", "parent_id": cls.shop.id})

    def _buy(self):
        # Anna: 2,000 + 1,500 = 3,500 in 2 orders over 12 months -> Silver
        self._order(self.anna, months_ago(2), [(self.serum, 2, 1000)])
        self._order(self.anna, months_ago(5), [(self.lipstick, 3, 500)])
        # Bo: 6,000 + 5,000 + 200 = 11,200 in 3 orders over 6 months -> Gold
        self._order(self.bo, months_ago(1), [(self.serum, 6, 1000)])
        self._order(self.bo, months_ago(3), [(self.serum, 5, 1000)])
        self._order(self.bo, months_ago(4), [(self.lipstick, 1, 200)])
        # Chiu: 9,000 fourteen months ago, outside every period; and a quote
        # of 50,000 never confirmed -> no tier
        self._order(self.chiu, months_ago(14), [(self.serum, 9, 1000)])
        self._order(self.chiu, months_ago(1), [(self.serum, 50, 1000)], confirm=False)
        # the shop's buyer orders for the shop: 2 x 2,500 -> the shop is Silver
        self._order(self.buyer, months_ago(1), [(self.lipstick, 5, 500)])
        self._order(self.buyer, months_ago(7), [(self.lipstick, 5, 500)])

    def test_rules_on_hand_computed_spend_and_orders(self):
        self._buy()
        self._classify(self.anna | self.bo | self.chiu | self.shop)
        self.assertEqual(self.anna.cs_tier_id, self.tier["silver"])
        self.assertEqual(self.bo.cs_tier_id, self.tier["gold"])
        self.assertFalse(self.chiu.cs_tier_id)
        self.assertEqual(self.shop.cs_tier_id, self.tier["silver"])
        self.assertEqual(str(self.bo.cs_tier_since), str(TODAY.date()))

    def test_a_threshold_is_inclusive_and_one_short_is_not_enough(self):
        self._order(self.anna, months_ago(1), [(self.serum, 2, 1000)])
        self._order(self.anna, months_ago(2), [(self.serum, 1, 999)])
        self._classify(self.anna)
        self.assertFalse(self.anna.cs_tier_id, "2,999 is short of 3,000")
        self._order(self.anna, months_ago(3), [(self.lipstick, 1, 1)])
        self._classify(self.anna)
        self.assertEqual(self.anna.cs_tier_id, self.tier["silver"], "3,000 is enough")

    def test_movements_are_logged_up_and_down(self):
        self._buy()
        self._classify(self.bo)
        self.rule_gold.min_amount = 20000
        self._classify(self.bo)
        moves = self.env["cs.customer.tier.move"].search(
            [("partner_id", "=", self.bo.id)], order="id"
        )
        self.assertEqual(
            [(m.old_tier_id, m.new_tier_id, m.direction, m.source) for m in moves],
            [
                (self.tier["gold"].browse(), self.tier["gold"], "up", "rules"),
                (self.tier["gold"], self.tier["silver"], "down", "rules"),
            ],
        )
        self._classify(self.bo)
        self.assertEqual(
            len(moves.search([("partner_id", "=", self.bo.id)])),
            2,
            "no change, no movement",
        )

    def test_the_scheduled_action_works_in_batches(self):
        self._buy()
        Partner = self.env["res.partner"]
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("cs_sale.tier_cursor", min(self.anna.id, self.bo.id) - 1)
        with self._at(TODAY):
            self.assertEqual(Partner._cron_cs_recompute_tiers(batch_size=1), 1)
            self.assertEqual(
                int(params.get_param("cs_sale.tier_cursor")),
                min(self.anna.id, self.bo.id),
            )
            while int(params.get_param("cs_sale.tier_cursor")):
                Partner._cron_cs_recompute_tiers(batch_size=2)
        self.anna.invalidate_recordset()
        self.assertEqual(self.anna.cs_tier_id, self.tier["silver"])
        self.assertEqual(self.bo.cs_tier_id, self.tier["gold"])

    def test_override_is_logged_and_kept_by_the_rules(self):
        self._buy()
        self._classify(self.bo)
        wizard = (
            self.env["cs.customer.tier.override"]
            .with_user(self.cs_manager.user_id)
            .create(
                {
                    "partner_id": self.bo.id,
                    "tier_id": self.tier["vip"].id,
                    "reason": "Launch ambassador",
                }
            )
        )
        wizard.action_apply()
        self.assertEqual(self.bo.cs_tier_id, self.tier["vip"])
        self.assertTrue(self.bo.cs_tier_override)
        self.assertIn("Launch ambassador", self.bo.message_ids[0].body)
        self._classify(self.bo)
        self.assertEqual(self.bo.cs_tier_id, self.tier["vip"], "the rules keep it")
        move = self.env["cs.customer.tier.move"].search(
            [("partner_id", "=", self.bo.id)], limit=1
        )
        self.assertEqual(
            (move.new_tier_id, move.source), (self.tier["vip"], "override")
        )
        # lifted: the rules decide again, at once
        wizard.create(
            {"partner_id": self.bo.id, "reason": "Campaign over"}
        ).action_apply()
        self.assertEqual(self.bo.cs_tier_id, self.tier["gold"])
        self.assertFalse(self.bo.cs_tier_override)

    def test_only_a_cs_manager_overrides_and_nothing_is_written(self):
        for user in (self.agent_a.user_id, self.store_manager_a.user_id):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["cs.customer.tier.override"].with_user(user).create(
                    {
                        "partner_id": self.anna.id,
                        "tier_id": self.tier["vip"].id,
                        "reason": "Friend",
                    }
                ).action_apply()
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.anna.with_user(user)._cs_override_tier(self.tier["vip"], "x")
        self.assertFalse(self.anna.cs_tier_id)

    def test_tier_fields_are_not_written_by_hand(self):
        for user in (self.agent_a.user_id, self.cs_manager.user_id):
            for values in (
                {"cs_tier_id": self.tier["vip"].id},
                {"cs_tier_override": True},
                {"cs_tier_since": "2020-01-01"},
            ):
                with (
                    self.subTest(user=user.login, values=values),
                    self.assertRaises(AccessError),
                ):
                    self.anna.with_user(user).write(dict(values, comment="x"))
            with self.assertRaises(AccessError):
                self.env["res.partner"].with_user(user).create(
                    {"name": "Self-made VIP", "cs_tier_id": self.tier["vip"].id}
                )
        self.anna.invalidate_recordset()
        self.assertFalse(self.anna.cs_tier_id or self.anna.cs_tier_override)
        self.assertFalse(self.anna.comment)
        self.assertFalse(
            self.env["res.partner"].search([("name", "=", "Self-made VIP")])
        )

    def test_only_cs_managers_edit_the_rules(self):
        for user in (self.agent_a.user_id, self.store_manager_a.user_id):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.rule_silver.with_user(user).write({"min_amount": 1})
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.tier["vip"].with_user(user).write(
                    {"complaints_to_supervisor": False}
                )
        self.assertEqual(self.rule_silver.min_amount, 3000)
        self.assertTrue(self.tier["vip"].complaints_to_supervisor)
        self.rule_silver.with_user(self.cs_manager.user_id).min_amount = 2500
        self.assertEqual(self.rule_silver.min_amount, 2500)

    def test_a_cs_manager_applies_the_rules_now_in_background_batches(self):
        self._buy()
        Rules = self.env["cs.customer.tier.rule"]
        for who in (self.agent_a, self.supervisor_a, self.store_manager_a):
            with self.subTest(who=who.name), trap_jobs() as trap:
                with self.assertRaises(AccessError):
                    Rules.with_user(who.user_id).action_cs_recompute_tiers()
                trap.assert_jobs_count(0)
        Partner = self.env["res.partner"]
        with trap_jobs() as trap:
            answer = Rules.with_user(
                self.cs_manager.user_id
            ).action_cs_recompute_tiers()
            self.assertEqual(answer["tag"], "display_notification")
            trap.assert_jobs_count(1, only=Partner._job_cs_recompute_tiers)
            self.assertEqual(trap.enqueued_jobs[0].user_id, self.cs_manager.user_id.id)
            self.assertFalse(self.anna.cs_tier_id, "nothing classified in the request")
        # two customers a job, from before Anna and Bo: each job queues the next
        start = min(self.anna.id, self.bo.id) - 1
        with self._at(TODAY), performing_jobs() as trap:
            self.assertEqual(Partner._job_cs_recompute_tiers(start, 2), 2)
            trap.assert_enqueued_job(
                Partner._job_cs_recompute_tiers, args=(start + 2, 2)
            )
        self.anna.invalidate_recordset()
        self.assertEqual(self.anna.cs_tier_id, self.tier["silver"])
        self.assertEqual(self.bo.cs_tier_id, self.tier["gold"])
        self.assertEqual(self.shop.cs_tier_id, self.tier["silver"])
        # run again (a job resumed): nothing moves twice
        moves = self.env["cs.customer.tier.move"].search_count([])
        with self._at(TODAY), performing_jobs():
            Partner._job_cs_recompute_tiers(start, 2)
        self.assertEqual(self.env["cs.customer.tier.move"].search_count([]), moves)
