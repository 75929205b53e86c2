"""Every mail template we ship writes to its recipient in the recipient's
language, whoever sends it: the customer (partner) or the employee (user or
work contact) reads the subject and body in the language of their contact
card, not in the language of the user at the keyboard. So each template is
rendered, as the user who would act, for a zh_TW and a zh_CN recipient by a
user working in English, and for an en_US recipient by a user working in
Chinese."""

import re
from datetime import date

from dateutil.relativedelta import relativedelta
from lxml import html

from .common import OUR_ADDONS, SuiteCase

ADDONS = OUR_ADDONS
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
        # the silent customer's reminder and closing read the same ticket
        "cs_management.mail_template_ticket_silence_reminder": (
            "_ticket_acknowledgement"
        ),
        "cs_management.mail_template_ticket_silence_closed": "_ticket_acknowledgement",
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
        return (
            ticket.with_user(agent),
            agent,
            (customer.name, ticket.number, ticket.company_id.name),
        )

    def _shipped_templates(self):
        data = self.env["ir.model.data"].search(
            [("model", "=", "mail.template"), ("module", "in", ADDONS)]
        )
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
            self.assertIn(
                "object.", template.lang or "", f"{xmlid}: no language of the recipient"
            )

    def test_templates_read_in_the_recipients_language(self):
        for xmlid, builder in self.RECIPIENTS.items():
            for lang, sender_lang in CASES:
                with self.subTest(template=xmlid, recipient=lang):
                    record, user, printed = getattr(self, builder)(lang)
                    template = (
                        self.env.ref(xmlid)
                        .with_user(user)
                        .with_context(lang=sender_lang)
                    )
                    rendered = template._generate_template(
                        record.ids, ("subject", "body_html")
                    )[record.id]
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
                            self.assertRegex(
                                text, CJK, f"{xmlid} {field} for {lang}: {text}"
                            )
                            self.assertFalse(
                                WORD.findall(text),
                                f"{xmlid} {field} for {lang}: {text}",
                            )
                        else:
                            self.assertNotRegex(
                                text, CJK, f"{xmlid} {field} for {lang}: {text}"
                            )
                            self.assertRegex(
                                text, WORD, f"{xmlid} {field} for {lang}: {text}"
                            )


# the OCA templates our process sends to the customer: the stages of
# helpdesk_mgmt (closing, cancelling, rejecting; any stage a manager gives a
# template) and the rating request of our Closed stage
OCA_TEMPLATES = (
    "helpdesk_mgmt.assignment_email_template",
    "helpdesk_mgmt.closed_ticket_template",
    "helpdesk_mgmt.changed_stage_template",
    "helpdesk_mgmt_rating.rating_ticket_email_template",
)


