"""The QA demo loads through the real flow (demo data that fails to load is
dropped silently by Odoo: this says so)."""

from odoo.tests import TransactionCase


class TestQaDemo(TransactionCase):
    def test_a_month_of_inspections_and_a_calibration_session(self):
        Inspection = self.env["cs.qa.inspection"]
        counted = Inspection.search(Inspection._iqs_domain())
        self.assertIn(self.env.ref("cs_management.qa_inspection_01"), counted)
        self.assertEqual(set(counted.mapped("state")), {"published", "acknowledged"})
        self.assertEqual(
            set(counted.mapped("kind")), {"sample", "supervisor", "store_manager"}
        )
        self.assertGreaterEqual(len(counted.store_id), 3, "across the stores")
        self.assertTrue(counted.filtered("critical_failed"), "one forbidden phrase")
        calibration = self.env.ref("cs_management.qa_calibration_demo")
        self.assertEqual(calibration.state, "done")
        self.assertEqual(len(calibration.inspection_ids.reviewer_id), 3)
        self.assertGreater(calibration.spread, 0)
