"""Ratings (rating.rating) as an attacker from another store or company, or
as read-only staff, tries to see or forge them: every attempt is refused and
leaves the ratings as they were."""

from .common import OTHER_STORE_ROLES, READ_ONLY_ROLES, SecurityCase, add_attempts

RATING_FIELDS = ["rating", "consumed", "feedback", "partner_id", "res_id"]


class TestRatingAttempts(SecurityCase):
    def setUp(self):
        super().setUp()
        self.before = {
            key: self._reread(rating, RATING_FIELDS)
            for key, rating in self.rating.items()
        }
        self.count_before = self.env["rating.rating"].sudo().search_count([])

    def _assert_nothing_written(self):
        for key, rating in self.rating.items():
            self.assertEqual(
                self._reread(rating, RATING_FIELDS),
                self.before[key],
                f"rating of ticket {key} changed",
            )
        self.assertEqual(
            self.env["rating.rating"].sudo().search_count([]),
            self.count_before,
            "a rating was created",
        )

    def _ratings_as(self, role):
        return self.env["rating.rating"].with_user(self._user(role))

    def _own_rating(self, role):
        ticket = self.own_ticket[role]
        return next(
            rating for rating in self.rating.values() if rating.res_id == ticket.id
        )

    # -- reading another store's ratings --------------------------------
    def _attempt_search_read(self, role):
        found = self._ratings_as(role).search_read(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", self.ticket_b.id)],
            ["rating", "feedback"],
        )
        self.assertEqual(
            found, [], f"{role} reads the ratings of another store's ticket"
        )

    def _attempt_read(self, role):
        self._refused(
            lambda: (
                self.rating["b"]
                .with_user(self._user(role))
                .read(["rating", "feedback"])
            )
        )

    def _attempt_read_group(self, role):
        groups = self._ratings_as(role).read_group(
            [("res_model", "=", "helpdesk.ticket")], ["rating:avg"], ["res_id"]
        )
        self.assertNotIn(self.ticket_b.id, [group["res_id"] for group in groups])

    def _attempt_search_by_feedback(self, role):
        # a search on a value of the hidden rating gives nothing away
        self.assertFalse(
            self._ratings_as(role).search_count([("feedback", "=", "Slow answer")])
        )

    # -- forging ---------------------------------------------------------
    def _attempt_write_other(self, role):
        self._refused(
            lambda: self.rating["b"].with_user(self._user(role)).write({"rating": 5})
        )

    def _attempt_unlink_other(self, role):
        self._refused(lambda: self.rating["b"].with_user(self._user(role)).unlink())

    def _attempt_create_on_other(self, role):
        self._refused(
            lambda: self._ratings_as(role).create(self._five_stars(self.ticket_b))
        )

    def _attempt_create_on_own(self, role):
        self._refused(
            lambda: self._ratings_as(role).create(
                self._five_stars(self.own_ticket[role])
            )
        )

    def _attempt_write_own(self, role):
        self._refused(
            lambda: (
                self._own_rating(role)
                .with_user(self._user(role))
                .write({"rating": 5, "consumed": True})
            )
        )

    def _attempt_reset_own(self, role):
        self._refused(
            lambda: self._own_rating(role).with_user(self._user(role)).reset()
        )

    def _attempt_post_rating_value(self, role):
        ticket = self.own_ticket[role].with_user(self._user(role))
        self._refused(
            lambda: ticket.message_post(
                body="Great service", rating_value=5, message_type="comment"
            )
        )

    def _attempt_apply_with_token(self, role):
        rating = self._own_rating(role)
        ticket = self.own_ticket[role].with_user(self._user(role))
        self._refused(lambda: ticket.rating_apply(5, token=rating.sudo().access_token))

    # -- the customer's key to the rating page ---------------------------
    def _attempt_read_own_token(self, role):
        self._refused(
            lambda: (
                self._own_rating(role)
                .with_user(self._user(role))
                .read(["access_token"])
            )
        )

    def _attempt_search_by_token(self, role):
        token = self._own_rating(role).sudo().access_token
        self._refused(
            lambda: self._ratings_as(role).search([("access_token", "=", token)])
        )

    def _attempt_read_token_in_chatter(self, role):
        ticket = self.own_ticket[role]
        template = self.env.ref("helpdesk_mgmt_rating.rating_ticket_email_template")
        ticket.sudo().rating_send_request(template)
        token = ticket._rating_get_access_token()
        sent = (
            self.env["mail.mail"]
            .sudo()
            .search([("model", "=", ticket._name), ("res_id", "=", ticket.id)])
        )
        self.assertIn(
            token,
            "".join(sent.mapped("body_html")),
            "the customer's e-mail keeps its links",
        )
        chatter = ticket.with_user(self._user(role)).message_ids
        self.assertIn("Rating request sent", "".join(chatter.mapped("body")))
        self.assertNotIn(token, str(chatter.read(["body", "preview"])))

    def _five_stars(self, ticket):
        return {
            "res_model_id": self.env["ir.model"]._get_id("helpdesk.ticket"),
            "res_id": ticket.id,
            "partner_id": ticket.partner_id.id,
            "rating": 5,
            "consumed": True,
        }

    # -- what may still be done ------------------------------------------
    def test_staff_read_the_ratings_of_their_own_store(self):
        found = (
            self.env["rating.rating"]
            .with_user(self._user("agent_a"))
            .search(
                [
                    ("res_model", "=", "helpdesk.ticket"),
                    ("res_id", "=", self.ticket_a.id),
                ]
            )
        )
        self.assertEqual(found, self.rating["a"])

    def test_trainers_and_auditors_read_every_rating_of_their_company(self):
        for role in READ_ONLY_ROLES:
            found = self._ratings_as(role).search(
                [("id", "in", [self.rating["a"].id, self.rating["b"].id])]
            )
            self.assertEqual(found, self.rating["a"] | self.rating["b"], role)

    def test_the_customer_rates_through_the_rating_flow(self):
        self.ticket_a.sudo().rating_apply(5, token=self.rating["a"].sudo().access_token)
        self.assertEqual(self.rating["a"].rating, 5)


OTHER_STORE_ATTEMPTS = (
    "search_read",
    "read",
    "read_group",
    "search_by_feedback",
    "write_other",
    "unlink_other",
    "create_on_other",
    "create_on_own",
    "write_own",
    "reset_own",
    "post_rating_value",
    "apply_with_token",
    "read_own_token",
    "search_by_token",
    "read_token_in_chatter",
)
READ_ONLY_ATTEMPTS = (
    "write_other",
    "unlink_other",
    "create_on_own",
    "write_own",
    "reset_own",
    "post_rating_value",
    "apply_with_token",
    "read_own_token",
    "read_token_in_chatter",
)


add_attempts(TestRatingAttempts, OTHER_STORE_ROLES, OTHER_STORE_ATTEMPTS)
add_attempts(TestRatingAttempts, READ_ONLY_ROLES, READ_ONLY_ATTEMPTS)
