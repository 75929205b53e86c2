"""Issue 15, the measures: a complaint charged to whose service it is about
(not its holder), complaints handled counted apart, no denominator is no
data, the praise rate from customers' commendations, monthly targets and
their gap; each on hand-computed numbers, as the people who act."""

from datetime import datetime, timedelta

from dateutil.relativedelta import MO, relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .common import CsTicketCase

# a Monday three weeks ago
DAY = datetime.now().date() - timedelta(days=21) + relativedelta(weekday=MO(-1))


def at(hour):
    return datetime.combine(DAY, datetime.min.time()).replace(hour=hour)


class TestServiceMeasures(CsTicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.c1, cls.c2, cls.c3, cls.c4, cls.c5 = cls.env["res.partner"].create(
            [{"name": f"Measured Customer {i}"} for i in range(1, 6)]
        )
        cls.staff_cause = cls.env.ref("cs_management.root_cause_attitude")
        cls.staff_cause.cs_about_staff = True
        cls.kinds["commendation"] = cls.env.ref("cs_management.category_commendation")

    def _kpis(self, employee):
        self.env.flush_all()
        return self.env["cs.kpi.report"].get_employee_kpis(employee, DAY, DAY)

    def _build_the_day(self):
        """Agent A serves C1 C2 C4 C5. C1 complains of agent A's answer to
        the supervisor, who links the earlier contact; C3 complains to the
        presales agent of agent A by name (a cause about staff); C5's
        complaint names agent B, but its cause is not about staff and it
        follows no contact: nobody is charged."""
        supervisor = self.supervisor_a.user_id
        with self._at(at(9)):
            served = {
                customer: self._new_ticket("consultation", partner_id=customer.id)
                for customer in (self.c1, self.c2, self.c4, self.c5)
            }
        with self._at(at(11)):
            held = self._new_ticket(
                "complaint",
                partner_id=self.c1.id,
                user_id=supervisor.id,
                user=supervisor,
            )
            named = self._new_ticket(
                "complaint",
                partner_id=self.c3.id,
                user_id=self.presales_a.user_id.id,
                user=self.presales_a.user_id,
                cs_root_cause_id=self.staff_cause.id,
            )
            unnamed = self._new_ticket(
                "complaint",
                partner_id=self.c5.id,
                user_id=self.presales_a.user_id.id,
                user=self.presales_a.user_id,
                cs_root_cause_id=self.root_cause.id,
            )
            held.with_user(supervisor).cs_about_ticket_id = served[self.c1]
            named.with_user(supervisor).cs_staff_user_id = self.agent_a.user_id
            unnamed.with_user(supervisor).cs_staff_user_id = self.agent_b.user_id
        return served, held, named, unnamed

    def test_a_complaint_is_charged_to_the_served_agent_not_the_holder(self):
        _served, held, named, unnamed = self._build_the_day()
        self.assertEqual(held.cs_concerned_user_id, self.agent_a.user_id)
        self.assertEqual(named.cs_concerned_user_id, self.agent_a.user_id)
        self.assertFalse(unnamed.cs_concerned_user_id, "not about staff, no contact")
        agent = self._kpis(self.agent_a)
        # agent A: 4 customers served, 2 complaints about its service
        self.assertEqual(agent["customers_served"], 4)
        self.assertEqual(agent["complaints_charged"], 2)
        self.assertAlmostEqual(agent["agent_complaint_rate"], 50.0)
        self.assertEqual(agent["complaints_handled"], 0)
        self.assertEqual(agent["complaint_rate"], 0.0, "it held no complaint")
        supervisor = self._kpis(self.supervisor_a)
        # the supervisor held C1's complaint: handled, not charged
        self.assertEqual(supervisor["complaints_handled"], 1)
        self.assertEqual(supervisor["complaints_charged"], 0)
        self.assertEqual(supervisor["agent_complaint_rate"], 0.0)
        self.assertAlmostEqual(supervisor["complaint_rate"], 100.0)
        presales = self._kpis(self.presales_a)
        self.assertEqual(
            (presales["complaints_handled"], presales["complaints_charged"]), (2, 0)
        )
        # the store's rate is as it was: 3 complaining of 7 customers served
        # (C1 C2 C4 C5 by A, C1 by the supervisor, C3 C5 by presales)
        self.env.flush_all()
        store = self.env["cs.kpi.report"]._kpis(
            [("store_id", "=", self.store_a.id), ("date", "=", DAY)]
        )
        self.assertEqual(
            (store["complaining_customers"], store["customers_served"]), (3, 7)
        )
        self.assertAlmostEqual(store["complaint_rate"], 300 / 7)

    def test_only_a_supervisor_says_whose_service_and_before_the_solution(self):
        _served, held, _named, _unnamed = self._build_the_day()
        agent = self.agent_a.user_id
        ticket = held.with_user(agent)
        with self.assertRaises(UserError):
            ticket.write({"cs_about_ticket_id": False})
        self.assertEqual(held.cs_concerned_user_id, agent, "nothing written")
        for step in ("verification", "investigation", "solution"):
            self._advance(held, step)
        with self.assertRaises(UserError):
            held.with_user(self.supervisor_a.user_id).write(
                {"cs_staff_user_id": self.presales_a.user_id.id}
            )
        self.assertFalse(held.cs_staff_user_id)

    def test_an_agent_charges_nobody_by_hand_nor_at_creation(self):
        """The holder may not shift a complaint onto a colleague: not by
        naming whose service it is when creating it, over RPC either."""
        served, _held, _named, unnamed = self._build_the_day()
        presales = self.presales_a.user_id
        Ticket = self.env["helpdesk.ticket"]
        before = Ticket.search_count([])
        for values in (
            {"cs_about_ticket_id": served[self.c2].id},
            {"cs_staff_user_id": self.agent_b.user_id.id},
        ):
            with self.subTest(values=values), self.assertRaises(UserError):
                self._new_ticket(
                    "complaint", partner_id=self.c2.id, user=presales, **values
                )
        self.assertEqual(Ticket.search_count([]), before, "nothing created")
        with self.assertRaises(AccessError):
            unnamed.with_user(presales).write(
                {"cs_concerned_user_id": self.agent_b.user_id.id}
            )
        self.assertFalse(unnamed.cs_concerned_user_id, "nothing written")
        self.assertEqual(self._kpis(self.agent_b)["complaints_charged"], 0)

    def test_no_denominator_is_no_data_not_zero(self):
        kpis = self.env["cs.kpi.report"].get_employee_kpis(
            self.agent_a, DAY - timedelta(days=400), DAY - timedelta(days=370)
        )
        for name in ("complaint_rate", "agent_complaint_rate", "praise_rate"):
            self.assertIsNone(kpis[name], name)
        self.assertEqual(kpis["complaints_charged"], 0, "a count is zero")
        rows = self.env["cs.kpi.report"].read_group(
            [("date", "<", DAY - timedelta(days=370))],
            ["agent_complaint_rate", "customers_served"],
            [],
        )
        self.assertIs(rows[0]["agent_complaint_rate"], False, "an empty cell")
        # a store without a customer this month: "—", no arrow
        quiet = self.env["cs.store"].create({"code": "TQ", "name": "Quiet Store"})
        self.assertIn("complaint_rate", quiet.kpi_without_data)
        self.assertNotIn("inquiries", quiet.kpi_without_data, "counts are 0")
        self.assertEqual(quiet.kpi_trend["complaint_rate"], 0)

    def test_the_praise_rate_counts_commendations_not_top_ratings(self):
        served, *_complaints = self._build_the_day()
        supervisor = self.supervisor_a.user_id
        agent = self.agent_a.user_id
        with self._at(at(14)):
            self._rate(served[self.c4], 5)  # a top rating: no commendation
            praise = self._new_ticket("commendation", partner_id=self.c2.id)
            praise.with_user(supervisor).cs_staff_user_id = agent
            # another store's agent may not write the contact: refused
            with self.assertRaises(AccessError):
                praise.with_user(self.agent_b.user_id).action_cs_record_commendation()
            self.assertFalse(praise.cs_commendation_ids, "nothing written")
            self.assertIs(praise.with_user(agent).action_cs_record_commendation(), True)
            with self.assertRaises(UserError):
                praise.with_user(agent).action_cs_record_commendation()
            # the store manager's own commendation is no customer's
            self.env["cs.conduct.record"].with_user(
                self.store_manager_a.user_id
            ).create(
                {
                    "kind": "commendation",
                    "source": "manager",
                    "employee_id": self.agent_a.id,
                    "date": DAY,
                    "note": "Stayed late for the stocktake.",
                }
            )
        record = praise.cs_commendation_ids
        self.assertEqual(
            (record.employee_id, record.source, record.date),
            (self.agent_a, "customer", DAY),
        )
        kpis = self._kpis(self.agent_a)
        # C2 wrote to the same agent the same day: still 4 customers served
        self.assertEqual(kpis["customers_served"], 4)
        self.assertEqual(
            (kpis["commendations"], kpis["customer_commendations"]), (2, 1)
        )
        self.assertAlmostEqual(kpis["praise_rate"], 25.0)

    def test_a_top_rating_with_a_comment_becomes_a_commendation_once(self):
        served, *_complaints = self._build_the_day()
        ticket = served[self.c4]
        with self.assertRaises(UserError):
            ticket.action_cs_record_commendation()  # no comment yet
        self._rate(ticket, 5)
        ticket.rating_ids.sudo().feedback = "謝謝 Agent A, very patient."
        ticket.with_user(self.agent_a.user_id).action_cs_record_commendation()
        self.assertEqual(ticket.cs_commendation_ids.employee_id, self.agent_a)
        self.assertIn("very patient", ticket.cs_commendation_ids.note)


class TestConductRecordAccess(CsTicketCase):
    """Who may record a commendation or a disciplinary record, and who reads
    it: refused over RPC with nothing written."""

    def _values(self, employee, source="qa", kind="disciplinary"):
        return {
            "kind": kind,
            "source": source,
            "employee_id": employee.id,
            "note": "Shouted at a customer.",
        }

    def _count(self):
        return self.env["cs.conduct.record"].sudo().search_count([])

    def test_an_agent_reads_its_own_and_records_nothing(self):
        Record = self.env["cs.conduct.record"]
        own, colleague = Record.create(
            [self._values(self.agent_a), self._values(self.presales_a)]
        )
        agent = self.agent_a.user_id
        self.assertEqual(Record.with_user(agent).search([]), own)
        groups = Record.with_user(agent).read_group([], ["employee_id"], ["kind"])
        self.assertEqual(sum(group["kind_count"] for group in groups), 1)
        with self.assertRaises(AccessError):
            colleague.with_user(agent).read(["note"])
        before = self._count()
        with self.assertRaises(AccessError):
            Record.with_user(agent).create(self._values(self.agent_a, "customer"))
        self.assertEqual(self._count(), before)
        with self.assertRaises(AccessError):
            own.with_user(agent).write({"kind": "commendation"})
        self.assertEqual(own.kind, "disciplinary")
        with self.assertRaises(AccessError):
            own.with_user(agent).unlink()
        self.assertTrue(own.exists())

    def test_a_supervisor_records_its_staff_from_qa_and_customers_only(self):
        Record = self.env["cs.conduct.record"].with_user(self.supervisor_a.user_id)
        record = Record.create(self._values(self.agent_a))
        self.assertEqual(record.store_id, self.store_a)
        before = self._count()
        for values in (
            self._values(self.agent_a, "manager"),
            self._values(self.agent_b),
            self._values(self.supervisor_a, kind="commendation"),
        ):
            with self.subTest(values=values), self.assertRaises(AccessError):
                Record.create(values)
        with self.assertRaises(AccessError):
            Record.create(dict(self._values(self.agent_a), ticket_id=self.ticket_a.id))
        self.assertEqual(self._count(), before)
        with self.assertRaises(AccessError):
            record.write({"source": "manager"})
        self.assertEqual(record.source, "qa", "nothing written")

    def test_other_stores_and_companies_see_nothing(self):
        record = self.env["cs.conduct.record"].create(self._values(self.agent_a))
        for person in (self.store_manager_b, self.agent_b, self.agent_c):
            with self.subTest(person=person.name):
                Record = self.env["cs.conduct.record"].with_user(person.user_id)
                self.assertFalse(Record.search([("id", "=", record.id)]))
        before = self._count()
        with self.assertRaises(AccessError):
            self.env["cs.conduct.record"].with_user(
                self.store_manager_b.user_id
            ).create(self._values(self.agent_a, "manager"))
        self.assertEqual(self._count(), before)
        self.assertEqual(
            self.env["cs.conduct.record"]
            .with_user(self.store_manager_a.user_id)
            .search([("id", "=", record.id)]),
            record,
        )


class TestTargets(CsTicketCase):
    def test_the_dashboard_shows_the_gap_to_this_months_targets(self):
        Target = self.env["cs.target"].with_user(self.store_manager_b.user_id)
        month = fields.Date.context_today(Target)
        Target.create(
            [
                {"store_id": self.store_b.id, "kpi": "inquiries", "value": 4},
                {"store_id": self.store_b.id, "kpi": "sales_amount", "value": 9000},
                # a team's target is not the store's
                {
                    "store_id": self.store_b.id,
                    "team_id": self.team_b.id,
                    "kpi": "inquiries",
                    "value": 2,
                    "month": month,
                },
            ]
        )
        self.env.flush_all()
        # this month store B received one inquiry (ticket_b): 1 - 4 = -3
        lines = {line["kpi"]: line for line in self.store_b.kpi_targets}
        self.assertEqual(
            {
                key: lines["inquiries"][key]
                for key in ("target", "actual", "gap", "met")
            },
            {"target": 4.0, "actual": 1, "gap": -3.0, "met": False},
        )
        self.assertEqual(
            (lines["sales_amount"]["actual"], lines["sales_amount"]["gap"]),
            (0, -9000.0),
            "no sale this month: a count's actual is 0",
        )
        self.assertEqual(len(lines), 2)

    def test_a_target_is_the_first_of_its_month_and_set_by_its_store(self):
        Target = self.env["cs.target"].with_user(self.store_manager_a.user_id)
        target = Target.create(
            {
                "store_id": self.store_a.id,
                "kpi": "agent_complaint_rate",
                "value": 5,
                "month": "2026-03-17",
            }
        )
        self.assertEqual(str(target.month), "2026-03-01")
        before = self.env["cs.target"].sudo().search_count([])
        for user, store in (
            (self.store_manager_a.user_id, self.store_b),
            (self.agent_a.user_id, self.store_a),
            (self.supervisor_a.user_id, self.store_a),
        ):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["cs.target"].with_user(user).create(
                    {"store_id": store.id, "kpi": "inquiries", "value": 1}
                )
        self.assertEqual(self.env["cs.target"].sudo().search_count([]), before)
        with self.assertRaises(AccessError):
            target.with_user(self.agent_a.user_id).write({"value": 50})
        with self.assertRaises(AccessError):
            target.with_user(self.store_manager_a.user_id).write(
                {"store_id": self.store_b.id}
            )
        self.assertEqual((target.value, target.store_id), (5, self.store_a))
        self.assertEqual(
            self.env["cs.target"].with_user(self.agent_c.user_id).search([]),
            self.env["cs.target"],
            "another company's agent sees no target",
        )
