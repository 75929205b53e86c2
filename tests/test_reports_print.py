"""Every report we ship prints to PDF, and in Chinese when its reader works
in Chinese (wkhtmltopdf and the Noto CJK fonts come with the set-up)."""

import subprocess
import unicodedata

from .common import SuiteCase


class TestReportsPrint(SuiteCase):
    def _pdf_text(self, report, records):
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report, records.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        text = subprocess.run(
            ["pdftotext", "-layout", "-", "-"],
            input=pdf,
            capture_output=True,
            check=True,
        ).stdout
        # the fonts map some ideographs to their radical forms: fold them back
        return unicodedata.normalize("NFKC", text.decode())

    def test_every_shipped_report_renders_to_pdf(self):
        reports = self.env["ir.actions.report"].search(
            [("report_type", "=", "qweb-pdf"), ("model", "like", "cs.%")]
        )
        self.assertTrue(reports)
        for report in reports:
            with self.subTest(report=report.report_name):
                records = self.env[report.model].search([], limit=2)
                self.assertTrue(
                    records, f"no demo record to print {report.report_name} with"
                )
                self.assertTrue(self._pdf_text(report, records).strip())

    def test_the_appraisal_form_prints_in_traditional_chinese(self):
        appraisal = self.env["cs.appraisal"].search(
            [("employee_id.user_id", "!=", False)], limit=1
        )
        appraisal.employee_id.user_id.lang = "zh_TW"
        text = self._pdf_text(
            self.env.ref("cs_appraisal.action_report_cs_appraisal"), appraisal
        )
        self.assertIn("評分項目", text)
        self.assertIn(appraisal.employee_id.name, text)
