"""INT-3: the social intake API over HTTP, as a platform's connector uses
it: posts become tickets once each, agents' replies wait for the
connector, and every refusal is a JSON error that writes nothing."""

import json

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import TEST_TZ

URL = "/cs/social/v1/messages"


@tagged("post_install", "-at_install")
class TestSocialApi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        group = cls.env.ref("cs_management.group_cs_social_connector")
        cls.connector = cls.env["res.users"].create(
            {
                "name": "Test Connector",
                "login": "t_social_connector",
                "groups_id": [Command.set(group.ids)],
            }
        )
        cls.key = (
            cls.env["res.users.apikeys"]
            .with_user(cls.connector)
            .sudo()
            ._generate(None, "test", None)
        )
        cls.agent = new_test_user(
            cls.env,
            "t_social_agent",
            groups="base.group_user",
            tz=TEST_TZ,
            name="Social Agent",
        )
        employee = cls.env["hr.employee"].create(
            {
                "name": cls.agent.name,
                "user_id": cls.agent.id,
                "cs_role_id": cls.env.ref("cs_management.role_social").id,
            }
        )
        if hasattr(employee, "action_cs_record_prior_onboarding"):
            employee.action_cs_record_prior_onboarding()  # cs_training's gate
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Social desk",
                "cs_process": True,
                "user_ids": [Command.set(cls.agent.ids)],
            }
        )
        for xmlid in ("channel_social_comment", "channel_social_message"):
            cls.env.ref(f"cs_management.{xmlid}").cs_team_id = cls.team
        cls.post = {
            "platform": "facebook",
            "message_id": "fb-1001",
            "kind": "comment",
            "conversation_id": "post-77",
            "author": "glow.diary",
            "link": "https://facebook.example/post-77",
            "text": "請問這款防曬可以用在敏感肌嗎？",
            "posted_at": "2026-12-01T10:15:00+08:00",
            "reach": {"views": 120, "shares": 1, "comments": 3},
        }

    def _post(self, body, key=None):
        data = body if isinstance(body, (str, bytes)) else json.dumps(body)
        return self.url_open(
            URL,
            data=data,
            headers={
                "Authorization": f"Bearer {key or self.key}",
                "Content-Type": "application/json",
            },
        )

    def _counts(self):
        return (
            self.env["helpdesk.ticket"].search_count([]),
            self.env["cs.social.message"].search_count([]),
            self.env["res.partner"].search_count([]),
        )

    def test_a_post_becomes_a_ticket_once(self):
        response = self._post(self.post)
        self.assertEqual(response.status_code, 201, response.text)
        number = response.json()["ticket"]
        ticket = self.env["helpdesk.ticket"].search([("number", "=", number)])
        self.assertEqual(
            ticket.channel_id, self.env.ref("cs_management.channel_social_comment")
        )
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.cs_kind, "consultation", "a keyword rule: 請問")
        self.assertEqual(
            str(ticket.cs_received_at), "2026-12-01 02:15:00", "the post's time, in UTC"
        )
        self.assertEqual(ticket.partner_id.name, "glow.diary")
        self.assertEqual(ticket.cs_po_views, 120)
        # the connector sends it again: nothing new
        before = self._counts()
        again = self._post(self.post)
        self.assertEqual(again.status_code, 200)
        self.assertEqual(again.json(), {"ticket": number, "created": False})
        self.assertEqual(self._counts(), before)
        # the same conversation: the same ticket
        follow_up = dict(self.post, message_id="fb-1002", text="還有，孕婦可以用嗎？")
        self.assertEqual(self._post(follow_up).json()["ticket"], number)
        self.assertIn("孕婦", ticket.message_ids[0].body)

    def test_an_incident_is_a_public_opinion_ticket(self):
        body = dict(
            self.post,
            message_id="fb-2001",
            conversation_id="post-88",
            text="這家的面霜讓我爛臉，大家不要買",
            incident=True,
            sentiment="negative",
            reach={"views": 150000, "shares": 2000, "comments": 800},
        )
        response = self._post(body)
        self.assertEqual(response.status_code, 201, response.text)
        ticket = self.env["helpdesk.ticket"].search(
            [("number", "=", response.json()["ticket"])]
        )
        self.assertEqual(ticket.cs_kind, "public_opinion")
        self.assertEqual(ticket.cs_po_platform, "facebook")
        self.assertEqual(ticket.cs_po_link, "https://facebook.example/post-77")
        self.assertEqual(ticket.cs_po_shares, 2000)
        self.assertEqual(
            ticket.cs_severity, "critical", "reach and sentiment, by the thresholds"
        )

    def test_the_agents_reply_waits_for_the_connector(self):
        number = self._post(self.post).json()["ticket"]
        ticket = self.env["helpdesk.ticket"].search([("number", "=", number)])
        ticket.user_id = self.agent
        ticket.with_user(self.agent).message_post(
            body="您好，可以的，敏感肌也適用。謝謝",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        headers = {"Authorization": f"Bearer {self.key}"}
        replies = self.url_open(
            "/cs/social/v1/replies?platform=facebook", headers=headers
        ).json()["replies"]
        self.assertEqual(len(replies), 1)
        self.assertEqual(replies[0]["in_reply_to"], "post-77")
        self.assertEqual(replies[0]["ticket"], number)
        self.assertIn("敏感肌也適用", replies[0]["text"])
        self.assertTrue(
            ticket.cs_first_response_date, "the social reply is the first response"
        )
        again = self.url_open("/cs/social/v1/replies", headers=headers).json()[
            "replies"
        ]
        self.assertEqual(again, [], "each reply is fetched once")

    def test_refusals_are_json_and_write_nothing(self):
        outsider = new_test_user(self.env, "t_not_connector", groups="base.group_user")
        outsider_key = (
            self.env["res.users.apikeys"]
            .with_user(outsider)
            .sudo()
            ._generate(None, "x", None)
        )
        cases = [
            ("wrong key", self.post, "not-a-key", 401, "invalid_api_key"),
            ("not a connector", self.post, outsider_key, 403, "not_a_connector"),
            (
                "unknown platform",
                dict(self.post, platform="myspace"),
                None,
                400,
                "unknown_platform",
            ),
            (
                "missing id",
                {k: v for k, v in self.post.items() if k != "message_id"},
                None,
                400,
                "missing_message_id",
            ),
            (
                "malformed time",
                dict(self.post, posted_at="yesterday at ten"),
                None,
                400,
                "malformed_time",
            ),
            ("not JSON", "{platform: facebook", None, 400, "malformed_body"),
        ]
        before = self._counts()
        for case, body, key, status, code in cases:
            with self.subTest(case):
                response = self._post(body, key=key)
                self.assertEqual(response.status_code, status, response.text)
                self.assertEqual(response.json()["error"], code)
                self.assertTrue(response.json()["message"])
        self.assertEqual(self._counts(), before, "nothing written")

    def test_the_connector_may_do_nothing_else(self):
        connector_env = self.env(user=self.connector)
        for model in (
            "helpdesk.ticket",
            "res.partner",
            "cs.social.message",
            "hr.employee",
        ):
            with self.subTest(model):
                self.assertFalse(connector_env[model].has_access("read"))
