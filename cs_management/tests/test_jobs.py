"""The heavy buttons queue their work as queue jobs (OCA queue_job): the
button answers at once, the job runs as the user who pressed it, in
batches that queue the next one, and a job run again creates nothing
twice. Follow-up plans here; QA sampling in test_qa_sampling."""

from odoo.exceptions import AccessError

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import CsTicketCase
from .jobs import performing_stored_jobs


class TestFollowupPlanJobs(CsTicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        consent = {"cs_consent_scope": "service", "cs_consent_date": "2030-01-01"}
        cls.buyers = cls.env["res.partner"].create(
            [dict(consent, name=f"Serum Buyer {i}", ref="SERUM") for i in range(6)]
        )
        cls.refusing = cls.env["res.partner"].create(
            {"name": "No Calls", "ref": "SERUM"}
        )
        cls.plan = (
            cls.env["cs.followup.plan"]
            .with_user(cls.supervisor_a.user_id)
            .create(
                {
                    "name": "Serum buyers",
                    "partner_domain": "[('ref', '=', 'SERUM')]",
                    "date_start": "2030-03-01",
                    "date_end": "2030-03-03",
                    "user_ids": [(6, 0, (cls.agent_a | cls.presales_a).user_id.ids)],
                }
            )
        )

    def test_the_button_queues_the_work_as_the_user_and_answers_at_once(self):
        with trap_jobs() as trap:
            answer = self.plan.action_generate()
            trap.assert_jobs_count(1, only=self.plan._job_generate)
            self.assertFalse(
                self.plan.followup_ids, "nothing is created in the request"
            )
            self.assertEqual(answer["tag"], "display_notification")
            self.assertEqual(
                trap.enqueued_jobs[0].user_id, self.supervisor_a.user_id.id
            )
            trap.perform_enqueued_jobs()
        self.assertEqual(self.plan.followup_ids.partner_id, self.buyers)
        self.assertEqual(self.plan.state, "running")

    def test_batches_queue_the_next_one_and_a_job_run_again_creates_nothing_twice(self):
        with trap_jobs() as trap:
            self.assertEqual(self.plan._job_generate(batch_size=4), 4)
            trap.assert_jobs_count(1, only=self.plan._job_generate)
            # the next batch's job runs twice (a node died after its commit)
            self.assertEqual(self.plan._job_generate(batch_size=4), 2)
            trap.perform_enqueued_jobs()
            trap.assert_jobs_count(0)  # the last batch queues no other
        self.assertEqual(len(self.plan.followup_ids), 6)
        self.assertEqual(self.plan.followup_ids.partner_id, self.buyers)
        left_out = self.plan.message_ids.filtered(
            lambda m: "1 customers were left out" in (m.body or "")
        )
        self.assertEqual(len(left_out), 2, "each run that ends the work says it")

    def test_the_plan_shows_its_jobs_and_the_same_work_is_queued_once(self):
        with performing_stored_jobs(self.env) as jobs:
            self.plan.action_generate()
            self.plan.action_generate()
            self.assertEqual(jobs.count_created(), 1)
            self.plan.invalidate_recordset(["cs_job_count"])
            self.assertEqual(self.plan.cs_job_count, 1)
            self.assertEqual(jobs.search_created().user_id, self.supervisor_a.user_id)
        self.plan.invalidate_recordset(["cs_job_count"])
        self.assertEqual(self.plan.cs_job_count, 0)
        self.assertEqual(len(self.plan.followup_ids), 6)

    def test_who_may_not_generate_queues_nothing(self):
        with trap_jobs() as trap:
            with self.assertRaises(AccessError):
                self.plan.with_user(self.agent_a.user_id).action_generate()
            trap.assert_jobs_count(0)
