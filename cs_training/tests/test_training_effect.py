"""TRN-8: the KPIs of the weeks before and after a session, own and the
course's, from the KPI report."""

from datetime import date

from odoo import Command

from odoo.addons.cs_management.tests.common_qa import CsQaCase

from .common import CsTrainingCase


class TestTrainingEffect(CsTrainingCase, CsQaCase):
    """Test Card scores (percent): points (5, 1, 3) score 100, (2, 1, 3)
    score 76, (0, 1, 3) score 60. A one-day session on 10 March 2025, 4 weeks
    measured: before 10 Feb – 9 Mar, after 11 Mar – 7 Apr."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_ready_to_serve(cls.agent_a | cls.agent_b)
        cls.course.cs_effect_weeks = 4
        cls.session = cls.env["hr.course.schedule"].create(
            {
                "name": "March session",
                "course_id": cls.course.id,
                "start_date": date(2025, 3, 10),
                "end_date": date(2025, 3, 10),
                "cost": 100,
                "authorized_by": cls.cs_manager.id,
                "cs_trainer_id": cls.trainer_user.id,
                "attendant_ids": [Command.set((cls.agent_a | cls.agent_b).ids)],
            }
        )
        cls.session.draft2waiting()
        cls.session.waiting2inprogress()
        cls.mine, cls.theirs = (
            cls.session.course_attendee_ids.filtered(lambda a, e=e: a.employee_id == e)
            for e in (cls.agent_a, cls.agent_b)
        )

    def _inspected(self, employee, reviewer, day, *points):
        inspection = self._inspect(
            reviewer, agent=employee, date=day, remarks="<p>Coached.</p>"
        )
        CsQaCase._score(inspection, *points)
        inspection.with_user(reviewer.user_id).action_publish()

    def test_own_and_course_figures_before_and_after(self):
        a, b = self.agent_a, self.agent_b
        self._inspected(a, self.supervisor_a, "2025-02-20", 2, 1, 3)  # 76, before
        self._inspected(a, self.supervisor_a, "2025-03-03", 0, 1, 3)  # 60, before
        self._inspected(a, self.supervisor_a, "2025-03-10", 0, 1, 3)  # the day: out
        self._inspected(a, self.supervisor_a, "2025-03-20", 5, 1, 3)  # 100, after
        self._inspected(a, self.supervisor_a, "2025-04-07", 2, 1, 3)  # 76, after
        self._inspected(a, self.supervisor_a, "2025-04-08", 0, 1, 3)  # too late
        self._inspected(b, self.store_manager_b, "2025-03-01", 5, 1, 3)  # 100
        self.env.flush_all()
        self.mine.invalidate_recordset()
        self.assertEqual(self.mine.cs_effect_iqs, "68.0 → 88.0 (+20.0)")
        # B has no inspection after: a dash, never a zero
        self.assertEqual(self.theirs.cs_effect_iqs, "100.0 → —")
        # the course: (76 + 60 + 100) / 3 before, (100 + 76) / 2 after
        self.assertEqual(self.mine.cs_course_effect_iqs, "78.7 → 88.0 (+9.3)")
        self.assertEqual(self.course.cs_effect_iqs, "78.7 → 88.0 (+9.3)")
        self.assertEqual(self.mine.cs_effect_resolution, "— → —")
        self.assertTrue(self.mine.cs_effect_final)

    def _queries_for(self, attendees):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        attendees.mapped("cs_effect_iqs")
        return self.env.cr.sql_log_count - before

    def test_the_report_reads_in_grouped_queries_whatever_the_attendees(self):
        self._inspected(self.agent_a, self.supervisor_a, "2025-02-20", 2, 1, 3)
        self.env.flush_all()
        one = self._queries_for(self.mine)
        self.assertEqual(self._queries_for(self.mine | self.theirs), one)
