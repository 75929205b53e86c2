"""QA-2, QA-3: an inspection is scored by a reviewer in its scope,
published to the agent and acknowledged by the agent; who may do what,
tried as each user. Denials are AccessErrors."""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common_qa import CsQaCase


class TestQaWorkflow(CsQaCase):
    def setUp(self):
        super().setUp()
        # denials are expected here: keep their warnings out of the log
        muted = mute_logger(
            "odoo.models", "odoo.addons.base.models.ir_rule", "odoo.models.unlink"
        )
        muted.__enter__()
        self.addCleanup(muted.__exit__, None, None, None)

    def _published(self, reviewer=None, ticket=None, points=(4, 1, 2)):
        inspection = self._inspect(
            reviewer or self.supervisor_a, ticket or self.ticket_a
        )
        self._score(inspection, *points)
        inspection.remarks = "<p>Greet the customer by name.</p>"
        inspection.with_user((reviewer or self.supervisor_a).user_id).action_publish()
        return inspection

    def test_publishing_tells_the_agent_and_asks_for_acknowledgement(self):
        inspection = self._published()
        agent = self.presales_a.user_id
        self.assertEqual(inspection.state, "published")
        self.assertTrue(inspection.published_date)
        self.assertIn(agent.partner_id, inspection.message_partner_ids)
        notice = inspection.message_ids.filtered(
            lambda m: agent.partner_id in m.partner_ids
        )
        self.assertIn("8.2 out of 10", notice.body)
        activity = inspection.activity_ids
        self.assertEqual(activity.user_id, agent)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("cs_management.mail_activity_qa_acknowledge"),
        )

    def test_the_agent_reads_and_acknowledges_its_result(self):
        inspection = self._published()
        mine = inspection.with_user(self.presales_a.user_id)
        self.assertEqual(mine.line_ids.mapped("points"), [4, 1, 2])
        mine.message_post(body="<p>Understood, thank you.</p>", message_type="comment")
        mine.action_acknowledge()
        self.assertEqual(inspection.state, "acknowledged")
        self.assertTrue(inspection.acknowledged_date)
        self.assertFalse(
            inspection.activity_ids, "the acknowledgement activity is done"
        )

    def test_only_the_agent_acknowledges(self):
        inspection = self._published()
        for person in (self.supervisor_a, self.cs_manager, self.agent_a, self.auditor):
            with self.assertRaises(AccessError):
                inspection.with_user(person.user_id).action_acknowledge()
        self.assertEqual(inspection.state, "published")

    def test_agents_see_only_their_published_results_and_change_nothing(self):
        draft = self._inspect(self.supervisor_a, self.ticket_a)
        Inspection = self.env["cs.qa.inspection"].with_user(self.presales_a.user_id)
        self.assertFalse(Inspection.search([]), "a draft is the reviewer's")
        with self.assertRaises(AccessError):
            draft.with_user(self.presales_a.user_id).read(["score"])
        published = self._published()
        self.assertEqual(Inspection.search([]), published)
        self.assertFalse(
            self.env["cs.qa.inspection"].with_user(self.agent_a.user_id).search([]),
            "not a colleague's",
        )
        mine = published.with_user(self.presales_a.user_id)
        with self.assertRaises(AccessError):
            mine.remarks = "<p>All good</p>"
        with self.assertRaises(AccessError):
            mine.line_ids[0].points = 5
        with self.assertRaises(AccessError):
            mine.action_reset_draft()
        with self.assertRaises(AccessError):
            Inspection.create(
                {"scorecard_id": self.scorecard.id, "agent_id": self.agent_a.user_id.id}
            )

    def test_a_published_result_is_frozen_until_a_cs_manager_reopens_it(self):
        inspection = self._published()
        by_reviewer = inspection.with_user(self.supervisor_a.user_id)
        with self._refused(UserError, "can no longer change"):
            by_reviewer.line_ids[0].points = 5
        with self._refused(UserError, "can no longer change"):
            by_reviewer.remarks = "<p>Rewritten</p>"
        with self._refused(UserError, "can no longer change"):
            by_reviewer.unlink()
        with self.assertRaises(AccessError):
            by_reviewer.action_reset_draft()
        inspection.with_user(self.cs_manager.user_id).action_reset_draft()
        self.assertEqual(inspection.state, "draft")
        self.assertFalse(inspection.activity_ids)
        by_reviewer.line_ids[0].points = 5
        by_reviewer.action_publish()
        self.assertAlmostEqual(inspection.score, 90.0, places=2)

    def test_a_failed_inspection_needs_coaching_remarks(self):
        inspection = self._inspect(self.supervisor_a, self.ticket_a)
        self._score(inspection, 5, 1, 0)
        with self._refused(UserError, "write coaching remarks"):
            inspection.action_publish()
        inspection.remarks = (
            "<p>Never tell a customer the problem cannot be solved.</p>"
        )
        inspection.action_publish()
        self.assertEqual(inspection.state, "published")
        self.assertFalse(inspection.passed)

    def test_a_supervisor_inspects_its_subordinates_only(self):
        supervisor = self.supervisor_a.user_id
        self._inspect(self.supervisor_a, self.ticket_a)
        with self.assertRaises(AccessError):
            self._inspect(self.supervisor_a, self.ticket_b)
        other_store = self._inspect(self.store_manager_b, self.ticket_b)
        with self.assertRaises(AccessError):
            other_store.with_user(supervisor).read(["score"])
        with self.assertRaises(AccessError):
            other_store.with_user(supervisor).action_publish()
        with self._refused(ValidationError, "own work"):
            self._inspect(self.store_manager_a, agent=self.store_manager_a)
        with self._refused(ValidationError, "not a QA reviewer"):
            self._inspect(
                self.supervisor_a, self.ticket_a, reviewer_id=self.agent_a.user_id.id
            )

    def test_spot_checks_belong_to_store_managers(self):
        with self.assertRaises(AccessError):
            self._inspect(self.supervisor_a, self.ticket_a, kind="store_manager")
        spot_check = self._inspect(
            self.store_manager_a, agent=self.agent_a, kind="store_manager"
        )
        self.assertEqual(
            spot_check.store_id, self.store_a, "a live check: the agent's store"
        )
        self.assertEqual(spot_check.team_id, self.team_a)
        with self.assertRaises(AccessError):
            self._inspect(
                self.store_manager_a, agent=self.agent_b, kind="store_manager"
            )
        # the supervisor reads the spot checks of its staff, but does not change them
        mine = spot_check.with_user(self.supervisor_a.user_id)
        self.assertEqual(mine.score, 100)
        with self.assertRaises(AccessError):
            mine.remarks = "<p>Changed</p>"
        self._inspect(self.cs_manager, self.ticket_b, kind="store_manager")

    def test_auditors_read_everything_and_change_nothing(self):
        draft = self._inspect(self.store_manager_b, self.ticket_b)
        published = self._published()
        auditor = self.auditor.user_id
        Inspection = self.env["cs.qa.inspection"].with_user(auditor)
        self.assertEqual(
            Inspection.search([("id", "in", (draft | published).ids)]),
            draft | published,
        )
        self.assertTrue(published.with_user(auditor).line_ids.mapped("points"))
        self.assertTrue(published.ticket_id.with_user(auditor).name)
        with self.assertRaises(AccessError):
            draft.with_user(auditor).remarks = "<p>Noted</p>"
        with self.assertRaises(AccessError):
            draft.with_user(auditor).line_ids[0].points = 0
        with self.assertRaises(AccessError):
            draft.with_user(auditor).action_publish()
        with self.assertRaises(AccessError):
            draft.with_user(auditor).unlink()
        with self.assertRaises(AccessError):
            Inspection.create(
                {"scorecard_id": self.scorecard.id, "agent_id": self.agent_a.user_id.id}
            )
        with self.assertRaises(AccessError):
            published.ticket_id.with_user(auditor).name = "Audited"

    def test_trainers_read_published_results_for_training_needs(self):
        draft = self._inspect(self.store_manager_b, self.ticket_b)
        published = self._published()
        Inspection = self.env["cs.qa.inspection"].with_user(self.trainer.user_id)
        self.assertEqual(
            Inspection.search([("id", "in", (draft | published).ids)]), published
        )

    def test_the_ticket_counts_its_inspections(self):
        inspection = self._published()
        ticket = self.ticket_a.with_user(self.supervisor_a.user_id)
        self.assertEqual(ticket.cs_qa_inspection_count, 1)
        action = ticket.action_cs_qa_inspections()
        self.assertEqual(
            self.env["cs.qa.inspection"].search(action["domain"]), inspection
        )

    def test_an_inspection_stays_within_the_reviewers_reach(self):
        ticket = self._closed_ticket(self.agent_a, "2025-03-03", name="Mine to inspect")
        other = self._closed_ticket(self.agent_b, "2025-03-03", name="Store B's")
        inspection = self._inspect(self.supervisor_a, ticket)
        for values in (
            {"ticket_id": other.id},
            {"ticket_id": other.id, "agent_id": self.agent_b.user_id.id},
        ):
            with self.subTest(values=values), self.assertRaises(AccessError):
                inspection.write(values)
            self.assertEqual(
                (inspection.ticket_id, inspection.agent_id),
                (ticket, self.agent_a.user_id),
            )
        with self.assertRaises(AccessError):
            self._inspect(self.supervisor_a, other)
        self.assertFalse(
            self.env["cs.qa.inspection"].search([("ticket_id", "=", other.id)])
        )

    def test_a_reviewer_cannot_turn_an_inspection_on_someone_else(self):
        ticket = self._closed_ticket(
            self.agent_a, "2025-03-03", name="Sampled for review"
        )
        # sampled: reviewed by store B's manager, who leads nobody in store A
        inspection = self.env["cs.qa.inspection"].create(
            {
                "scorecard_id": self.scorecard.id,
                "kind": "sample",
                "ticket_id": ticket.id,
                "reviewer_id": self.store_manager_b.user_id.id,
            }
        )
        by_reviewer = inspection.with_user(self.store_manager_b.user_id)
        by_reviewer.remarks = "<p>Scored as sampled.</p>"
        for stranger in (self.presales_a, self.supervisor_a, self.store_manager_a):
            with (
                self.subTest(agent=stranger.name),
                self.assertRaisesRegex(AccessError, "nor someone you lead"),
            ):
                with self.env.cr.savepoint():
                    by_reviewer.write({"agent_id": stranger.user_id.id})
            inspection.invalidate_recordset()
            self.assertEqual(inspection.agent_id, self.agent_a.user_id)
        # a live check (no ticket) is on someone the writer leads
        live = self._inspect(self.supervisor_a, agent=self.agent_a)
        self.assertEqual(live.agent_id, self.agent_a.user_id)

    def test_the_result_and_its_steps_are_recorded_by_the_workflow_only(self):
        inspection = self._inspect(self.supervisor_a, self.ticket_a)
        self._score(inspection, 1, 0, 1)
        crafted = {
            "state": "acknowledged",
            "published_date": "2025-03-05 10:00:00",
            "acknowledged_date": "2025-03-05 10:00:00",
            "pass_mark": 0,
            "scale": 1000,
            "raw_score": 100,
            "critical_failed": False,
            "score": 100,
            "score_on_scale": 10,
            "passed": True,
        }
        for user in (self.supervisor_a.user_id, self.cs_manager.user_id):
            for name, value in crafted.items():
                with (
                    self.subTest(user=user.login, field=name),
                    self.assertRaises(AccessError),
                ):
                    inspection.with_user(user).write({name: value})
        with self.assertRaises(AccessError):
            self._inspect(self.supervisor_a, self.ticket_a, score=100, passed=True)
        # the scale and pass mark come from the scorecard, not the caller
        for rule in ({"scale": 1000}, {"pass_mark": 0}):
            with self.subTest(rule=rule), self.assertRaises(AccessError):
                self._inspect(self.supervisor_a, self.ticket_a, **rule)
        inspection.invalidate_recordset()
        self.assertEqual((inspection.state, inspection.passed), ("draft", False))
        self.assertEqual((inspection.scale, inspection.pass_mark), (10, 8))
        self.assertLess(inspection.score, 100)
        # the workflow still records them
        inspection.remarks = "<p>Greet the customer by name.</p>"
        inspection.action_publish()
        self.assertEqual(inspection.state, "published")
        inspection.with_user(inspection.agent_id).action_acknowledge()
        self.assertEqual(inspection.state, "acknowledged")
