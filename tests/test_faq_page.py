"""DESK-2: the portal's FAQ page shows the published answers, to anyone,
and never the internal ones."""

from odoo.addons.cs_management.tests.common import CsTicketCase

from .common import SuiteHttpCase


class TestFaqPage(SuiteHttpCase, CsTicketCase):
    def test_published_answers_only(self):
        Page = self.env["document.page"]
        Page.create(
            {
                "name": "How long does the night cream keep?",
                "content": "<p>Twelve months once opened.</p>",
                "cs_service": True,
                "cs_published": True,
            }
        )
        Page.create(
            {
                "name": "Internal: refund codes",
                "content": "<p>Use code R7.</p>",
                "cs_service": True,
            }
        )
        response = self.url_open("/cs/faq")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Twelve months once opened", response.text)
        self.assertNotIn("refund codes", response.text)
