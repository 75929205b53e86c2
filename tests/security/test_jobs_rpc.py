"""The buttons that queue jobs, over real XML-RPC: a user who may not press
one is refused and nothing is queued; the job methods themselves cannot be
called from outside."""

import xmlrpc.client

from odoo.tests import get_db_name
from odoo.tools import mute_logger

from odoo.addons.cs_appraisal.tests.common import CsAppraisalCase
from odoo.addons.queue_job.tests.common import JobCounter

from ..common import SuiteHttpCase


class TestQueuedButtonsOverXmlRpc(SuiteHttpCase, CsAppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.env["cs.followup.plan"].create(
            {
                "name": "Night cream buyers",
                "date_start": "2030-03-01",
                "date_end": "2030-03-03",
                "user_ids": [(6, 0, cls.agent_a.user_id.ids)],
            }
        )
        cls.scorecard = cls.env.ref("cs_management.qa_scorecard_default")
        cls.scorecard.sample_active = True
        cls.env["cs.appraisal"].create(
            {"period_id": cls.period.id, "employee_id": cls.agent_a.id}
        )

    def _call(self, employee, model, method, records):
        user = employee.user_id
        return self.xmlrpc_object.execute_kw(
            get_db_name(), user.id, user.login, model, method, [records.ids]
        )

    @mute_logger("odoo.http")
    def test_who_may_not_press_a_button_is_refused_and_nothing_is_queued(self):
        jobs = JobCounter(self.env)
        refused = [
            (self.agent_a, "cs.followup.plan", "action_generate", self.plan),
            (
                self.supervisor_a,
                "cs.qa.scorecard",
                "action_sample_previous_period",
                self.scorecard,
            ),
            (
                self.supervisor_a,
                "cs.appraisal.period",
                "action_open_forms",
                self.period,
            ),
            (
                self.agent_a,
                "cs.appraisal.period",
                "action_start_self_assessment",
                self.period,
            ),
            (self.cs_manager, "cs.appraisal.period", "_job_open_forms", self.period),
            (self.cs_manager, "cs.qa.scorecard", "_job_sample", self.scorecard),
        ]
        for employee, model, method, records in refused:
            with self.subTest(user=employee.name, method=method):
                with self.assertRaises(xmlrpc.client.Fault) as refusal:
                    self._call(employee, model, method, records)
                self.assertRegex(
                    refusal.exception.faultString,
                    r"not allowed|Only (a|the) |Private methods",
                )
        self.assertEqual(jobs.count_created(), 0)

    def test_who_may_press_it_queues_the_job_as_themselves(self):
        jobs = JobCounter(self.env)
        answer = self._call(
            self.cs_manager, "cs.appraisal.period", "action_open_forms", self.period
        )
        self.assertEqual(answer["tag"], "display_notification")
        queued = jobs.search_created()
        self.assertEqual(
            (queued.user_id, queued.cs_res_id, queued.state),
            (self.cs_manager.user_id, self.period.id, "pending"),
        )
        self.period.invalidate_recordset(["cs_job_count"])
        self.assertEqual(self.period.cs_job_count, 1)
