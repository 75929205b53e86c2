from datetime import datetime, timezone

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import html2plaintext

from .selections import PLATFORMS

DIRECTIONS = [("in", "From the platform"), ("out", "To the platform")]
STATES = [
    ("received", "Received"),
    ("queued", "Waiting for the connector"),
    ("fetched", "Fetched by the connector"),
]
# the channel of a post and of a private message
KIND_CHANNELS = {
    "comment": "cs_management.channel_social_comment",
    "message": "cs_management.channel_social_message",
}


class SocialIntakeError(ValueError):
    """A request of the social intake API refused, nothing written."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


class CsSocialMessage(models.Model):
    """A comment or private message exchanged with a social platform through
    its connector (INT-3): received ones become tickets, once each (the
    platform's message id); agents' replies wait here for the connector."""

    _name = "cs.social.message"
    _check_company_auto = True
    _description = "Social-media Message"
    _order = "id desc"
    _rec_name = "external_id"

    platform = fields.Selection(PLATFORMS, required=True, index=True)
    external_id = fields.Char(string="Platform Message ID", required=True, index=True)
    conversation_id = fields.Char(
        string="Platform Conversation",
        index="btree_not_null",
        help="The thread on the platform: its messages land on one ticket.",
    )
    direction = fields.Selection(DIRECTIONS, required=True, default="in")
    state = fields.Selection(STATES, required=True, default="received", index=True)
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    author = fields.Char()
    link = fields.Char()
    text = fields.Text()
    posted_at = fields.Datetime()

    _sql_constraints = [
        (
            "external_id_uniq",
            "unique(platform, external_id, direction)",
            "This platform message was already received.",
        )
    ]

    # ------------------------------------------------------------------
    # Received from the connector
    # ------------------------------------------------------------------
    @api.model
    def _cs_receive(self, payload):
        """The message ``payload`` (the API's JSON), on its ticket: a new
        one, or that of its conversation. Returns (message, created)."""
        values = self._cs_validate(payload)
        known = self.search(
            [
                ("platform", "=", values["platform"]),
                ("external_id", "=", values["external_id"]),
                ("direction", "=", "in"),
            ]
        )
        if known:
            return known, False
        ticket = self._cs_conversation_ticket(values)
        if ticket:
            ticket._cs_social_post(values)
        else:
            ticket = self.env["helpdesk.ticket"].create(
                self._cs_ticket_values(values, payload)
            )
        return self.create(dict(values, ticket_id=ticket.id)), True

    @api.model
    def _cs_validate(self, payload):
        if not isinstance(payload, dict):
            raise SocialIntakeError(
                "malformed_body",
                self.env._(
                    "The body must be a JSON object (Content-Type: application/json)."
                ),
            )
        platform = payload.get("platform")
        if platform not in dict(PLATFORMS):
            raise SocialIntakeError(
                "unknown_platform",
                self.env._("Unknown platform %(platform)r.", platform=platform),
            )
        external_id = payload.get("message_id")
        if not external_id or not isinstance(external_id, (str, int)):
            raise SocialIntakeError(
                "missing_message_id", self.env._("The message_id is missing.")
            )
        text = payload.get("text")
        if not text or not isinstance(text, str):
            raise SocialIntakeError("missing_text", self.env._("The text is missing."))
        kind = payload.get("kind", "comment")
        if kind not in KIND_CHANNELS:
            raise SocialIntakeError(
                "unknown_kind", self.env._("The kind must be 'comment' or 'message'.")
            )
        return {
            "platform": platform,
            "external_id": str(external_id),
            "conversation_id": str(payload.get("conversation_id") or "") or False,
            "author": str(payload.get("author") or "")[:200] or False,
            "link": str(payload.get("link") or "")[:500] or False,
            "text": text,
            "posted_at": self._cs_parse_time(payload.get("posted_at")),
        }

    @api.model
    def _cs_parse_time(self, value):
        """ISO 8601 with its offset (naive: UTC), as UTC, never later than now."""
        try:
            moment = datetime.fromisoformat(value)
        except (TypeError, ValueError):
            raise SocialIntakeError(
                "malformed_time",
                self.env._(
                    "posted_at must be an ISO 8601 time, "
                    "e.g. 2026-12-01T10:15:00+08:00."
                ),
            ) from None
        if moment.tzinfo:
            moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
        return min(moment, fields.Datetime.now())

    @api.model
    def _cs_conversation_ticket(self, values):
        if not values["conversation_id"]:
            return self.env["helpdesk.ticket"]
        earlier = self.search(
            [
                ("platform", "=", values["platform"]),
                ("conversation_id", "=", values["conversation_id"]),
                ("ticket_id.closed", "=", False),
            ],
            limit=1,
        )
        return earlier.ticket_id

    @api.model
    def _cs_ticket_values(self, values, payload):
        channel = self.env.ref(KIND_CHANNELS[payload.get("kind", "comment")])
        company = channel.cs_team_id.company_id or self.env.company
        reach = payload.get("reach") if isinstance(payload.get("reach"), dict) else {}
        text = values["text"]
        ticket = {
            "name": text.splitlines()[0][:80],
            "description": Markup("<p>%s</p>") % text,
            "partner_id": self._cs_author_contact(values, company).id,
            "channel_id": channel.id,
            "cs_received_at": values["posted_at"],
            "cs_po_platform": values["platform"],
            "cs_po_link": values["link"],
            "cs_po_author": values["author"],
            "cs_po_content": text,
            "cs_po_views": self._cs_count(reach.get("views")),
            "cs_po_shares": self._cs_count(reach.get("shares")),
            "cs_po_comments": self._cs_count(reach.get("comments")),
        }
        sentiments = dict(
            self.env["helpdesk.ticket"]._fields["cs_po_sentiment"].selection
        )
        if payload.get("sentiment") in sentiments:
            ticket["cs_po_sentiment"] = payload["sentiment"]
        if payload.get("incident"):
            ticket["category_id"] = self.env.ref(
                "cs_management.category_public_opinion"
            ).id
            ticket["cs_po_detected_date"] = fields.Datetime.now()
        else:
            category = self.env["cs.kind.rule"]._guess_category(False, text, company)
            ticket["category_id"] = category.id
        return ticket

    @staticmethod
    def _cs_count(value):
        return value if isinstance(value, int) and value >= 0 else 0

    @api.model
    def _cs_author_contact(self, values, company):
        """The author's contact, one per platform account."""
        key = f"{values['platform']}:{values['author'] or values['external_id']}"
        Partner = self.env["res.partner"]
        return Partner.search([("ref", "=", key)], limit=1) or Partner.create(
            {
                "name": values["author"] or key,
                "ref": key,
                "lang": company.partner_id.lang or self.env.lang,
            }
        )

    # ------------------------------------------------------------------
    # Replies for the connector
    # ------------------------------------------------------------------
    @api.model
    def _cs_queue_reply(self, ticket, message):
        received = self.search(
            [("ticket_id", "=", ticket.id), ("direction", "=", "in")], limit=1
        )
        if not received:
            return self  # typed in by an agent: no platform thread to answer on
        return self.create(
            {
                "platform": received.platform,
                "external_id": f"odoo-{message.id}",
                "conversation_id": received.conversation_id or received.external_id,
                "direction": "out",
                "state": "queued",
                "ticket_id": ticket.id,
                "text": html2plaintext(message.body or ""),
                "posted_at": message.date,
            }
        )

    @api.model
    def _cs_fetch_replies(self, platform=None, limit=100):
        """The queued replies, oldest first, marked as fetched."""
        domain = [("direction", "=", "out"), ("state", "=", "queued")]
        if platform:
            domain.append(("platform", "=", platform))
        replies = self.search(domain, order="id", limit=limit)
        payload = [reply._cs_reply_json() for reply in replies]
        replies.state = "fetched"
        return payload

    def _cs_reply_json(self):
        self.ensure_one()
        return {
            "id": self.id,
            "platform": self.platform,
            "in_reply_to": self.conversation_id,
            "ticket": self.ticket_id.number,
            "text": self.text,
            "written_at": fields.Datetime.to_string(self.posted_at),
        }
