"""INT-1 / CMP-1: e-mail to a service address becomes a complete ticket;
replies thread onto it; auto-replies, bounces and list mail are never
answered. Every message goes through the mail gateway as raw RFC 822."""

import ast
from datetime import timedelta, timezone
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, make_msgid

from odoo import fields
from odoo.exceptions import ValidationError

from .common import CsTicketCase

CUSTOMER = "Wang Li <wangli@example.net>"


class MailIntakeCase(CsTicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_TW")
        domain = cls.env["mail.alias.domain"].search([], limit=1) or cls.env[
            "mail.alias.domain"
        ].create({"name": "intake.example.com"})
        cls.company.write(
            {"alias_domain_id": domain.id, "email": f"contact@{domain.name}"}
        )
        cls.company.partner_id.lang = "zh_TW"
        cls.team_a.alias_id.write(
            {"alias_name": "t-store-a", "alias_domain_id": domain.id}
        )
        cls.address = f"t-store-a@{domain.name}"
        cls.email_channel = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")

    def _raw(
        self,
        subject,
        body,
        sender=CUSTOMER,
        charset="utf-8",
        subtype="plain",
        headers=None,
        attachment=None,
        date=None,
    ):
        """An RFC 822 message as a mail client or a responder writes it."""
        text = MIMEText(body, subtype, charset)
        if attachment:
            msg = MIMEMultipart()
            msg.attach(text)
            part = MIMEApplication(attachment[1], Name=attachment[0])
            part["Content-Disposition"] = f'attachment; filename="{attachment[0]}"'
            msg.attach(part)
        else:
            msg = text
        msg["Subject"] = Header(subject, charset).encode()
        msg["From"] = sender
        msg["To"] = self.address
        msg["Message-Id"] = make_msgid(domain="customer.example.net")
        msg["Date"] = format_datetime(
            (date or fields.Datetime.now()).replace(tzinfo=timezone.utc)
        )
        for name, value in (headers or {}).items():
            msg[name] = value
        return msg.as_string()

    def _process(self, raw):
        thread_id = self.env["mail.thread"].message_process(False, raw)
        return self.env["helpdesk.ticket"].browse(thread_id) if thread_id else None

    def _mails_to(self, email):
        return self.env["mail.mail"].search(
            [("model", "=", "helpdesk.ticket"), ("email_to", "ilike", email)]
        ) | self.env["mail.mail"].search(
            [("model", "=", "helpdesk.ticket"), ("recipient_ids.email", "=", email)]
        )


class TestMailIntake(MailIntakeCase):
    def test_a_plain_mail_becomes_a_complete_ticket(self):
        written = fields.Datetime.now().replace(microsecond=0) - timedelta(hours=2)
        ticket = self._process(
            self._raw("我要投訴：面霜讓我過敏", "用了三天，臉都紅了。", date=written)
        )
        contact = ticket.partner_id
        self.assertEqual(contact.email, "wangli@example.net")
        self.assertEqual(contact.name, "Wang Li")
        self.assertEqual(contact.lang, "zh_TW", "a new contact: the company's language")
        self.assertEqual(ticket.channel_id, self.email_channel)
        self.assertEqual(ticket.team_id, self.team_a)
        self.assertEqual(ticket.cs_store_id, self.store_a)
        self.assertEqual(ticket.cs_kind, "complaint")
        self.assertEqual(ticket.cs_received_at, written)
        self.assertTrue(ticket.cs_promised_date)
        self.assertTrue(ticket.cs_acknowledged)
        self.assertIn("用了三天", ticket.description)
        ack = self._mails_to("wangli@example.net")
        self.assertEqual(len(ack), 1)
        self.assertIn("我們已收到您的請求", ack.subject, "in the customer's language")
        self.assertIn(ticket.number, ack.subject)
        headers = ast.literal_eval(ack.headers)
        self.assertEqual(headers["Auto-Submitted"], "auto-replied")

    def test_a_known_customer_is_found_by_address_in_its_language(self):
        self.customer.lang = "en_US"
        ticket = self._process(
            self._raw(
                "Parcel never arrived",
                "My order has not come.",
                sender=self.customer.email,
            )
        )
        self.assertEqual(ticket.partner_id, self.customer)
        self.assertEqual(ticket.cs_kind, "order")
        ack = self._mails_to(self.customer.email)
        self.assertIn("we have received your request", ack.subject)

    def test_html_with_an_attachment_and_no_keyword_is_to_be_classified(self):
        ticket = self._process(
            self._raw(
                "Photo of the jar",
                "<p>See the <b>photo</b> attached.</p>",
                subtype="html",
                attachment=("jar.png", b"\x89PNG fake image"),
            )
        )
        self.assertFalse(ticket.cs_kind, "no keyword: to be classified")
        self.assertIn(
            ticket, self.env["helpdesk.ticket"].search([("cs_kind", "=", False)])
        )
        self.assertEqual(ticket.message_ids.attachment_ids.mapped("name"), ["jar.png"])
        self.assertIn("<b>photo</b>", ticket.description)
        self.assertTrue(
            ticket.cs_promised_date, "a reply within a working day is promised"
        )
        self.assertEqual(len(self._mails_to("wangli@example.net")), 1)
        # the kind is asked for at Verification, by the gate of every stage
        ticket.user_id = self.agent_a.user_id
        ticket = ticket.with_user(self.agent_a.user_id)
        with self.assertRaises(ValidationError) as refused:
            ticket.stage_id = self.stage["verification"]
        self.assertIn("Kind", str(refused.exception))
        ticket.invalidate_recordset()
        self.assertEqual(ticket.stage_id, self.stage["acceptance"])
        ticket.category_id = self.kinds["consultation"]
        ticket.stage_id = self.stage["verification"]
        self.assertEqual(ticket.stage_id, self.stage["verification"])

    def test_chinese_encodings_are_read(self):
        gb = self._process(
            self._raw("我要退货", "口红颜色不对，请退款。", charset="gb2312")
        )
        self.assertEqual(gb.name, "我要退货")
        self.assertIn("请退款", gb.description)
        self.assertEqual(gb.category_id, self.env.ref("cs_management.category_return"))
        big5 = self._process(
            self._raw(
                "訂單沒收到",
                "訂單編號 A123 還沒收到。",
                sender="chen@example.tw",
                charset="big5",
            )
        )
        self.assertEqual(big5.name, "訂單沒收到")
        self.assertIn("還沒收到", big5.description)
        self.assertEqual(big5.cs_kind, "order")

    def test_an_admin_edits_the_keyword_rules(self):
        rule = (
            self.env["cs.kind.rule"]
            .with_user(self.admin_user)
            .create(
                {
                    "keywords": "gift card, 禮物卡",
                    "category_id": self.kinds["consultation"].id,
                    "sequence": 1,
                }
            )
        )
        ticket = self._process(self._raw("禮物卡 question", "Can I use it online?"))
        self.assertEqual(ticket.category_id, self.kinds["consultation"])
        self.assertFalse(
            self.env["cs.kind.rule"]
            .with_user(self.agent_a.user_id)
            .has_access("write"),
            "agents read the rules, managers change them",
        )
        self.assertTrue(rule.exists())


class TestMailReplies(MailIntakeCase):
    def _ticket_by_mail(self, subject="About my night cream", body="Hello"):
        ticket = self._process(self._raw(subject, body))
        ticket.user_id = self.agent_a.user_id
        return ticket

    def _ack(self, ticket):
        return self._mails_to(ticket.partner_id.email)

    def test_a_reply_lands_on_the_ticket_and_notifies_the_assignee(self):
        ticket = self._ticket_by_mail()
        ack = self._ack(ticket)
        raw = self._raw(
            "Re: " + ack.subject, "Any news?", headers={"In-Reply-To": ack.message_id}
        )
        count = self.env["helpdesk.ticket"].search_count([])
        self.assertEqual(self._process(raw), ticket)
        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), count)
        reply = ticket.message_ids[0]
        self.assertIn("Any news?", reply.body)
        self.assertEqual(reply.author_id, ticket.partner_id)
        self.assertIn(
            self.agent_a.user_id.partner_id, reply.notification_ids.res_partner_id
        )

    def test_the_ticket_number_in_the_subject_is_enough(self):
        ticket = self._ticket_by_mail()
        raw = self._raw(f"About {ticket.number} again", "No headers from my phone.")
        self.assertEqual(self._process(raw), ticket)
        stranger = self._raw(
            f"About {ticket.number}", "Not my ticket", sender="x@other.example"
        )
        self.assertNotEqual(
            self._process(stranger),
            ticket,
            "only its customer can write on a ticket by number",
        )

    def test_a_reply_restarts_a_paused_clock(self):
        waiting = self.env["helpdesk.ticket.stage"].create(
            {
                "name": "Waiting for the customer",
                "sequence": 15,
                "team_ids": [(6, 0, self.team_a.ids)],
                "cs_pauses_deadlines": True,
            }
        )
        ticket = self._ticket_by_mail()
        ticket.stage_id = waiting
        self.assertEqual(set(ticket.ticket_sla_ids.mapped("state")), {"on_hold"})
        self._process(self._raw(f"Re: {ticket.number}", "Here is my order number."))
        self.assertEqual(set(ticket.ticket_sla_ids.mapped("state")), {"in_progress"})

    def _close(self, ticket):
        ticket.write({"cs_solution": "<p>Use it at night.</p>"})
        ticket.stage_id = self.stage["closed"]
        self.assertTrue(ticket.closed)

    def test_a_reply_soon_after_closing_reopens_the_ticket(self):
        self.company.cs_reopen_days = 7
        ticket = self._ticket_by_mail()
        self._close(ticket)
        with self._at(fields.Datetime.now() + timedelta(days=2)):
            self.assertEqual(
                self._process(self._raw(f"Re: {ticket.number}", "It is back")), ticket
            )
        self.assertFalse(ticket.closed)
        self.assertEqual(ticket.cs_reopen_count, 1)

    def test_a_reply_long_after_closing_opens_a_linked_ticket(self):
        self.company.cs_reopen_days = 7
        ticket = self._ticket_by_mail()
        ack = self._ack(ticket)
        self._close(ticket)
        with self._at(fields.Datetime.now() + timedelta(days=30)):
            new = self._process(
                self._raw(
                    "Re: " + ack.subject,
                    "It is back",
                    headers={"In-Reply-To": ack.message_id},
                )
            )
        self.assertNotEqual(new, ticket)
        self.assertEqual(new.cs_origin_ticket_id, ticket)
        self.assertEqual(new.team_id, ticket.team_id)
        self.assertTrue(ticket.closed)
        self.assertEqual(ticket.cs_reopen_count, 0)


