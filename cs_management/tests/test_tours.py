from odoo.tests import HttpCase, tagged

from .common import CsOrganisationCase


@tagged("post_install", "-at_install")
class TestStoreManagerTour(HttpCase, CsOrganisationCase):
    def test_store_manager_sees_only_its_store_tickets(self):
        self.start_tour(
            "/odoo", "cs_store_manager_sees_own_store", login=self.store_manager_a.user_id.login
        )
