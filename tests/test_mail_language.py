"""Every mail template we ship writes to its recipient in the recipient's
language, whoever sends it: the customer (partner) or the employee (user or
work contact) reads the subject and body in the language of their contact
card, not in the language of the user at the keyboard. So each template is
rendered, as the user who would act, for a zh_TW and a zh_CN recipient by a
user working in English, and for an en_US recipient by a user working in
Chinese."""

import re

from lxml import html

from .common import SuiteCase

ADDONS = ("cs_management", "cs_training", "cs_appraisal")
CJK = re.compile(r"[\u3400-\u9fff]")
WORD = re.compile(r"[A-Za-z][A-Za-z']+")
# (recipient's language, language of the user who sends)
CASES = (("zh_TW", "en_US"), ("zh_CN", "en_US"), ("en_US", "zh_TW"))


def text_of(value):
    value = value or ""
    if "<" in value:
        value = html.fromstring(f"<div>{value}</div>").text_content()
    return " ".join(value.split())


class TestMailLanguage(SuiteCase):
    # each template we ship, and the method giving a record it is sent about
    # for a recipient in a language: (record, user who sends, the values the
    # template prints from the record, such as names and references)
    RECIPIENTS = {
        "cs_management.mail_template_ticket_acknowledgement": "_ticket_acknowledgement",
    }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for code in ("zh_TW", "zh_CN"):
            cls.env["res.lang"]._activate_lang(code)

    def _user(self, login):
        user = self.env["res.users"].search([("login", "=", login)])
        self.assertTrue(user, f"no demo user {login}")
        return user

    def _ticket_acknowledgement(self, lang):
        """A complaint of a customer working in ``lang``, acknowledged while
        an after-sales agent registers it."""
        agent = self._user("aftersales")
        ticket = self.env["helpdesk.ticket"].with_user(agent).search([], limit=1)
        self.assertTrue(ticket, "the after-sales agent sees no ticket")
        customer = self.env["res.partner"].create(
            {"name": "Kao Yu-ting", "email": "yuting.kao@example.com", "lang": lang}
        )
        ticket.sudo().write(
            {
                "partner_id": customer.id,
                "partner_name": customer.name,
                "cs_kind": "complaint",
                "cs_promised_date": "2025-03-03 09:00:00",
            }
        )
        return ticket.with_user(agent), agent, (customer.name, ticket.number, ticket.company_id.name)

    def _shipped_templates(self):
        data = self.env["ir.model.data"].search([("model", "=", "mail.template"), ("module", "in", ADDONS)])
        return {f"{d.module}.{d.name}" for d in data}

    def test_every_shipped_template_is_checked(self):
        self.assertEqual(
            self._shipped_templates(),
            set(self.RECIPIENTS),
            "a template we ship is not rendered by this test: add a recipient for it",
        )

    def test_every_template_follows_its_recipient(self):
        for xmlid in sorted(self._shipped_templates()):
            template = self.env.ref(xmlid)
            self.assertIn("object.", template.lang or "", f"{xmlid}: no language of the recipient")

    def test_templates_read_in_the_recipients_language(self):
        for xmlid, builder in self.RECIPIENTS.items():
            for lang, sender_lang in CASES:
                with self.subTest(template=xmlid, recipient=lang):
                    record, user, printed = getattr(self, builder)(lang)
                    template = self.env.ref(xmlid).with_user(user).with_context(lang=sender_lang)
                    rendered = template._generate_template(record.ids, ("subject", "body_html"))[record.id]
                    # the same as rendering it in the recipient's language on purpose
                    expected = template.with_context(lang=lang)
                    for field in ("subject", "body_html"):
                        self.assertEqual(
                            rendered[field],
                            expected._render_field(field, record.ids)[record.id],
                            f"{xmlid} {field}: not rendered in {lang}",
                        )
                        text = text_of(rendered[field])
                        for value in printed:
                            text = text.replace(value or "", " ")
                        self.assertTrue(text.strip(), f"{xmlid} {field}: empty")
                        if lang.startswith("zh"):
                            self.assertRegex(text, CJK, f"{xmlid} {field} for {lang}: {text}")
                            self.assertFalse(WORD.findall(text), f"{xmlid} {field} for {lang}: {text}")
                        else:
                            self.assertNotRegex(text, CJK, f"{xmlid} {field} for {lang}: {text}")
                            self.assertRegex(text, WORD, f"{xmlid} {field} for {lang}: {text}")
