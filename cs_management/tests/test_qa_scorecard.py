"""QA-2: scorecards are configuration the CS managers edit, within rules."""

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common_qa import CsQaCase


class TestQaScorecard(CsQaCase):
    def _card(self, *criteria, **values):
        return self.env["cs.qa.scorecard"].create(
            dict(
                {
                    "name": "Card",
                    "criterion_ids": [
                        Command.create(criterion) for criterion in criteria
                    ],
                },
                **values,
            )
        )

    def test_weights_must_total_100(self):
        with self._refused(ValidationError, "total 90"):
            self._card({"name": "A", "weight": 50}, {"name": "B", "weight": 40})
        card = self._card({"name": "A", "weight": 60}, {"name": "B", "weight": 40})
        with self._refused(ValidationError, "total 110"):
            card.write(
                {
                    "criterion_ids": [
                        Command.update(card.criterion_ids[0].id, {"weight": 70})
                    ]
                }
            )
        with self._refused(ValidationError, "total 60"):
            card.write({"criterion_ids": [Command.unlink(card.criterion_ids[1].id)]})
        # moving weight between criteria in one save is fine
        card.write(
            {
                "criterion_ids": [
                    Command.update(card.criterion_ids[0].id, {"weight": 75}),
                    Command.update(card.criterion_ids[1].id, {"weight": 25}),
                ]
            }
        )
        self.assertEqual(card.weight_total, 100)

    def test_an_incomplete_scorecard_cannot_score(self):
        card = self._card()
        with self._refused(UserError, "no criteria"):
            self._inspect(self.supervisor_a, self.ticket_a, scorecard_id=card.id)

    def test_criterion_scales_and_critical_bars(self):
        with self._refused(ValidationError, "between 1 point"):
            self._card({"name": "A", "weight": 100, "max_points": 6})
        with self._refused(ValidationError, "weight above zero"):
            self._card({"name": "A", "weight": 100}, {"name": "B", "weight": 0})
        with self._refused(ValidationError, "bar between 1 and 3"):
            self._card(
                {
                    "name": "A",
                    "weight": 100,
                    "max_points": 3,
                    "critical": True,
                    "critical_bar": 4,
                }
            )
        with self._refused(ValidationError, "pass mark between 0 and 10"):
            self._card({"name": "A", "weight": 100}, scale=10, pass_mark=12)

    def test_the_shipped_scorecard(self):
        card = self.env.ref("cs_management.qa_scorecard_default")
        self.assertEqual(card.weight_total, 100)
        self.assertEqual((card.scale, card.pass_mark), (100, 80))
        self.assertEqual(
            (card.sample_method, card.sample_count, card.sample_period),
            ("count", 5, "month"),
        )
        forbidden = card.criterion_ids.filtered("critical")
        self.assertEqual(forbidden.prefill, "forbidden")
        self.assertEqual(
            (forbidden.max_points, forbidden.critical_bar),
            (1, 1),
            "yes/no: any breach zeroes",
        )

    def test_scored_criteria_stay_in_history(self):
        self._inspect(self.supervisor_a, self.ticket_a)
        with self._refused(UserError, "archive the scorecard"):
            self.courtesy.unlink()
        with self._refused(UserError, "archive it"):
            self.scorecard.unlink()

    def test_two_scorecards_never_sample_the_same_team(self):
        self.scorecard.write(
            {"sample_active": True, "team_ids": [Command.set(self.team_a.ids)]}
        )
        other = self._card(
            {"name": "A", "weight": 100},
            team_ids=[Command.set((self.team_a | self.team_b).ids)],
        )
        with self._refused(ValidationError, "same teams"):
            other.sample_active = True
        other.team_ids = self.team_b
        other.sample_active = True
        with self._refused(ValidationError, "same teams"):
            self.env.ref("cs_management.qa_scorecard_default").write(
                {"sample_active": True, "team_ids": [Command.set(self.team_b.ids)]}
            )

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_only_cs_managers_configure_scorecards(self):
        for person in (
            self.agent_a,
            self.supervisor_a,
            self.store_manager_a,
            self.trainer,
            self.auditor,
        ):
            card = self.scorecard.with_user(person.user_id)
            self.assertTrue(
                card.criterion_ids.mapped("name"), "everybody reads the scorecard"
            )
            with self.assertRaises(AccessError):
                card.pass_mark = 5
            with self.assertRaises(AccessError):
                card.criterion_ids[0].weight = 50
        self.scorecard.with_user(self.cs_manager.user_id).pass_mark = 7
        self.assertEqual(self.scorecard.pass_mark, 7)

    def test_a_sheet_keeps_its_criteria_in_every_language(self):
        """Opened by a reviewer working in English, the sheet reads in Chinese
        to an agent working in Chinese; renaming the criterion later leaves
        the sheet as it was."""
        courtesy = self.scorecard.criterion_ids[0]
        courtesy.update_field_translations("name", {"zh_TW": "禮貌用語"})
        self.supervisor_a.user_id.lang = "en_US"
        inspection = self._inspect(
            self.supervisor_a, self._new_ticket(kind="consultation")
        )
        line = inspection.line_ids.filtered(lambda line: line.criterion_id == courtesy)
        self.assertEqual(line.with_context(lang="zh_TW").name, "禮貌用語")
        self.assertEqual(line.with_context(lang="en_US").name, "Courtesy")
        # a line added by hand (the form's way) copies it alike
        added = (
            self.env["cs.qa.inspection.line"]
            .with_user(self.supervisor_a.user_id)
            .create(
                {
                    "inspection_id": inspection.id,
                    "criterion_id": courtesy.id,
                    "name": "Courtesy",
                    "max_points": 5,
                }
            )
        )
        self.assertEqual(added.with_context(lang="zh_TW").name, "禮貌用語")
        courtesy.with_context(lang="zh_TW").name = "問候與禮貌"
        self.env.invalidate_all()
        self.assertEqual(line.with_context(lang="zh_TW").name, "禮貌用語")
