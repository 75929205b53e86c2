import json

from odoo import http
from odoo.http import request

from ..models.cs_social_message import SocialIntakeError

CONNECTOR_GROUP = "cs_management.group_cs_social_connector"


class SocialIntakeApi(http.Controller):
    """The social intake API (INT-3), for the platforms' connectors.

    ``POST /cs/social/v1/messages`` with ``Authorization: Bearer <API key>``
    of a user in the Social connector group and a JSON body::

        {"platform": "facebook", "message_id": "m-123", "kind": "comment",
         "conversation_id": "post-9", "author": "Lin", "link": "https://...",
         "text": "...", "posted_at": "2026-12-01T10:15:00+08:00",
         "reach": {"views": 1200, "shares": 4, "comments": 30},
         "sentiment": "negative", "incident": false}

    answers 201 ``{"ticket": "HT00012", "created": true}`` (200 and
    ``"created": false`` for a message id already received: sending twice is
    safe). ``GET /cs/social/v1/replies[?platform=...]`` gives the agents'
    replies waiting for the platform, once each. Errors are JSON
    ``{"error": code, "message": text}`` and write nothing: 401
    invalid_api_key, 403 not_a_connector, 400 malformed_body,
    unknown_platform, missing_message_id, missing_text, unknown_kind,
    malformed_time."""

    @http.route(
        "/cs/social/v1/messages",
        type="http",
        auth="none",
        methods=["POST"],
        csrf=False,
        save_session=False,
        readonly=False,
    )
    def post_message(self, **_kw):
        user = self._connector()
        if not isinstance(user, int):
            return user
        try:
            payload = json.loads(request.httprequest.get_data() or b"null")
        except ValueError:
            return self._error(400, "malformed_body", "The body is not JSON.")
        Message = request.env(user=user)["cs.social.message"].sudo()
        try:
            with request.env.cr.savepoint():
                message, created = Message._cs_receive(payload)
        except SocialIntakeError as error:
            return self._error(400, error.code, str(error))
        body = {"ticket": message.ticket_id.number, "created": created}
        return request.make_json_response(body, status=201 if created else 200)

    @http.route(
        "/cs/social/v1/replies",
        type="http",
        auth="none",
        methods=["GET"],
        csrf=False,
        save_session=False,
        readonly=False,
    )
    def fetch_replies(self, platform=None, **_kw):
        user = self._connector()
        if not isinstance(user, int):
            return user
        Message = request.env(user=user)["cs.social.message"].sudo()
        return request.make_json_response(
            {"replies": Message._cs_fetch_replies(platform)}
        )

    def _connector(self):
        """The connector's user id, from its API key; else the error."""
        header = request.httprequest.headers.get("Authorization") or ""
        scheme, _sep, key = header.partition(" ")
        uid = (
            request.env["res.users.apikeys"]
            .sudo()
            ._check_credentials(scope="rpc", key=key.strip())
            if scheme.lower() == "bearer" and key.strip()
            else None
        )
        if not uid:
            return self._error(401, "invalid_api_key", "A valid API key is required.")
        if not request.env["res.users"].sudo().browse(uid).has_group(CONNECTOR_GROUP):
            return self._error(
                403, "not_a_connector", "This key's user is not a social connector."
            )
        return uid

    @staticmethod
    def _error(status, code, message):
        return request.make_json_response(
            {"error": code, "message": message}, status=status
        )