class TestNoMailLoops(MailIntakeCase):
    def test_auto_replies_and_list_mail_get_no_acknowledgement(self):
        cases = {
            "auto-submitted": {"Auto-Submitted": "auto-replied"},
            "x-autoreply": {"X-Autoreply": "yes"},
            "bulk": {"Precedence": "bulk"},
            "mailing list": {"List-Id": "<offers.shop.example>"},
        }
        for number, (case, headers) in enumerate(cases.items()):
            with self.subTest(case):
                sender = f"robot{number}@example.org"
                ticket = self._process(
                    self._raw(
                        "Out of office: complaint",
                        "Away",
                        sender=sender,
                        headers=headers,
                    )
                )
                self.assertTrue(ticket, "the mail is kept on a ticket")
                self.assertFalse(ticket.cs_acknowledged)
                self.assertFalse(self._mails_to(sender))

    def test_a_bounce_makes_no_ticket_and_no_mail(self):
        count = self.env["helpdesk.ticket"].search_count([])
        bounce = MIMEMultipart("report", report_type="delivery-status")
        bounce.attach(MIMEText("Delivery failed", "plain"))
        bounce["Subject"] = "Undelivered Mail Returned to Sender"
        bounce["From"] = "MAILER-DAEMON@mx.example.net"
        bounce["To"] = self.address
        bounce["Message-Id"] = make_msgid()
        self.assertFalse(self._process(bounce.as_string()))
        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), count)
        self.assertFalse(self._mails_to("MAILER-DAEMON@mx.example.net"))

    def test_two_auto_responders_stop_after_one_message(self):
        robot = "robot@example.org"
        ticket = self._process(
            self._raw("Complaint about your newsletter", "Hi", sender=robot)
        )
        ack = self._mails_to(robot)
        self.assertEqual(len(ack), 1)
        # the other side answers our acknowledgement automatically, once
        # honouring RFC 3834 and once ignoring it but quoting the number
        answers = [
            self._raw(
                "Auto: " + ack.subject,
                "I am away",
                sender=robot,
                headers={
                    "In-Reply-To": ack.message_id,
                    "Auto-Submitted": "auto-replied",
                },
            ),
            self._raw("Auto: " + ack.subject, "I am away", sender=robot),
        ]
        for answer in answers:
            self.assertEqual(self._process(answer), ticket)
        self.assertEqual(self._mails_to(robot), ack, "nothing more was sent")
        self.assertEqual(
            self.env["helpdesk.ticket"].search_count(
                [("partner_id.email", "=", robot)]
            ),
            1,
        )
