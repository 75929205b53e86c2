"""After our addons are uninstalled, the indexes they put on the helpdesk's,
ratings', leads' and messages' tables are gone with them (Odoo itself keeps
an index on a table or column it keeps)."""

from odoo.tools import sql

from tests.common import SuiteCase

# cs_management's hooks.py drops these: the KPI view's day indexes and the
# indexes of its overrides of other modules' fields
LEFT_BEHIND = (
    "helpdesk_ticket_cs_received_at_day_idx",
    "helpdesk_ticket_cs_closed_date_day_idx",
    "rating_rating_cs_create_date_day_idx",
    "crm_lead_cs_date_closed_day_idx",
    "mail_message_cs_ticket_reply_day_idx",
    sql.make_index_name("helpdesk_ticket", "closed_date"),
    sql.make_index_name("helpdesk_ticket_sla", "deadline"),
    sql.make_index_name("helpdesk_ticket_sla", "ticket_id"),
    sql.make_index_name("helpdesk_ticket", "name"),
    sql.make_index_name("helpdesk_ticket", "number"),
    sql.make_index_name("rating_rating", "partner_id"),
    "helpdesk_ticket_open_team_id_index",
    "helpdesk_ticket_open_cs_store_id_index",
    "helpdesk_ticket_open_user_id_index",
    "helpdesk_ticket_open_partner_id_index",
)


class TestIndexesAfterUninstall(SuiteCase):
    def test_our_indexes_on_other_tables_are_gone(self):
        for name in LEFT_BEHIND:
            with self.subTest(index=name):
                self.assertFalse(sql.index_exists(self.env.cr, name))

    def test_the_helpdesk_keeps_its_own_indexes(self):
        self.assertTrue(
            sql.index_exists(
                self.env.cr, sql.make_index_name("helpdesk_ticket", "stage_id")
            )
        )
