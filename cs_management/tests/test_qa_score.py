"""QA-2: the score formula, the critical-criterion rule, pass/fail, and the
phrase-rule violations that pre-fill the criteria."""

from odoo import Command
from odoo.tests import Form

from .common_qa import CsQaCase


class TestQaScore(CsQaCase):
    def test_score_formula_on_known_numbers(self):
        inspection = self._inspect(self.supervisor_a, self.ticket_a)
        self.assertEqual(
            inspection.agent_id,
            self.presales_a.user_id,
            "the ticket's assignee is inspected",
        )
        self.assertEqual(len(inspection.line_ids), 3)
        self.assertEqual(inspection.score, 100, "criteria start at full points")
        # 40 × 4/5 + 30 × 1/1 + 30 × 2/3 = 32 + 30 + 20
        self._score(inspection, 4, 1, 2)
        self.assertAlmostEqual(inspection.score, 82.0, places=2)
        self.assertAlmostEqual(inspection.score_on_scale, 8.2, places=2)
        self.assertFalse(inspection.critical_failed)
        self.assertTrue(inspection.passed)
        # 40 × 3/5 + 30 × 0 + 30 × 3/3 = 24 + 0 + 30
        self._score(inspection, 3, 0, 3)
        self.assertAlmostEqual(inspection.score, 54.0, places=2)
        self.assertFalse(inspection.passed)

    def test_a_critical_criterion_below_its_bar_zeroes_the_inspection(self):
        inspection = self._inspect(self.supervisor_a, self.ticket_a)
        self._score(inspection, 5, 1, 1)
        self.assertTrue(inspection.critical_failed)
        self.assertAlmostEqual(
            inspection.raw_score, 80.0, places=2, msg="40 + 30 + 30 × 1/3"
        )
        self.assertEqual(inspection.score, 0)
        self.assertEqual(inspection.score_on_scale, 0)
        self.assertFalse(inspection.passed)
        self._score(inspection, 5, 1, 2)
        self.assertFalse(inspection.critical_failed, "at the bar is enough")
        self.assertAlmostEqual(inspection.score, 90.0, places=2)

    def test_the_pass_mark_itself_passes(self):
        self.scorecard.pass_mark = 8.2
        inspection = self._inspect(self.supervisor_a, self.ticket_a)
        self._score(inspection, 4, 1, 2)
        self.assertTrue(inspection.passed)
        self._score(inspection, 3, 1, 3)
        self.assertAlmostEqual(inspection.score_on_scale, 8.4, places=2)
        self._score(inspection, 2, 1, 3)
        self.assertFalse(inspection.passed, "7.6 is below 8.2")

    def test_an_inspection_keeps_the_rules_it_was_scored_with(self):
        inspection = self._inspect(self.supervisor_a, self.ticket_a)
        self._score(inspection, 4, 1, 2)
        self.scorecard.write(
            {
                "pass_mark": 9,
                "criterion_ids": [
                    Command.update(self.courtesy.id, {"weight": 20, "max_points": 3}),
                    Command.update(self.resolution.id, {"weight": 50}),
                ],
            }
        )
        self.assertAlmostEqual(inspection.score, 82.0, places=2)
        self.assertEqual(inspection.pass_mark, 8)
        self.assertTrue(inspection.passed)
        fresh = self._inspect(self.supervisor_a, self.ticket_a)
        self.assertEqual(fresh.pass_mark, 9)
        self.assertEqual(
            fresh.line_ids.sorted("sequence").mapped("weight"), [20, 50, 30]
        )

    def test_phrase_violations_prefill_their_criteria(self):
        flagging = self.env["cs.phrase.rule"].create(
            {
                "name": "No slang",
                "rule_type": "forbidden",
                "phrases": "whatever",
                "action": "flag",
            }
        )
        ticket = self._new_ticket(kind="consultation")
        # no greeting, and a flagged forbidden phrase: both recorded against the agent
        ticket.with_user(self.agent_a.user_id).message_post(
            body="<p>Whatever, the refund is on its way. Thank you</p>",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.assertEqual(
            set(ticket.cs_phrase_violation_ids.mapped("rule_type")),
            {"forbidden", "greeting"},
        )
        inspection = self._inspect(self.supervisor_a, ticket)
        courtesy, resolution, forbidden = inspection.line_ids.sorted("sequence")
        self.assertEqual(courtesy.points, 0)
        self.assertEqual(resolution.points, 1, "no rule behind it: full points")
        self.assertEqual(forbidden.points, 0)
        self.assertIn("whatever", forbidden.note)
        self.assertEqual(
            inspection.phrase_violation_ids, ticket.cs_phrase_violation_ids
        )
        self.assertTrue(inspection.critical_failed, "the forbidden phrase is critical")
        self.assertEqual(inspection.score, 0)
        # another agent's slip on the same ticket does not count against this one
        other = self._inspect(self.store_manager_a, ticket, agent=self.supervisor_a)
        self.assertEqual(other.line_ids.mapped("points"), [5, 1, 3])
        self.assertTrue(flagging.violation_count)

    def test_the_form_fills_the_criteria_from_the_ticket(self):
        ticket = self._new_ticket(kind="consultation")
        ticket.with_user(self.agent_a.user_id).message_post(
            body="<p>The refund is on its way. Thank you</p>",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        form = Form(self.env["cs.qa.inspection"].with_user(self.supervisor_a.user_id))
        form.scorecard_id = self.scorecard
        form.ticket_id = ticket
        self.assertEqual(form.agent_id, self.agent_a.user_id)
        self.assertEqual(len(form.line_ids), 3)
        with form.line_ids.edit(1) as line:
            line.points = 0
        inspection = form.save()
        self.assertEqual(
            inspection.line_ids.sorted("sequence").mapped("points"), [0, 0, 3]
        )
        self.assertEqual(
            inspection.line_ids.mapped("weight"),
            [40, 30, 30],
            "the copied rules are saved",
        )
        self.assertAlmostEqual(inspection.score, 30.0, places=2)
        self.assertEqual(inspection.store_id, self.store_a)
        self.assertEqual(inspection.team_id, self.team_a)
