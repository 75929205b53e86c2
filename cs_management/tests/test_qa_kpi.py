"""KPI-5: the QA average (IQS) and accuracy rate count the published and
acknowledged inspections of the agent, never calibration or drafts."""

from .common_qa import CsQaCase


class TestQaKpis(CsQaCase):
    def _published(self, points, date, **values):
        ticket = self._closed_ticket(self.agent_a, date)
        inspection = self._inspect(self.supervisor_a, ticket, date=date, **values)
        self._score(inspection, *points)
        inspection.remarks = "<p>Keep greeting first.</p>"
        inspection.with_user(self.supervisor_a.user_id).action_publish()
        return inspection

    def test_qa_average_and_accuracy_of_counted_inspections(self):
        day = "2030-03-04"
        self._published((5, 1, 3), day)  # 40 + 30 + 30 = 100, passed
        self._published((2, 1, 2), day)  # 16 + 30 + 20 = 66, failed
        draft = self._inspect(
            self.supervisor_a, self._closed_ticket(self.agent_a, day), date=day
        )
        self._score(draft, 5, 1, 3)
        self.env.flush_all()
        kpi = self.env["cs.kpi.report"].get_employee_kpis(self.agent_a, day, day)
        self.assertEqual(kpi["qa_inspections"], 2, "the draft does not count")
        self.assertAlmostEqual(kpi["qa_average"], 83.0)
        self.assertAlmostEqual(kpi["qa_accuracy_rate"], 50.0)
