"""The one weighted-score formula the QA inspection, the training assessment
and the appraisal share (cs.weighted.score.mixin), on known numbers; each
workflow's own tests check how it uses it."""

from odoo.tests import TransactionCase

from odoo.addons.cs_management.models.cs_weighted_score import weighted_mean


class TestWeightedScore(TransactionCase):
    def test_weighted_mean_on_known_numbers(self):
        # (1 × 80 + 3 × 40) / 4
        self.assertEqual(weighted_mean([(1, 80), (3, 40)]), 50.0)
        self.assertEqual(
            weighted_mean([(1, 80), (3, None)]),
            80.0,
            "a missing score gives its weight to the others",
        )
        self.assertEqual(
            weighted_mean([(0, 10), (-1, 20), (2, 70)]), 70.0, "no weight, no say"
        )
        self.assertIsNone(
            weighted_mean([(1, None), (0, 50)]), "nothing scored: no score, not zero"
        )
        self.assertIsNone(weighted_mean([]))
        self.assertEqual(
            weighted_mean([(2, 0), (2, 100)]), 50.0, "a score of zero counts"
        )

    def test_weights_meant_to_total_a_fixed_sum(self):
        # a scorecard's 100 %: (40 × 50 + 60 × 100) / 100
        self.assertEqual(weighted_mean([(40, 50), (60, 100)], total=100), 80.0)
        # a missing part then counts as zero instead of going to the others
        self.assertEqual(weighted_mean([(40, 100), (60, None)], total=100), 40.0)

    def test_the_sheets_score_rounds_and_reads_nothing_as_zero(self):
        Sheet = self.env["cs.weighted.score.mixin"]
        # (1 × 100 + 2 × 0) / 3 = 33.333…
        self.assertEqual(Sheet._cs_weighted_score([(1, 100), (2, 0)], digits=2), 33.33)
        self.assertAlmostEqual(Sheet._cs_weighted_score([(1, 100), (2, 0)]), 100 / 3)
        self.assertEqual(Sheet._cs_weighted_score([(1, None)]), 0.0)

    def test_three_workflows_share_it(self):
        for sheet, line in (
            ("cs.qa.inspection", "cs.qa.inspection.line"),
            ("cs.training.assessment", "cs.training.assessment.line"),
            ("cs.appraisal", "cs.appraisal.line"),
        ):
            if sheet not in self.env:  # cs_management installed alone
                continue
            with self.subTest(sheet=sheet):
                self.assertIn(
                    sheet, self.env["cs.weighted.score.mixin"]._inherit_children
                )
                self.assertIn(
                    line, self.env["cs.weighted.score.line.mixin"]._inherit_children
                )
                self.assertTrue(self.env[sheet]._cs_sheet_open_states)
                self.assertTrue(self.env[line]._cs_criterion_copied)
