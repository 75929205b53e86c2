"""The employee's Service growth tab: month by month, under the reader's
rules, a dash where there is no data."""

import re
from datetime import datetime

from .common import CsAppraisalCase


class TestServiceGrowth(CsAppraisalCase):
    def _row(self, html, month):
        row = re.search(rf"<tr>\s*<td>{month}</td>(.*?)</tr>", html, re.S).group(1)
        return [cell.strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]

    def test_months_grade_and_needs(self):
        Need = self.env["cs.training.need"].with_user(self.trainer.user_id)
        with self._at(datetime(2025, 3, 10, 9)):
            first = Need.create({"name": "Courtesy", "employee_id": self.agent_a.id})
            Need.create({"name": "Products", "employee_id": self.agent_a.id})
        with self._at(datetime(2025, 4, 2, 9)):
            form = self._published(self._form(self.agent_a))
            first.action_cancel()
        with self._at(datetime(2025, 4, 20, 9)):
            html = self.agent_a.with_user(self.cs_manager.user_id).cs_service_growth
        self.assertNotIn("2024-10", html)  # six months: November to April
        self.assertIn("2024-11", html)
        # March: no KPI data (dashes), the March form's grade, two needs opened
        march = self._row(html, "2025-03")
        self.assertEqual(march[:4], ["—", "—", "—", "—"])
        self.assertEqual(march[4:], [form.grade_id.name, "2", "0", "0"])
        # April: the need closed
        self.assertEqual(self._row(html, "2025-04")[4:], ["—", "0", "1", "0"])

    def test_only_readers_of_people_see_it(self):
        self.assertFalse(
            self.env["hr.employee"]
            .with_user(self.agent_b.user_id)
            ._fields["cs_service_growth"]
            .is_accessible(self.env(user=self.agent_b.user_id))
        )
