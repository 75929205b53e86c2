"""Customers' contact details as read-only staff (trainers, auditors), who
see them masked, try to learn them another way: grouping by them, searching
or sorting by them one guess at a time, a display name that carries the
address, a name search that also matches e-mails, a computed or normalised
copy, a related path, an export through a relation. Every attempt is refused
or masked."""

from odoo.exceptions import AccessError

from .common import READ_ONLY_ROLES, SecurityCase, add_attempts

EMAIL = "hsiaoyu@example.com"
PHONE = "+886 912 345 678"
STREET = "No. 1, Songshou Rd."


class TestPersonalDataAttempts(SecurityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.write({"phone": PHONE, "street": STREET, "city": "Taipei"})
        cls.ticket_a.partner_email = EMAIL

    def _assert_nothing_written(self):
        """Nothing here writes: a refusal is the whole check."""

    def _as(self, role, model):
        return self.env[model].with_user(self._user(role))

    def _assert_hidden(self, text):
        for secret in (EMAIL, "hsiaoyu@", "912 345", STREET):
            self.assertNotIn(secret, str(text))

    # -- grouping --------------------------------------------------------
    def _attempt_group_partners_by_email(self, role):
        self._refused(
            lambda: self._as(role, "res.partner").read_group(
                [], ["id:count"], ["email"]
            )
        )

    def _attempt_group_tickets_by_customer_email(self, role):
        self._refused(
            lambda: self._as(role, "helpdesk.ticket").read_group(
                [], ["id:count"], ["partner_email"]
            )
        )

    def _attempt_aggregate_emails(self, role):
        self._refused(
            lambda: self._as(role, "res.partner")._read_group(
                [], [], ["email:array_agg"]
            )
        )

    def _attempt_order_groups_by_email(self, role):
        # the order of the groups, one customer a group, ranks their e-mails
        self._refused(
            lambda: self._as(role, "res.partner")._read_group(
                [], ["id"], ["__count"], order="email:max desc"
            )
        )

    # -- searching and sorting as an oracle ------------------------------
    def _attempt_search_by_email(self, role):
        self._refused(
            lambda: self._as(role, "res.partner").search_count(
                [("email", "=like", "hsiao%")]
            )
        )

    def _attempt_search_by_phone(self, role):
        self._refused(
            lambda: self._as(role, "res.partner").search([("phone", "ilike", "345")])
        )

    def _attempt_search_tickets_through_the_customer(self, role):
        self._refused(
            lambda: self._as(role, "helpdesk.ticket").search(
                [("partner_id.email", "ilike", "hsiao")]
            )
        )

    def _attempt_search_tickets_with_any(self, role):
        self._refused(
            lambda: self._as(role, "helpdesk.ticket").search(
                [("partner_id", "any", [("street", "ilike", "Songshou")])]
            )
        )

    def _attempt_search_tickets_by_email(self, role):
        self._refused(
            lambda: self._as(role, "helpdesk.ticket").search(
                [("partner_email", "ilike", "hsiao")]
            )
        )

    def _attempt_search_normalised_email(self, role):
        self._refused(
            lambda: self._as(role, "res.partner").search(
                [("email_normalized", "=", EMAIL)]
            )
        )

    def _attempt_sort_by_email(self, role):
        self._refused(
            lambda: self._as(role, "res.partner").search([], order="email desc")
        )

    def _attempt_name_search_by_email(self, role):
        found = self._as(role, "res.partner").name_search("hsiaoyu@example")
        self.assertNotIn(self.customer.id, [partner_id for partner_id, _name in found])

    # -- reading another way ---------------------------------------------
    def _attempt_display_name_with_email(self, role):
        partner = self.customer.with_user(self._user(role)).with_context(
            show_email=True, show_address=True
        )
        self.env.invalidate_all()
        self._assert_hidden(partner.display_name)
        self.assertIn("Lin Hsiao-yu", partner.display_name)

    def _attempt_read_computed_copies(self, role):
        self.env.invalidate_all()
        values = self.customer.with_user(self._user(role)).read(
            [
                "email_formatted",
                "email_normalized",
                "contact_address",
                "contact_address_inline",
            ]
        )[0]
        self._assert_hidden(values)

    def _attempt_web_read_related_path(self, role):
        self.env.invalidate_all()
        values = self.ticket_a.with_user(self._user(role)).web_read(
            {"partner_id": {"fields": {"email": {}, "phone": {}, "street": {}}}}
        )[0]
        self._assert_hidden(values)

    def _attempt_export_through_a_relation(self, role):
        user = self._user(role)
        user.groups_id = [(4, self.env.ref("base.group_allow_export").id)]
        self._refused(
            lambda: self.ticket_a.with_user(user).export_data(
                ["name", "partner_id/email"]
            )
        )
        self.assertFalse(
            self.env["cs.data.export.log"].search([]),
            "a refused export was logged as done",
        )


add_attempts(
    TestPersonalDataAttempts,
    READ_ONLY_ROLES,
    (
        "group_partners_by_email",
        "group_tickets_by_customer_email",
        "aggregate_emails",
        "order_groups_by_email",
        "search_by_email",
        "search_by_phone",
        "search_tickets_through_the_customer",
        "search_tickets_with_any",
        "search_tickets_by_email",
        "search_normalised_email",
        "sort_by_email",
        "name_search_by_email",
        "display_name_with_email",
        "read_computed_copies",
        "web_read_related_path",
        "export_through_a_relation",
    ),
)


class TestServiceStaffStillWork(SecurityCase):
    """The guard is for those who see details masked: the staff who serve
    the customer search, group and find them by their details."""

    def _assert_nothing_written(self):
        """Nothing here writes."""

    def test_an_agent_finds_the_customer_by_email_and_phone(self):
        self.customer.phone = PHONE
        partners = self.env["res.partner"].with_user(self.agent_a.user_id)
        self.assertIn(self.customer, partners.search([("email", "=", EMAIL)]))
        self.assertIn(
            self.customer.id,
            [pid for pid, _name in partners.name_search("hsiaoyu@example")],
        )
        groups = partners.read_group(
            [("id", "=", self.customer.id)], ["id:count"], ["email"]
        )
        self.assertEqual(groups[0]["email"], EMAIL)
        partner = self.customer.with_user(self.agent_a.user_id).with_context(
            show_email=True
        )
        self.assertIn(EMAIL, partner.display_name)

    def test_read_only_staff_still_find_customers_by_name(self):
        for role in READ_ONLY_ROLES:
            partners = self.env["res.partner"].with_user(self._user(role))
            self.assertIn(
                self.customer.id,
                [pid for pid, _name in partners.name_search("Lin Hsiao")],
            )
            tickets = self.env["helpdesk.ticket"].with_user(self._user(role))
            self.assertIn(
                self.ticket_a, tickets.search([("partner_id", "ilike", "Lin Hsiao")])
            )
            with self.assertRaises(AccessError):
                tickets.search([("partner_id.phone", "ilike", "345")])
