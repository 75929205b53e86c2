"""Opening a period's missing forms and starting its self-assessments run
as queue jobs (OCA queue_job): the button answers at once, the jobs work
in batches as the CS manager who pressed it, and a job run again creates
or starts nothing twice."""

from odoo.exceptions import AccessError

from odoo.addons.cs_management.tests.jobs import performing_jobs
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import CsAppraisalCase


class TestPeriodJobs(CsAppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.february = cls.env["cs.appraisal.period"].create(
            {"kind": "monthly", "date_from": "2031-02-01"}
        )
        cls.expected = cls.february._employees_to_appraise()

    def test_the_forms_open_in_batches_and_a_job_run_again_adds_none(self):
        self.assertGreater(len(self.expected), 2)
        manager_period = self._as(self.cs_manager, self.february)
        with trap_jobs() as trap:
            answer = manager_period.action_open_forms()
            self.assertEqual(answer["tag"], "display_notification")
            trap.assert_jobs_count(1, only=self.february._job_open_forms)
            self.assertEqual(trap.enqueued_jobs[0].user_id, self.cs_manager.user_id.id)
            self.assertFalse(
                self.february.appraisal_ids, "nothing is created in the request"
            )
        with performing_jobs() as trap:
            self.assertEqual(manager_period._job_open_forms(batch_size=2), 2)
            trap.assert_enqueued_job(self.february._job_open_forms, args=(2,))
        self.assertEqual(
            manager_period._job_open_forms(batch_size=2),
            0,
            "a job run again adds nothing",
        )
        self.assertEqual(self.february.appraisal_ids.employee_id, self.expected)

    def test_the_self_assessments_start_in_batches(self):
        with performing_jobs():
            self._as(self.cs_manager, self.february).action_open_forms()
        forms = self.february.appraisal_ids
        with performing_jobs() as trap:
            self._as(self.cs_manager, self.february).action_start_self_assessment()
            trap.assert_jobs_count(1)
        self.assertEqual(set(forms.mapped("state")) - {"review"}, {"self_assessment"})
        with trap_jobs() as trap:
            self.assertEqual(
                self._as(self.cs_manager, self.february)._job_start_self_assessment(), 0
            )
            trap.assert_jobs_count(0)

    def test_who_may_not_press_the_buttons_queues_nothing(self):
        with performing_jobs():
            self._as(self.cs_manager, self.february).action_open_forms()
        with trap_jobs() as trap:
            with self.assertRaises(AccessError):
                self._as(self.supervisor_a, self.february).action_open_forms()
            with self.assertRaises(AccessError):
                self._as(self.agent_a, self.february).action_start_self_assessment()
            trap.assert_jobs_count(0)