class TestMessagesLanguage(SuiteCase):
    """What our code writes to one person (a customer, an employee) reads in
    that person's language, not in the language of the user who acts or of
    the cron: the recipient works in zh_TW and the actor in English, and the
    reverse. Notes between staff of a team stay in the actor's language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for code in ("zh_TW", "zh_CN"):
            cls.env["res.lang"]._activate_lang(code)

    def _user(self, login, lang="en_US"):
        user = self.env["res.users"].search([("login", "=", login)])
        self.assertTrue(user, f"no demo user {login}")
        user.sudo().lang = lang
        return user

    def assertReads(self, text, lang, english, printed=()):
        """``text`` is in ``lang``: Chinese with no English word left once
        the ``printed`` values (names, references) are taken out, or the
        ``english`` text itself."""
        text = text_of(text)
        if not lang.startswith("zh"):
            self.assertIn(english, text)
            return
        for value in printed:
            text = text.replace(value or "", " ")
        self.assertRegex(text, CJK, f"not in {lang}: {text}")
        self.assertNotIn(english, text)
        self.assertFalse(WORD.findall(text), f"English left for {lang}: {text}")

    def _ticket(self, lang):
        """A ticket of the after-sales agent, for a customer working in ``lang``."""
        agent = self._user("aftersales")
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(agent)
            .search([("cs_process", "=", True)], limit=1)
        )
        self.assertTrue(ticket, "the after-sales agent sees no ticket")
        customer = self.env["res.partner"].create(
            {"name": "Kao Yu-ting", "email": "yuting.kao@example.com", "lang": lang}
        )
        ticket.sudo().write({"partner_id": customer.id, "partner_name": customer.name})
        ticket.company_id.sudo().email = (
            ticket.company_id.email or "service@example.com"
        )
        return ticket

    def test_oca_templates_read_in_the_customers_language(self):
        ticket = self._ticket("zh_TW")
        agent = self._user("aftersales")
        printed = (
            ticket.display_name,
            ticket.name,
            ticket.number,
            ticket.company_id.name,
            ticket.user_id.name,
            ticket.partner_id.name,
            "n/a",
        )
        for xmlid in OCA_TEMPLATES:
            template = self.env.ref(xmlid).with_user(agent).with_context(lang="en_US")
            # the rating request is sent with the customer's language
            # (helpdesk_mgmt_rating's rating_send_request), the others carry it
            if not template.lang:
                template = template.with_context(lang=ticket.partner_id.lang)
            rendered = template._generate_template(
                ticket.ids, ("subject", "body_html")
            )[ticket.id]
            for field in ("subject", "body_html"):
                with self.subTest(template=xmlid, field=field):
                    self.assertReads(rendered[field], "zh_TW", "ticket", printed)

    def test_the_rating_request_reads_in_the_customers_language(self):
        for lang, english in (
            ("zh_TW", "rate our services"),
            ("en_US", "rate our services"),
        ):
            with self.subTest(customer=lang):
                ticket = self._ticket(lang)
                agent = self._user(
                    "aftersales", "zh_TW" if lang == "en_US" else "en_US"
                )
                # as helpdesk_mgmt_rating sends it when a ticket reaches our Closed
                # stage
                closed = self.env.ref("cs_management.stage_closed")
                ticket.with_user(agent).rating_send_request(
                    closed.rating_mail_template_id,
                    lang=ticket.partner_id.lang,
                    force_send=False,
                )
                request = ticket.message_ids[:1]
                # the e-mail carries the request; the chatter keeps a line without
                # the links
                sent = (
                    self.env["mail.mail"]
                    .sudo()
                    .search([("mail_message_id", "=", request.id)])
                )
                company = ticket.company_id
                # the e-mail's layout prints the company's card and Odoo's name
                printed = (
                    ticket.name,
                    ticket.number,
                    ticket.user_id.name,
                    ticket.stage_id.name,
                )
                printed += (
                    company.name,
                    company.email,
                    company.website,
                    company.phone,
                    "Odoo",
                )
                self.assertReads(sent.body_html, lang, english, printed)
                self.assertReads(request.subject, lang, "Satisfaction Survey", printed)

    def test_hand_off_progress_reads_in_the_customers_language(self):
        for lang, agent_lang in (("zh_TW", "en_US"), ("en_US", "zh_TW")):
            with self.subTest(customer=lang):
                ticket = self._ticket(lang)
                agent = self._user("aftersales", agent_lang)
                department = self.env["hr.department"].search([], limit=1)
                before = ticket.message_ids
                self.env["cs.ticket.handoff"].with_user(agent).create(
                    {
                        "ticket_id": ticket.id,
                        "department_id": department.id,
                        "user_id": agent.id,
                        "request": "Test the batch",
                        "date_due": "2030-01-10",
                    }
                )
                told = (ticket.message_ids - before).filtered(
                    lambda m, ticket=ticket: ticket.partner_id in m.partner_ids
                )
                self.assertEqual(len(told), 1, "the customer hears of the hand-off")
                printed = (
                    ticket.partner_id.name,
                    ticket.number,
                    department.with_context(lang=lang).name,
                    "2030",
                )
                self.assertReads(told.body, lang, "we have asked our", printed)

    def test_quality_result_reads_in_the_agents_language(self):
        inspection = self.env["cs.qa.inspection"].search(
            [
                ("state", "=", "draft"),
                ("kind", "!=", "calibration"),
                ("passed", "=", True),
            ],
            limit=1,
        )
        self.assertTrue(inspection, "no draft inspection to publish in the demo data")
        for agent_lang, reviewer_lang in (("zh_TW", "en_US"), ("en_US", "zh_TW")):
            with self.subTest(agent=agent_lang):
                self._user(inspection.agent_id.login, agent_lang)
                reviewer = self._user(inspection.reviewer_id.login, reviewer_lang)
                with self.env.cr.savepoint() as savepoint:
                    inspection.with_user(reviewer).action_publish()
                    notice = inspection.message_ids.filtered(
                        lambda m: inspection.agent_id.partner_id in m.partner_ids
                    )[:1]
                    self.assertReads(notice.body, agent_lang, "Your quality result")
                    activity = inspection.activity_ids.filtered(
                        lambda a: a.user_id == inspection.agent_id
                    )
                    self.assertReads(
                        activity.summary, agent_lang, "acknowledge your quality result"
                    )
                    savepoint.rollback()
                    inspection.invalidate_recordset()

    def test_appraisal_step_reads_in_the_employees_language(self):
        form = self.env["cs.appraisal"].search(
            [
                ("state", "=", "open"),
                ("user_id", "!=", False),
                ("supervisor_user_id", "!=", False),
            ],
            limit=1,
        )
        self.assertTrue(form, "no open appraisal in the demo data")
        for employee_lang, supervisor_lang in (("zh_TW", "en_US"), ("en_US", "zh_TW")):
            with self.subTest(employee=employee_lang):
                employee = self._user(form.user_id.login, employee_lang)
                supervisor = self._user(form.supervisor_user_id.login, supervisor_lang)
                with self.env.cr.savepoint() as savepoint:
                    form.with_user(supervisor).action_start()
                    activity = form.activity_ids.filtered(
                        lambda a, employee=employee: a.user_id == employee
                    )
                    self.assertEqual(len(activity), 1)
                    self.assertReads(
                        activity.summary, employee_lang, "Fill in your self-assessment"
                    )
                    savepoint.rollback()
                    form.invalidate_recordset()

    def test_certificate_reminder_reads_in_each_users_language(self):
        """The cron warns the holder (zh_TW) and their manager (English)."""
        Certificate = self.env["cs.training.certificate"]
        certificate = Certificate.search(
            [
                ("employee_id.user_id", "!=", False),
                ("employee_id.parent_id.user_id", "!=", False),
                ("expiry_date", "!=", False),
            ],
            limit=1,
        )
        self.assertTrue(
            certificate, "no certificate of an employee with a manager in the demo data"
        )
        holder = self._user(certificate.employee_id.user_id.login, "zh_TW")
        manager = self._user(certificate.employee_id.parent_id.user_id.login, "en_US")
        self.assertNotEqual(holder, manager)
        certificate.sudo().write(
            {
                "expiry_date": date.today() + relativedelta(days=3),
                "reminded_on": False,
                "renewed_by_id": False,
            }
        )
        Certificate._cron_remind_expiring()
        renewal = self.env.ref("cs_training.mail_activity_certificate_renewal")
        activities = certificate.activity_ids.filtered(
            lambda a: a.activity_type_id == renewal
        )
        session = certificate.renewal_attendee_id.course_schedule_id
        printed = (
            certificate.employee_id.name,
            certificate.course_id.with_context(lang="zh_TW").name,
            session.name,
        )
        for user, lang in ((holder, "zh_TW"), (manager, "en_US")):
            activity = activities.filtered(lambda a, u=user: a.user_id == u)
            self.assertEqual(len(activity), 1, f"no reminder for {user.login}")
            self.assertReads(activity.summary, lang, "expires on", printed)
        log = certificate.message_ids[:1]
        self.assertReads(log.body, "zh_TW", "expires on", printed)
