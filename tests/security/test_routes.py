"""The browser routes of helpdesk_mgmt and of Odoo's rating and chatter, as
an attacker uses them: a link (GET), a form posted from another site (POST
without the session's CSRF token) and a well-formed POST as a user of
another store or company, read-only staff or another customer. Each attempt
is refused with the HTTP status that says why, and changes nothing."""

import json

from odoo import http
from odoo.tests import new_test_user
from odoo.tools import mute_logger

from .common import OTHER_STORE_ROLES, READ_ONLY_ROLES, SecurityHttpCase, add_attempts

# what a well-formed closing POST gets, by who sends it
CLOSE_REFUSAL = {
    "agent_a": 404,
    "supervisor_a": 404,
    "store_manager_a": 404,
    "agent_c": 404,
    "trainer": 403,
    "auditor": 403,
    "portal_other": 404,
}


class TestRouteAttempts(SecurityHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cancelled = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled")
        cls.portal_other = new_test_user(
            cls.env, "t_portal_other", groups="base.group_portal"
        )
        cls.portal_customer = new_test_user(
            cls.env, "t_portal_customer", groups="base.group_portal"
        )
        Category = cls.env["helpdesk.ticket.category"]
        cls.category_of_company = {
            company: Category.create(
                {"name": f"{company.name}'s category", "company_id": company.id}
            )
            for company in (cls.company, cls.other_company)
        }
        cls.category_hidden = Category.create(
            {"name": "Internal only", "show_in_portal": False}
        )
        (cls.company | cls.other_company).helpdesk_mgmt_portal_select_team = True
        (cls.team_a | cls.team_c).show_in_portal = True

    def setUp(self):
        super().setUp()
        self.ticket_before = self._reread(self.ticket_b, ["stage_id", "closed"])
        self.tickets_before = self.env["helpdesk.ticket"].sudo().search_count([])
        self.ratings_before = {
            key: self._reread(rating, ["rating", "consumed"])
            for key, rating in self.rating.items()
        }

    def _login(self, role):
        user = self.portal_other if role == "portal_other" else self._user(role)
        self.authenticate(user.login, user.login)
        return user

    def _assert_nothing_written(self):
        self.assertEqual(
            self._reread(self.ticket_b, ["stage_id", "closed"]), self.ticket_before
        )
        self.assertEqual(
            self.env["helpdesk.ticket"].sudo().search_count([]), self.tickets_before
        )
        for key, rating in self.rating.items():
            self.assertEqual(
                self._reread(rating, ["rating", "consumed"]), self.ratings_before[key]
            )

    def _assert_refused(self, response, status):
        self.assertEqual(response.status_code, status, response.text[:300])
        self._assert_nothing_written()

    def _csrf(self):
        return http.Request.csrf_token(self)

    def _get(self, url, **params):
        with mute_logger("odoo.http", "werkzeug"):
            return self.opener.get(
                self.base_url() + url, params=params, allow_redirects=False, timeout=30
            )

    def _post(self, url, **data):
        with mute_logger("odoo.http", "werkzeug"):
            return self.opener.post(
                self.base_url() + url, data=data, allow_redirects=False, timeout=30
            )

    def _close_params(self, ticket=None):
        return {
            "ticket_id": (ticket or self.ticket_b).id,
            "stage_id": self.cancelled.id,
        }

    # -- /ticket/close --------------------------------------------------
    def _attempt_close_by_link(self, role):
        self._login(role)
        self._assert_refused(self._get("/ticket/close", **self._close_params()), 405)

    def _attempt_close_by_link_with_token(self, role):
        self._login(role)
        self._assert_refused(
            self._get("/ticket/close", csrf_token=self._csrf(), **self._close_params()),
            405,
        )

    def _attempt_close_by_cross_site_post(self, role):
        self._login(role)
        self._assert_refused(self._post("/ticket/close", **self._close_params()), 400)

    def _attempt_close_by_post(self, role):
        self._login(role)
        response = self._post(
            "/ticket/close", csrf_token=self._csrf(), **self._close_params()
        )
        self._assert_refused(response, CLOSE_REFUSAL[role])

    def test_nobody_signs_up_unless_the_company_opens_sign_up(self):
        """Portal sign-up is on invitation (Odoo's default, which we keep):
        a stranger gets no account, by the page or by a crafted POST."""
        users_before = (
            self.env["res.users"]
            .sudo()
            .with_context(active_test=False)
            .search_count([])
        )
        self.authenticate(None, None)
        self.assertEqual(self._get("/web/signup").status_code, 404)
        fields = {
            "login": "intruder@example.com",
            "name": "Intruder",
            "password": "x" * 12,
        }
        self.assertEqual(
            self._post(
                "/web/signup",
                csrf_token=self._csrf(),
                confirm_password="x" * 12,
                **fields,
            ).status_code,
            404,
        )
        self.assertEqual(
            self.env["res.users"]
            .sudo()
            .with_context(active_test=False)
            .search_count([]),
            users_before,
        )

    def test_a_malformed_ticket_number_is_refused(self):
        self._login("agent_a")
        params = dict(self._close_params(), ticket_id="0 OR 1=1")
        self._assert_refused(
            self._post("/ticket/close", csrf_token=self._csrf(), **params), 400
        )

    # -- /submitted/ticket ------------------------------------------------
    def _ticket_form(self, user, **values):
        """The portal form, filled in as ``user`` may: a category of its company."""
        form = {
            "subject": "Forged ticket",
            "description": "Filed by an attacker",
            "category": self.category_of_company[user.company_id].id,
        }
        form.update(values)
        return form

    def _attempt_submit_by_link(self, role):
        user = self._login(role)
        self._assert_refused(
            self._get("/submitted/ticket", **self._ticket_form(user)), 405
        )

    def _attempt_submit_by_cross_site_post(self, role):
        user = self._login(role)
        self._assert_refused(
            self._post("/submitted/ticket", **self._ticket_form(user)), 400
        )

    def _other_company(self, user):
        return (
            self.company
            if user.company_id == self.other_company
            else self.other_company
        )

    def _attempt_submit_in_other_company_category(self, role):
        user = self._login(role)
        form = self._ticket_form(
            user, category=self.category_of_company[self._other_company(user)].id
        )
        self._assert_refused(
            self._post("/submitted/ticket", csrf_token=self._csrf(), **form), 400
        )

    def _attempt_submit_in_hidden_category(self, role):
        user = self._login(role)
        form = self._ticket_form(user, category=self.category_hidden.id)
        self._assert_refused(
            self._post("/submitted/ticket", csrf_token=self._csrf(), **form), 400
        )

    def _attempt_submit_to_other_company_team(self, role):
        user = self._login(role)
        team = self.team_a if self._other_company(user) == self.company else self.team_c
        form = self._ticket_form(user, team=team.id)
        self._assert_refused(
            self._post("/submitted/ticket", csrf_token=self._csrf(), **form), 400
        )

    # -- ratings through the chatter and the rating page --------------------
    def _attempt_rate_through_chatter(self, role):
        self._login(role)
        ticket = self.own_ticket[role]
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "thread_model": "helpdesk.ticket",
                "thread_id": ticket.id,
                "post_data": {
                    "body": "Excellent service",
                    "message_type": "comment",
                    "rating_value": 5,
                },
            },
        }
        with mute_logger("odoo.http"):
            response = self.opener.post(
                self.base_url() + "/mail/message/post",
                data=json.dumps(payload),
                headers={"Content-Type": "application/json"},
                timeout=30,
            )
        self.assertIn("error", response.json())
        self._assert_nothing_written()

    def _attempt_rate_through_rating_page(self, role):
        self._login(role)
        rating = next(
            r for r in self.rating.values() if r.res_id == self.own_ticket[role].id
        )
        response = self._post(
            f"/rate/{rating.sudo().access_token}/submit_feedback",
            rate=5,
            feedback="Perfect",
            csrf_token=self._csrf(),
        )
        self._assert_refused(response, 403)

    # -- what may still be done ----------------------------------------------
    def test_the_store_agent_cancels_its_ticket_from_the_portal(self):
        self._login("agent_b")
        response = self._post(
            "/ticket/close", csrf_token=self._csrf(), **self._close_params()
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.ticket_b.stage_id, self.cancelled)

    def test_the_customer_cancels_its_ticket_from_the_portal(self):
        ticket = self._ticket("Portal customer's ticket", self.team_b, self.agent_b)
        ticket.partner_id = self.portal_customer.partner_id
        self.authenticate(self.portal_customer.login, self.portal_customer.login)
        page = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertIn('method="POST"', page.text)
        self.assertIn('name="csrf_token"', page.text)
        response = self._post(
            "/ticket/close", csrf_token=self._csrf(), **self._close_params(ticket)
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(ticket.stage_id, self.cancelled)

    def test_a_customer_files_a_ticket_in_a_portal_category(self):
        self.authenticate(self.portal_customer.login, self.portal_customer.login)
        response = self._post(
            "/submitted/ticket",
            csrf_token=self._csrf(),
            **self._ticket_form(self.portal_customer),
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            self.env["helpdesk.ticket"]
            .search([("name", "=", "Forged ticket")])
            .partner_id,
            self.portal_customer.partner_id,
        )

    def test_the_customer_rates_through_the_rating_page(self):
        self.authenticate(None, None)
        response = self._post(
            f"/rate/{self.rating['a'].sudo().access_token}/submit_feedback",
            rate=5,
            csrf_token=self._csrf(),
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.rating["a"].rating, 5)


CLOSE_ATTEMPTS = (
    "close_by_link",
    "close_by_link_with_token",
    "close_by_cross_site_post",
    "close_by_post",
)
SUBMIT_ATTEMPTS = (
    "submit_by_link",
    "submit_by_cross_site_post",
    "submit_in_other_company_category",
    "submit_in_hidden_category",
    "submit_to_other_company_team",
)
RATING_ATTEMPTS = ("rate_through_chatter", "rate_through_rating_page")


add_attempts(
    TestRouteAttempts,
    (*OTHER_STORE_ROLES, *READ_ONLY_ROLES, "portal_other"),
    CLOSE_ATTEMPTS,
)
add_attempts(TestRouteAttempts, ("agent_a", "agent_c", "portal_other"), SUBMIT_ATTEMPTS)
add_attempts(TestRouteAttempts, (*OTHER_STORE_ROLES, *READ_ONLY_ROLES), RATING_ATTEMPTS)
