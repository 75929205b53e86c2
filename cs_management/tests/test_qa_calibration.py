"""Calibration: reviewers score the same tickets blind, the QA lead sees
their spread per criterion and per reviewer; the scores never count for
the agent (kept out of the IQS through ``_iqs_domain``)."""

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common_qa import CsQaCase


class TestQaCalibration(CsQaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket_1 = cls._closed_ticket(
            cls.agent_a, "2025-03-03", name="Calibration one"
        )
        cls.ticket_2 = cls._closed_ticket(
            cls.agent_b, "2025-03-04", name="Calibration two"
        )
        cls.reviewers = cls.supervisor_a | cls.store_manager_a | cls.store_manager_b

    def _session(self, **values):
        vals = {
            "name": "March calibration",
            "scorecard_id": self.scorecard.id,
            "ticket_ids": [Command.set((self.ticket_1 | self.ticket_2).ids)],
            "reviewer_ids": [Command.set(self.reviewers.user_id.ids)],
        }
        vals.update(values)
        return (
            self.env["cs.qa.calibration"]
            .with_user(self.cs_manager.user_id)
            .create(vals)
        )

    def _sheet(self, session, reviewer, ticket):
        return session.inspection_ids.filtered(
            lambda i: i.reviewer_id == reviewer.user_id and i.ticket_id == ticket
        ).with_user(reviewer.user_id)

    def _score_and_submit(self, session, reviewer, ticket, *points):
        sheet = self._sheet(session, reviewer, ticket)
        self._score(sheet, *points)
        sheet.action_submit()
        return sheet

    def test_starting_gives_every_reviewer_a_blind_sheet_per_ticket(self):
        session = self._session()
        session.action_start()
        self.assertEqual(session.state, "open")
        self.assertEqual(len(session.inspection_ids), 6)
        self.assertEqual(set(session.inspection_ids.mapped("kind")), {"calibration"})
        sheet = self._sheet(session, self.supervisor_a, self.ticket_2)
        self.assertEqual(sheet.agent_id, self.agent_b.user_id)
        self.assertEqual(sheet.activity_ids.user_id, self.supervisor_a.user_id)
        # the reviewer reads the other store's ticket it scores, and only its own sheets
        self.assertEqual(sheet.ticket_id.name, "Calibration two")
        with mute_logger("odoo.addons.base.models.ir_rule"):
            with self.assertRaises(AccessError):
                self.ticket_2.with_user(self.supervisor_a.user_id).name = "Renamed"
            own = (
                self.env["cs.qa.inspection"]
                .with_user(self.supervisor_a.user_id)
                .search([("calibration_id", "=", session.id)])
            )
            self.assertEqual(own.reviewer_id, self.supervisor_a.user_id)
            self.assertEqual(len(own), 2)
            with self.assertRaises(AccessError):
                self._sheet(session, self.store_manager_b, self.ticket_1).with_user(
                    self.supervisor_a.user_id
                ).read(["score"])
            with self.assertRaises(AccessError):
                sheet.with_user(self.agent_b.user_id).read(["score"])
        with self._refused(UserError, "submit them to the session"):
            sheet.action_publish()

    def test_the_spread_per_criterion_and_per_reviewer(self):
        session = self._session()
        session.action_start()
        # ticket 1: 100, 82 (32 + 30 + 20) and 74 (24 + 30 + 20)
        a = self._score_and_submit(session, self.supervisor_a, self.ticket_1, 5, 1, 3)
        b = self._score_and_submit(
            session, self.store_manager_a, self.ticket_1, 4, 1, 2
        )
        c = self._score_and_submit(
            session, self.store_manager_b, self.ticket_1, 3, 1, 2
        )
        self.assertEqual([a.score, b.score, c.score], [100, 82, 74])
        lead = self.cs_manager.user_id
        a, b, c = (sheet.with_user(lead) for sheet in (a, b, c))
        self.assertAlmostEqual(a.consensus_score, 256 / 3, places=2)
        self.assertAlmostEqual(a.deviation, 100 - 256 / 3, places=2)
        self.assertAlmostEqual(c.deviation, 74 - 256 / 3, places=2)
        self.assertAlmostEqual(
            a.abs_deviation + b.abs_deviation + c.abs_deviation,
            2 * (100 - 256 / 3),
            places=2,
        )
        # per criterion: courtesy 100 %, 80 %, 60 % around 80 %; resolution all agree
        courtesy = (a | b | c).line_ids.filtered(
            lambda line: line.criterion_id == self.courtesy
        )
        self.assertEqual(sorted(courtesy.mapped("deviation")), [-20, 0, 20])
        resolution = (a | b | c).line_ids.filtered(
            lambda line: line.criterion_id == self.resolution
        )
        self.assertEqual(resolution.mapped("abs_deviation"), [0, 0, 0])
        Line = self.env["cs.qa.inspection.line"].with_user(lead)
        spread = dict(
            Line._read_group(
                session.action_view_spread_by_criterion()["domain"],
                ["criterion_id"],
                ["abs_deviation:avg"],
            )
        )
        self.assertAlmostEqual(spread[self.courtesy], 40 / 3, places=2)
        self.assertEqual(spread[self.resolution], 0)
        by_reviewer = dict(
            self.env["cs.qa.inspection"]
            .with_user(lead)
            ._read_group(
                session.action_view_spread_by_reviewer()["domain"],
                ["reviewer_id"],
                ["deviation:avg"],
            )
        )
        self.assertGreater(
            by_reviewer[self.supervisor_a.user_id], 0, "the most lenient"
        )
        self.assertLess(by_reviewer[self.store_manager_b.user_id], 0, "the strictest")
        # closing waits for every sheet
        with self._refused(UserError, "have not submitted"):
            session.with_user(lead).action_close()
        for reviewer in self.reviewers:
            self._score_and_submit(session, reviewer, self.ticket_2, 5, 1, 3)
        session.with_user(lead).action_close()
        self.assertEqual(session.state, "done")
        self.assertAlmostEqual(session.spread, 2 * (100 - 256 / 3) / 6, places=2)
        with self._refused(UserError, "closed"):
            a.action_reset_draft()

    def test_only_the_qa_lead_sees_how_far_reviewers_are(self):
        session = self._session()
        session.action_start()
        sheet = self._score_and_submit(
            session, self.supervisor_a, self.ticket_1, 5, 1, 3
        )
        with self.assertRaises(AccessError):
            sheet.read(["deviation"])
        self.assertTrue(
            self.env["cs.qa.inspection"]
            .with_user(self.auditor.user_id)
            .browse(sheet.id)
            .read(["deviation"])
        )
        # nor the session's spread, read or said in its chatter when it closes
        reviewer_view = session.with_user(self.supervisor_a.user_id)
        with self.assertRaises(AccessError):
            reviewer_view.read(["spread"])
        for reviewer in self.reviewers - self.supervisor_a:
            self._score_and_submit(session, reviewer, self.ticket_1, 2, 0, 1)
        for reviewer in self.reviewers:
            self._score_and_submit(session, reviewer, self.ticket_2, 5, 1, 3)
        session.action_close()
        said = " ".join(reviewer_view.message_ids.mapped("body"))
        self.assertNotIn(str(round(session.spread, 1)), said)
        self.assertIn("Session closed", said)

    def test_calibration_scores_do_not_count_for_the_agent(self):
        check = self._inspect(self.supervisor_a, self.ticket_1)
        self._score(check, 4, 1, 2)
        check.action_publish()
        session = self._session(ticket_ids=[Command.set(self.ticket_1.ids)])
        session.action_start()
        for reviewer in self.reviewers:
            self._score_and_submit(session, reviewer, self.ticket_1, 0, 0, 3)
        Inspection = self.env["cs.qa.inspection"]
        counted = Inspection.search(
            Inspection._iqs_domain() + [("agent_id", "=", self.agent_a.user_id.id)]
        )
        self.assertEqual(counted, check)
        [(iqs,)] = Inspection._read_group(
            Inspection._iqs_domain() + [("agent_id", "=", self.agent_a.user_id.id)],
            [],
            ["score:avg"],
        )
        self.assertAlmostEqual(iqs, 82.0, places=2)
        # submitted calibration sheets never count, whatever their state
        self.assertTrue(check.counts_in_iqs)
        self.assertFalse(session.inspection_ids.filtered("counts_in_iqs"))
        # the calibration sheets stay on the ticket beside the check
        self.assertEqual(
            self.ticket_1.cs_qa_inspection_ids - check, session.inspection_ids
        )

    def test_a_session_needs_reviewers_tickets_and_assignees(self):
        with self._refused(UserError, "at least two reviewers"):
            self._session(
                reviewer_ids=[Command.set(self.supervisor_a.user_id.ids)]
            ).action_start()
        with self._refused(ValidationError, "cannot review"):
            self._session(
                reviewer_ids=[
                    Command.set((self.supervisor_a | self.agent_a).user_id.ids)
                ]
            )
        unassigned = self._closed_ticket(self.agent_a, "2025-03-05")
        unassigned.user_id = False
        with self._refused(UserError, "no assignee"):
            self._session(ticket_ids=[Command.set(unassigned.ids)]).action_start()
        with mute_logger("odoo.models", "odoo.addons.base.models.ir_rule"):
            with self.assertRaises(AccessError):
                self.env["cs.qa.calibration"].with_user(
                    self.supervisor_a.user_id
                ).create({"name": "Mine", "scorecard_id": self.scorecard.id})
            with self.assertRaises(AccessError):
                self._inspect(self.supervisor_a, self.ticket_a, kind="calibration")
