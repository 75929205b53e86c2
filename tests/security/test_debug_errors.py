"""Debug mode, which any employee switches on with ``?debug=1``, makes
Odoo's refusals name the refused records and the rules that refused them.
Customer Service staff reading another store's records over JSON-RPC get
the refusal without either; other users keep Odoo's debug details."""

import json

from odoo.tests import new_test_user
from odoo.tools import mute_logger

from .common import OTHER_STORE_ROLES, READ_ONLY_ROLES, SecurityHttpCase, add_attempts

JSON = {"Content-Type": "application/json"}


class TestDebugRefusals(SecurityHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.ticket_b | cls.ticket_c).sudo().name = "Refund for Mrs Secret"

    def _refusal_in_debug(self, user, model, record):
        """The message of the refusal a JSON-RPC ``read`` gets in debug mode."""
        self.authenticate(user.login, user.login)
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": model,
                "method": "read",
                "args": [record.ids, ["display_name"]],
                "kwargs": {},
            },
        }
        with mute_logger("odoo.http", "odoo.addons.base.models.ir_rule"):
            response = self.url_open(
                "/web/dataset/call_kw/read?debug=1", json.dumps(payload), headers=JSON
            )
        error = response.json()["error"]["data"]
        self.assertEqual(error["name"], "odoo.exceptions.AccessError")
        return error["message"]

    def _assert_no_names(self, message):
        self.assertIn("read", message)
        self.assertNotIn("Mrs Secret", message)
        self.assertNotIn(self.customer.name, message)
        self.assertNotIn("Blame the following rules", message)

    def _attempt_read_other_store_ticket(self, role):
        self._assert_no_names(
            self._refusal_in_debug(self._user(role), "helpdesk.ticket", self.ticket_b)
        )

    def _attempt_read_other_store_rating(self, role):
        self._assert_no_names(
            self._refusal_in_debug(self._user(role), "rating.rating", self.rating["b"])
        )

    def _attempt_read_other_company_ticket(self, role):
        self._assert_no_names(
            self._refusal_in_debug(self._user(role), "helpdesk.ticket", self.ticket_c)
        )

    def test_other_users_keep_odoos_debug_details(self):
        """The same refusal names the record for a helpdesk user outside
        Customer Service: debug mode is on, and only our staff are spared."""
        plain = new_test_user(
            self.env,
            "t_plain_debug",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user_own",
        )
        message = self._refusal_in_debug(plain, "helpdesk.ticket", self.ticket_b)
        self.assertIn("Mrs Secret", message)


add_attempts(
    TestDebugRefusals,
    OTHER_STORE_ROLES,
    ("read_other_store_ticket", "read_other_store_rating"),
)
add_attempts(TestDebugRefusals, READ_ONLY_ROLES, ("read_other_company_ticket",))
