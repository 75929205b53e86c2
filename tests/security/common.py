"""The organisation of cs_management's tests (two stores of one company, a
store of another company, a reporting line, a trainer and an auditor), with
what an attacker goes after: the other store's ticket, its rating, its
deadline lines and its followers."""

from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from odoo.addons.cs_management.tests.common import CsTicketCase

from ..common import SuiteCase, SuiteHttpCase

# who attacks store B's records, by the name of its employee in CsOrganisationCase
OTHER_STORE_ROLES = ("agent_a", "supervisor_a", "store_manager_a", "agent_c")
# who reads every ticket and must change nothing
READ_ONLY_ROLES = ("trainer", "auditor")


class _SecurityFixture:
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket_b.partner_id = cls.customer
        cls.ticket_a.partner_id = cls.customer
        cls.ticket_c.partner_id = cls.customer
        cls.rating = {
            "a": cls._rating_request(cls.ticket_a),
            "b": cls._rating_request(cls.ticket_b),
            "c": cls._rating_request(cls.ticket_c),
        }
        cls.rating["b"].write(
            {"rating": 2, "consumed": True, "feedback": "Slow answer"}
        )
        cls.sla_line_b = cls._deadline_line(cls.ticket_b)
        cls.ticket_b.message_subscribe(partner_ids=cls.customer.ids)
        cls.follower_b = cls.env["mail.followers"].search(
            [
                ("res_model", "=", "helpdesk.ticket"),
                ("res_id", "=", cls.ticket_b.id),
                ("partner_id", "=", cls.customer.id),
            ]
        )
        # what an attacker's "own" ticket is: one of its store (or company)
        cls.own_ticket = {
            "agent_a": cls.ticket_a,
            "supervisor_a": cls.ticket_a,
            "store_manager_a": cls.ticket_a,
            "agent_c": cls.ticket_c,
            "trainer": cls.ticket_a,
            "auditor": cls.ticket_a,
        }

    @classmethod
    def _rating_request(cls, ticket):
        """The rating request the customer receives: a rating waiting for
        its value, as Odoo creates it when the request is sent."""
        token = ticket._rating_get_access_token()
        return cls.env["rating.rating"].search([("access_token", "=", token)])

    @classmethod
    def _deadline_line(cls, ticket):
        line = ticket.ticket_sla_ids[:1]
        if not line:
            policy = cls.env["helpdesk.sla"].search([], limit=1)
            line = cls.env["helpdesk.ticket.sla"].create(
                {"ticket_id": ticket.id, "sla_id": policy.id}
            )
        return line

    @classmethod
    def _user(cls, role):
        return getattr(cls, role).user_id

    def _reread(self, records, fnames):
        """``records``' values as the database has them, read as superuser."""
        self.env.invalidate_all()
        return records.sudo().read(fnames)


class SecurityCase(_SecurityFixture, SuiteCase, CsTicketCase):
    def _assert_nothing_written(self):
        raise NotImplementedError

    def _refused(self, attempt):
        """``attempt`` raises an AccessError; what it did before is rolled
        back, as the RPC request's transaction would be."""
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.models", "odoo.addons.base.models.ir_rule"),
        ):
            with self.env.cr.savepoint():
                attempt()
                self.env.flush_all()
        self._assert_nothing_written()


class SecurityHttpCase(_SecurityFixture, SuiteHttpCase, CsTicketCase):
    pass


def add_attempts(case, roles, attempts):
    """Add to ``case`` one test per role and attempt, calling
    ``case._attempt_<attempt>(role)``: each counts, and fails, on its own."""
    for role in roles:
        for attempt in attempts:
            setattr(case, f"test_{role}_{attempt}", _attempt_test(attempt, role))


def _attempt_test(attempt, role):
    def test(self):
        getattr(self, f"_attempt_{attempt}")(role)

    test.__doc__ = f"{role}: {attempt.replace('_', ' ')} is refused"
    return test
