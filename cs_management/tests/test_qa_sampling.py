"""QA-1: closed tickets are sampled per agent and period, at random but
reproducibly, skipping tickets already inspected, once per period."""

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError

from odoo.addons.queue_job.tests.common import trap_jobs

from .common_qa import CsQaCase
from .jobs import performing_jobs

MARCH = (date(2025, 3, 1), date(2025, 4, 1))


class TestQaSampling(CsQaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.scorecard.write(
            {
                "sample_active": True,
                "sample_count": 2,
                "team_ids": [Command.set((cls.team_a | cls.team_b).ids)],
            }
        )
        cls.march = {
            cls.agent_a: cls._closed_tickets(cls.agent_a, 5),
            cls.presales_a: cls._closed_tickets(cls.presales_a, 3),
            cls.agent_b: cls._closed_tickets(cls.agent_b, 1),
        }
        # outside the period, or not closed
        cls.others = (
            cls._closed_ticket(cls.agent_a, "2025-02-28")
            | cls._closed_ticket(cls.agent_a, "2025-04-01")
            | cls.ticket_a
        )

    @classmethod
    def _closed_tickets(cls, employee, count, month=3):
        tickets = cls.env["helpdesk.ticket"]
        for day in range(1, count + 1):
            tickets |= cls._closed_ticket(
                employee, f"2025-{month:02d}-{day:02d}", name=f"{employee.name} {day}"
            )
        return tickets

    def _sample(self, period=MARCH):
        return self.scorecard._sample(*period)[0]

    def _picked(self, inspections, employee):
        return inspections.filtered(lambda i: i.agent_id == employee.user_id).ticket_id

    def test_each_agent_gets_its_quota_of_the_period(self):
        inspections = self._sample()
        self.assertEqual(len(self._picked(inspections, self.agent_a)), 2)
        self.assertEqual(len(self._picked(inspections, self.presales_a)), 2)
        self.assertEqual(
            len(self._picked(inspections, self.agent_b)),
            1,
            "fewer tickets than the quota: all of them",
        )
        for employee, tickets in self.march.items():
            self.assertLessEqual(self._picked(inspections, employee), tickets)
        self.assertFalse(inspections.ticket_id & self.others)
        self.assertEqual(set(inspections.mapped("kind")), {"sample"})
        self.assertEqual(set(inspections.mapped("state")), {"draft"})
        self.assertEqual(set(inspections.mapped("sample_period_start")), {MARCH[0]})
        self.assertEqual(len(inspections[0].line_ids), 3)
        self.assertEqual(
            set(inspections.mapped(lambda i: (i.scale, i.pass_mark))),
            {(self.scorecard.scale, self.scorecard.pass_mark)},
        )
        # the scoresheets are written in one statement and put in the cache:
        # the cache holds what was stored
        cached = [(i.line_ids.ids, i.line_ids.mapped("weight")) for i in inspections]
        inspections.invalidate_recordset()
        inspections.line_ids.invalidate_recordset()
        self.assertEqual(
            [(i.line_ids.ids, i.line_ids.mapped("weight")) for i in inspections],
            cached,
        )
        inspections.invalidate_recordset()
        inspections.line_ids.invalidate_recordset()
        self.assertEqual(
            set(inspections.line_ids.mapped("normalized")),
            {100.0},
            "no phrase broken: full points",
        )
        self.assertEqual(set(inspections.mapped("score")), {100.0})
        self.assertEqual(set(inspections.line_ids.mapped("note")), {False})
        self.assertEqual(inspections.line_ids.create_uid, self.env.user)
        for inspection in inspections:
            self.assertEqual(
                inspection.date,
                inspection.ticket_id.closed_date.date(),
                "scored in the period served",
            )
        # reviewed by the agent's manager
        self.assertEqual(
            self._reviewers(inspections, self.agent_a), self.supervisor_a.user_id
        )
        self.assertEqual(
            self._reviewers(inspections, self.agent_b), self.store_manager_b.user_id
        )

    def _reviewers(self, inspections, employee):
        return inspections.filtered(
            lambda i: i.agent_id == employee.user_id
        ).reviewer_id

    def test_sampling_again_adds_nothing(self):
        first = self._sample()
        self.assertFalse(self._sample())
        self.assertEqual(
            self.env["cs.qa.inspection"].search_count(
                [("scorecard_id", "=", self.scorecard.id)]
            ),
            len(first),
        )

    def test_the_draw_is_reproducible(self):
        first = self._sample()
        picked = first.ticket_id
        first.unlink()
        self.assertEqual(self._sample().ticket_id, picked, "same data, same draw")
        # another period draws independently: a different seed
        self.assertNotEqual(
            self.scorecard._sample_seed(MARCH[0]),
            self.scorecard._sample_seed(date(2025, 4, 1)),
        )

    def test_tickets_already_inspected_are_skipped(self):
        tickets = self.march[self.agent_a]
        # a supervisor already checked three of the five
        for ticket in tickets[:3]:
            self._inspect(self.supervisor_a, ticket)
        picked = self._picked(self._sample(), self.agent_a)
        self.assertEqual(picked, tickets[3:])

    def test_a_share_of_the_tickets(self):
        self.scorecard.write({"sample_method": "share", "sample_share": 50})
        inspections = self._sample()
        # ceil(5 × 50 %) = 3, ceil(3 × 50 %) = 2, ceil(1 × 50 %) = 1
        self.assertEqual(len(self._picked(inspections, self.agent_a)), 3)
        self.assertEqual(len(self._picked(inspections, self.presales_a)), 2)
        self.assertEqual(len(self._picked(inspections, self.agent_b)), 1)

    def test_a_larger_quota_tops_the_sample_up(self):
        first = self._sample()
        self.scorecard.sample_count = 3
        more = self._sample()
        self.assertEqual(len(self._picked(more, self.agent_a)), 1)
        self.assertEqual(len(self._picked(more, self.presales_a)), 1)
        self.assertFalse(self._picked(more, self.agent_b))
        self.assertFalse(first.ticket_id & more.ticket_id)

    def test_teams_of_other_scorecards_are_left_to_them(self):
        self.scorecard.team_ids = self.team_b
        self.assertEqual(self._sample().agent_id, self.agent_b.user_id)

    def test_the_scheduled_action_samples_the_last_complete_month(self):
        with freeze_time("2025-04-10"):
            with performing_jobs():
                self.scorecard._cron_sample()
            with performing_jobs():
                self.scorecard._cron_sample()
        inspections = self.env["cs.qa.inspection"].search(
            [("scorecard_id", "=", self.scorecard.id)]
        )
        self.assertEqual(len(inspections), 5)
        self.assertEqual(set(inspections.mapped("sample_period_start")), {MARCH[0]})

    def test_the_button_queues_the_sampling_in_batches_and_a_rerun_adds_nothing(self):
        with freeze_time("2025-04-10"), trap_jobs() as trap:
            answer = self.scorecard.with_user(
                self.cs_manager.user_id
            ).action_sample_previous_period()
            self.assertEqual(answer["tag"], "display_notification")
            trap.assert_enqueued_job(self.scorecard._job_sample, args=MARCH)
            self.assertEqual(trap.enqueued_jobs[0].user_id, self.cs_manager.user_id.id)
            self.assertFalse(
                self.scorecard.inspection_count, "nothing is sampled in the request"
            )
        with trap_jobs() as trap:
            self.assertEqual(self.scorecard._job_sample(*MARCH, batch_size=2), 2)
            trap.assert_enqueued_job(self.scorecard._job_sample, args=(*MARCH, 2))
            while trap.enqueued_jobs:
                trap.perform_enqueued_jobs()
        self.assertEqual(
            self.scorecard._job_sample(*MARCH), 0, "a job run again adds nothing"
        )
        self.scorecard.invalidate_recordset(["inspection_count"])
        self.assertEqual(self.scorecard.inspection_count, 5)

    def test_only_a_cs_manager_queues_the_sampling(self):
        with trap_jobs() as trap:
            with self.assertRaises(AccessError):
                self.scorecard.with_user(
                    self.supervisor_a.user_id
                ).action_sample_previous_period()
            trap.assert_jobs_count(0)

    def test_a_weekly_period(self):
        self.scorecard.sample_period = "week"
        self.assertEqual(
            self.scorecard._previous_period(date(2025, 3, 12)),
            (date(2025, 3, 3), date(2025, 3, 10)),
        )
        inspections = self.scorecard._sample(date(2025, 3, 3), date(2025, 3, 10))[0]
        # the week of 3–9 March: 2 of agent A's 3rd–5th, pre-sales A's 3rd
        self.assertLessEqual(
            self._picked(inspections, self.agent_a), self.march[self.agent_a][2:]
        )
        self.assertEqual(len(self._picked(inspections, self.agent_a)), 2)
        self.assertEqual(
            self._picked(inspections, self.presales_a), self.march[self.presales_a][2]
        )
        self.assertEqual(len(inspections), 3)

    def test_the_work_does_not_grow_with_the_ticket_volume(self):
        """Candidates are drawn in SQL: three times the tickets, same queries."""
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        march = self._sample()
        self.env.flush_all()
        march_queries = self.env.cr.sql_log_count - before
        for employee, count in (
            (self.agent_a, 15),
            (self.presales_a, 9),
            (self.agent_b, 1),
        ):
            self._closed_tickets(employee, count, month=5)
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        may = self.scorecard._sample(date(2025, 5, 1), date(2025, 6, 1))[0]
        self.env.flush_all()
        may_queries = self.env.cr.sql_log_count - before
        self.assertEqual(len(may), len(march))
        self.assertLessEqual(may_queries, march_queries + 2)
