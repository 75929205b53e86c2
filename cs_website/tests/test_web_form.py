"""CMP-1 / DATA-1: the public web form files the same complete ticket as an
e-mail; bad input, robots and floods create nothing. Posted over HTTP as a
visitor without a login, as the form's page does."""

import base64
import json
from datetime import timedelta

from odoo.tests import HttpCase, tagged
from odoo.tools import format_datetime

from odoo.addons.cs_management.tests.common import CsTicketCase

FORM_URL = "/website/form/helpdesk.ticket"
# the smallest PNG: one transparent pixel
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestWebForm(HttpCase, CsTicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.email = "contact@lumiere.example.com"
        cls.company.cs_web_requests_per_hour = 3
        cls.web = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")
        cls.outside_team = cls.env["helpdesk.ticket.team"].create(
            {"name": "IT helpdesk, not a store"}
        )

    def _request(self, email="mei@example.org", **values):
        return {
            "team_id": self.team_a.id,
            "category_id": self.kinds["complaint"].id,
            "name": "Cream jar arrived broken",
            "description": "The jar was cracked when I opened the parcel.",
            "partner_name": "Chang Mei",
            "partner_email": email,
            "cs_consent": "yes",
            **values,
        }

    def _post(self, data, files=None):
        response = self.url_open(FORM_URL, data=data, files=files)
        self.assertEqual(response.status_code, 200)
        return json.loads(response.text or "null")

    def _counts(self):
        return (
            self.env["helpdesk.ticket"].search_count([]),
            self.env["res.partner"].search_count([]),
            self.env["ir.attachment"].search_count(
                [("res_model", "=", "helpdesk.ticket")]
            ),
        )

    def _assert_refused(self, data, files=None, says=""):
        before = self._counts()
        answer = self._post(data, files)
        self.assertNotIn("id", answer or {})
        self.assertIn(says, answer["error"])
        self.assertEqual(self._counts(), before, "nothing may be written")

    # ------------------------------------------------------------------
    def test_page_offers_the_stores_of_the_process_only(self):
        page = self.url_open("/service/request").text
        self.assertIn(f'value="{self.team_a.id}"', page)
        self.assertIn("Test Store A", page)
        self.assertNotIn(f'value="{self.outside_team.id}"', page)
        self.assertNotIn(f'value="{self.team_c.id}"', page, "another company's")
        self.assertNotIn(f'value="{self.kinds["public_opinion"].id}"', page)

    def test_a_request_becomes_a_complete_ticket(self):
        answer = self._post(
            self._request(), files={"photos[0][0]": ("jar.png", PIXEL, "image/png")}
        )
        self.assertIn("id", answer, answer)
        ticket = self.env["helpdesk.ticket"].browse(answer["id"])
        customer = ticket.partner_id
        self.assertEqual(customer.email, "mei@example.org")
        self.assertEqual(customer.name, "Chang Mei")
        self.assertEqual(customer.cs_consent_scope, "service")
        self.assertEqual(ticket.channel_id, self.web)
        self.assertEqual(ticket.team_id, self.team_a)
        self.assertEqual(ticket.cs_store_id, self.store_a)
        self.assertEqual(ticket.cs_kind, "complaint")
        self.assertAlmostEqual(
            ticket.cs_received_at, ticket.create_date, delta=timedelta(seconds=5)
        )
        self.assertTrue(ticket.cs_promised_date)
        self.assertTrue(ticket.cs_acknowledged)
        self.assertEqual(ticket.message_ids.attachment_ids.mapped("name"), ["jar.png"])
        # the promise in the visitor's time zone (the browser's tz cookie)
        self.opener.cookies["tz"] = "Asia/Taipei"
        receipt = self.url_open("/service/request/thanks").text
        self.assertIn(ticket.number, receipt)
        # in the page's language: the website's, for a visitor
        page_lang = self.env["website"].get_current_website().default_lang_id.code
        promised = format_datetime(
            self.env(context=dict(self.env.context, lang=page_lang)),
            ticket.cs_promised_date,
            tz="Asia/Taipei",
            dt_format="medium",
        )
        self.assertIn(f'class="cs_promised_date">{promised}<', receipt)
        self.assertIn("acknowledgement is on its way", receipt)

    def test_a_consultation_is_promised_no_acknowledgement(self):
        answer = self._post(self._request(category_id=self.kinds["consultation"].id))
        ticket = self.env["helpdesk.ticket"].browse(answer["id"])
        self.assertFalse(ticket.cs_acknowledged, "cs_management: no promise needed")
        receipt = self.url_open("/service/request/thanks").text
        self.assertIn(ticket.number, receipt)
        self.assertNotIn("acknowledgement is on its way", receipt)

    def test_a_known_customer_is_found_not_duplicated(self):
        answer = self._post(self._request(email="HsiaoYu@Example.com"))
        ticket = self.env["helpdesk.ticket"].browse(answer["id"])
        self.assertEqual(ticket.partner_id, self.customer)

    def test_a_withdrawn_consent_is_not_overturned(self):
        self.customer.cs_consent_scope = "withdrawn"
        self._post(self._request(email=self.customer.email))
        self.assertEqual(self.customer.cs_consent_scope, "withdrawn")

    def test_a_missing_contact_creates_nothing(self):
        self._assert_refused(
            self._request(partner_email=""), says="valid e-mail address"
        )
        self._assert_refused(
            self._request(partner_email="not-an-address"), says="valid e-mail"
        )
        self._assert_refused(self._request(partner_name=""), says="your name")

    def test_an_unknown_store_or_kind_creates_nothing(self):
        for team in (self.outside_team, self.team_c):
            self._assert_refused(self._request(team_id=team.id), says="stores offered")
        self._assert_refused(self._request(team_id="999999"), says="stores offered")
        self._assert_refused(
            self._request(category_id=self.kinds["public_opinion"].id),
            says="kind of your request",
        )

    def test_no_consent_creates_nothing(self):
        data = self._request()
        del data["cs_consent"]
        self._assert_refused(data, says="Agree to the use")

    def test_files_too_large_too_many_or_of_another_type_create_nothing(self):
        self.company.cs_web_max_file_mb = 1
        self._assert_refused(
            self._request(),
            files={
                "photos[0][0]": ("big.png", PIXEL + b"\0" * 1024 * 1024, "image/png")
            },
            says="larger than 1 MB",
        )
        self._assert_refused(
            self._request(),
            files={"photos[0][0]": ("run.png", b"#!/bin/sh\nrm -rf /\n", "image/png")},
            says="send jpeg, jpg, pdf, png files",
        )
        self._assert_refused(
            self._request(),
            files={"photos[0][0]": ("page.html", b"<html></html>", "text/html")},
            says="cannot be attached",
        )
        self.company.cs_web_max_files = 1
        self._assert_refused(
            self._request(),
            files=[
                ("photos[0][0]", ("a.png", PIXEL, "image/png")),
                ("photos[0][1]", ("b.png", PIXEL, "image/png")),
            ],
            says="at most 1",
        )

    def test_the_honeypot_catches_robots(self):
        self._assert_refused(
            self._request(cs_website_url="http://spam.example.com"),
            says="could not be sent",
        )

    def test_an_address_may_send_so_many_requests_an_hour(self):
        for _n in range(3):
            self.assertIn("id", self._post(self._request()))
        self._assert_refused(self._request(), says="already received 3 requests")
        # another address is not held back
        self.assertIn("id", self._post(self._request(email="other@example.org")))

    def test_a_logged_in_post_needs_the_csrf_token(self):
        self.authenticate(self.agent_b.user_id.login, self.agent_b.user_id.login)
        before = self._counts()
        response = self.url_open(FORM_URL, data=self._request())
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self._counts(), before)
