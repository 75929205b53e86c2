"""QA-3: a draft inspection is its reviewer's to score, then it is frozen;
the form shows editable exactly what the save accepts, at every step and
for everyone who reads the inspection."""

from odoo.tools import mute_logger

from .common_qa import CsQaCase
from .view_rights import ViewMatchesWrite


class TestQaEditRights(CsQaCase, ViewMatchesWrite):
    def setUp(self):
        super().setUp()
        self.enterContext(
            mute_logger(
                "odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model"
            )
        )

    def _check(self, inspection):
        users = (
            self.supervisor_a
            | self.presales_a
            | self.agent_a
            | self.store_manager_a
            | self.cs_manager
            | self.auditor
            | self.trainer
            | self.store_manager_b
        ).user_id
        line = inspection.line_ids[:1]
        values = {
            name: inspection._fields[name].convert_to_write(
                inspection[name], inspection
            )
            for name in (
                "kind",
                "ticket_id",
                "agent_id",
                "reviewer_id",
                "date",
                "scorecard_id",
            )
        }
        values.update(remarks="<p>Checked</p>", line_ids=[])
        return self._assert_view_matches_write(
            inspection,
            users,
            values,
            line=line,
            line_values={"points": line.points, "note": "Checked"},
        )

    def test_the_form_shows_editable_what_the_save_accepts(self):
        inspection = self._inspect(self.supervisor_a, self.ticket_a)
        checked = self._check(inspection)
        inspection.with_user(self.supervisor_a.user_id).action_publish()
        checked += self._check(inspection)
        inspection.with_user(self.presales_a.user_id).action_acknowledge()
        self.assertEqual(inspection.state, "acknowledged")
        checked += self._check(inspection)
        self.assertGreater(
            checked,
            3 * 3 * 9,
            "the reviewer, the agent and managers were checked at each step",
        )
