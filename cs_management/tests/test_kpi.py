"""KPI-1..8: every formula on a hand-built day with known answers, rates
from summed counts at any grouping, empty periods without division."""

from datetime import datetime, timedelta

from dateutil.relativedelta import MO, relativedelta

from .common import CsTicketCase

# a Monday three weeks ago: deadlines of that day are over by now
DAY = datetime.now().date() - timedelta(days=21) + relativedelta(weekday=MO(-1))


def at(hour, minute=0):
    return datetime.combine(DAY, datetime.min.time()).replace(hour=hour, minute=minute)


class TestKpis(CsTicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        calendar = cls.env.ref("resource.resource_calendar_std").copy({"tz": "UTC"})
        (cls.team_a | cls.team_b).resource_calendar_id = calendar
        Partner = cls.env["res.partner"]
        cls.c1, cls.c2, cls.c3, cls.c4, cls.c5 = Partner.create(
            [
                {"name": f"KPI Customer {i}", "email": f"kpi{i}@example.com"}
                for i in range(1, 6)
            ]
        )
        cls.staff_cause = cls.env.ref("cs_management.root_cause_attitude")
        cls.staff_cause.cs_about_staff = True
        cls.sales_a = cls.env["crm.team"].create({"name": "Sales A"})
        cls.store_a.crm_team_id = cls.sales_a

    def _build_the_day(self):
        """Agent A serves four customers (one twice); agent B one."""
        with self._at(at(9)):
            t1 = self._new_ticket("complaint", partner_id=self.c1.id)
            t2 = self._new_ticket(
                "after_sales",
                partner_id=self.c2.id,
                cs_solution="<p>您好 refund 謝謝</p>",
            )
            t3 = self._new_ticket(
                "consultation",
                partner_id=self.c1.id,
                cs_solution="<p>您好 oil first 謝謝</p>",
            )
            t4 = self._new_ticket("order", partner_id=self.c3.id)
            t5 = self._new_ticket(
                "complaint", partner_id=self.c4.id, cs_root_cause_id=self.staff_cause.id
            )
            b1 = self._new_ticket(
                "complaint",
                partner_id=self.c5.id,
                team_id=self.team_b.id,
                user_id=self.agent_b.user_id.id,
                user=self.agent_b.user_id,
            )
        with self._at(at(10)):
            t3.action_cs_answer_and_close()  # first response 1 h, handled 1 h
        with self._at(at(11)):
            self._advance(t1, "verification")
            # the result told is t1's first response (2 h); the customer
            # accepts it: handled 2 h
            for step in ("investigation", "solution", "feedback", "followup"):
                self._advance(t1, step)
        with self._at(at(12)):
            t2.stage_id = self.stage["verification"]  # a move is no response
            self._reply(t2)  # first response 3 h
        with self._at(at(15)):
            self._reply(t4)  # first response 5 h, late
        with self._at(at(16)):
            t2.action_cs_tell_result()
            t2.stage_id = self.stage["closed"]  # solved: handled 6 h
            t2.stage_id = self.stage["solution"]  # reopened
            t2.stage_id = self.stage["closed"]
        with self._at(at(17)):
            self._advance(t1, "closed")  # the follow-up visit is not handling
            self._rate(t1, 5)
            self._rate(t2, 1)
            Lead = self.env["crm.lead"]
            common = {
                "type": "opportunity",
                "user_id": self.agent_a.user_id.id,
                "team_id": self.sales_a.id,
            }
            Lead.create(
                dict(common, name="Set", expected_revenue=1000)
            ).action_set_won()
            Lead.create(
                dict(common, name="Lost set", expected_revenue=500)
            ).action_set_lost()
        return t1 | t2 | t3 | t4 | t5 | b1

    def _reply(self, ticket):
        ticket.message_post(
            body="<p>您好，we are looking into it. 謝謝</p>",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    def _kpis(self, employee, start=DAY, end=DAY):
        self.env.flush_all()
        return self.env["cs.kpi.report"].get_employee_kpis(employee, start, end)

    def test_every_formula_on_known_numbers(self):
        self._build_the_day()
        kpi = self._kpis(self.agent_a)
        expected = {
            # KPI-1: customers C1 C2 C3 C4, complaining C1 C4
            "customers_served": 4,
            "complaining_customers": 2,
            "complaint_rate": 50.0,
            # KPI-2: with a problem C1 (complaint) C2 C3 C4, solved C1 C2
            "customers_with_problem": 4,
            "customers_solved": 2,
            "resolution_rate": 50.0,
            # KPI-3: first responses 2 + 3 + 1 + 5 working hours; handled 2 + 6 + 1
            "first_responses": 4,
            "avg_first_response_hours": 2.75,
            "handled": 3,
            "avg_handling_hours": 3.0,
            # KPI-4: ratings 5 and 1
            "ratings": 2,
            "rating_average": 3.0,
            # a top rating is no commendation: none recorded, none counted
            "ratings_satisfied": 1,
            "praise_rate": 0.0,
            "ratings_dissatisfied": 1,
            "staff_complaint_rate": 25.0,
            # KPI-5: promised deadlines of t1 t2 met, t4 t5 missed; first
            # replies in time for t1 t2 t3, late for t4, missed for t5
            "deadlines_due": 4,
            "within_deadline_rate": 50.0,
            "replies_due": 5,
            "reply_timeliness_rate": 60.0,
            "closed_tickets": 3,
            "reopen_rate": 100 / 3,
            # KPI-6: 5 inquiries, 5 replies to customers, 3 resolved
            "inquiries": 5,
            "replies": 5,
            "resolved": 3,
            # KPI-8: one deal won of two closed
            "sales_amount": 1000.0,
            "deals_won": 1,
            "conversion_rate": 50.0,
        }
        for name, value in expected.items():
            with self.subTest(kpi=name):
                self.assertAlmostEqual(kpi[name], value, places=6, msg=name)

    def test_rates_add_up_counts_never_average_rates(self):
        self._build_the_day()
        self.env.flush_all()
        rows = self.env["cs.kpi.report"].read_group(
            [
                ("date", "=", DAY),
                ("user_id", "in", (self.agent_a | self.agent_b).user_id.ids),
            ],
            ["complaint_rate", "customers_served"],
            ["company_id"],
        )
        # agent A 2/4, agent B 1/1: the company 3/5, not the mean 75 %
        self.assertAlmostEqual(rows[0]["complaint_rate"], 60.0)
        self.assertEqual(rows[0]["customers_served"], 5)
        by_agent = {
            row["user_id"][0]: row["complaint_rate"]
            for row in self.env["cs.kpi.report"].read_group(
                [
                    ("date", "=", DAY),
                    ("user_id", "in", (self.agent_a | self.agent_b).user_id.ids),
                ],
                ["complaint_rate"],
                ["user_id"],
            )
        }
        self.assertEqual(
            by_agent, {self.agent_a.user_id.id: 50.0, self.agent_b.user_id.id: 100.0}
        )

    def test_an_empty_period_gives_no_data_not_zero(self):
        kpi = self._kpis(
            self.agent_a, DAY - timedelta(days=400), DAY - timedelta(days=370)
        )
        self.assertEqual(kpi["customers_served"], 0)
        self.assertIsNone(kpi["complaint_rate"], "no customer served: no rate")
        self.assertIsNone(kpi["avg_handling_hours"])

    def test_agents_see_their_own_figures_and_supervisors_their_team(self):
        self._build_the_day()
        self.env.flush_all()
        Report = self.env["cs.kpi.report"]
        domain = [("date", "=", DAY)]
        self.assertEqual(
            set(Report.with_user(self.agent_a.user_id).search(domain).user_id.ids),
            {self.agent_a.user_id.id},
        )
        seen_by_supervisor = (
            Report.with_user(self.supervisor_a.user_id).search(domain).user_id
        )
        self.assertIn(self.agent_a.user_id, seen_by_supervisor)
        self.assertNotIn(self.agent_b.user_id, seen_by_supervisor)
        self.assertIn(
            self.agent_b.user_id,
            Report.with_user(self.cs_manager.user_id).search(domain).user_id,
        )

    def test_the_store_dashboard_shows_this_month_and_its_trend(self):
        last_month = (datetime.now().replace(day=1) - timedelta(days=1)).replace(
            day=15, hour=9
        )
        with self._at(last_month):
            self._new_ticket("consultation")
        # this month: the organisation's ticket of store A (an anonymous
        # customer), a complaint and a consultation of another customer
        self._new_ticket("complaint")
        self._new_ticket(
            "consultation",
            partner_id=self.env["res.partner"].create({"name": "Other"}).id,
        )
        self.env.flush_all()
        store = self.store_a
        store.invalidate_recordset()
        self.assertEqual(store.kpi_inquiries, 3)
        self.assertAlmostEqual(store.kpi_complaint_rate, 100 / 3)
        self.assertEqual(
            store.kpi_trend["complaint_rate"], -1, "complaints went up: worse"
        )
        self.assertEqual(store.kpi_trend["inquiries"], 1)
