"""SOC-1..2: public-opinion incidents, their severity and who hears of them."""

from .common import CsTicketCase


class TestPublicOpinion(CsTicketCase):
    def _incident(self, **values):
        vals = {
            "cs_po_platform": "instagram",
            "cs_po_author": "@glowdiary",
            "cs_po_content": "The sunscreen left white marks",
            "cs_po_sentiment": "negative",
        }
        vals.update(values)
        return self._new_ticket("public_opinion", **vals)

    def test_severity_follows_reach_and_sentiment(self):
        cases = [
            ({"cs_po_views": 300}, "minor"),
            ({"cs_po_views": 1500}, "normal"),
            ({"cs_po_comments": 25}, "normal"),
            ({"cs_po_views": 12000}, "major"),
            ({"cs_po_shares": 150}, "major"),
            ({"cs_po_views": 150000}, "critical"),
            ({"cs_po_views": 12000, "cs_po_sentiment": "very_negative"}, "critical"),
            ({"cs_po_views": 150000, "cs_po_sentiment": "positive"}, "minor"),
        ]
        for values, expected in cases:
            with self.subTest(**values):
                self.assertEqual(self._incident(**values).cs_severity, expected)

    def test_severity_moves_with_the_reach(self):
        ticket = self._incident(cs_po_views=500)
        self.assertEqual(ticket.cs_severity, "minor")
        ticket.cs_po_views = 20000
        self.assertEqual(ticket.cs_severity, "major")

    def test_thresholds_are_configuration(self):
        self.env.ref("cs_management.opinion_threshold_normal").min_views = 200
        self.assertEqual(self._incident(cs_po_views=300).cs_severity, "normal")

    def test_measures_follow_the_severity(self):
        ticket = self._incident(cs_po_views=20000)
        self.assertIn("Publish a clarification", ticket.cs_po_measures)
        self.assertNotIn("Reply under the post", ticket.cs_po_measures)

    def test_management_hears_of_top_severities_once_per_level(self):
        ticket = self._incident(cs_po_views=500)
        manager_partner = self.cs_manager.user_id.partner_id

        def reports():
            return ticket.message_ids.filtered(
                lambda m: manager_partner in m.partner_ids
            )

        self.assertFalse(reports())
        ticket.cs_po_views = 20000
        self.assertEqual(len(reports()), 1)
        self.assertIn(manager_partner, ticket.message_partner_ids)
        ticket.cs_po_comments = 300  # still major
        self.assertEqual(len(reports()), 1)
        ticket.cs_po_views = 200000
        self.assertEqual(len(reports()), 2)
        self.assertIn("Critical", reports()[0].body)

    def test_the_notification_level_is_a_setting(self):
        self.env.company.cs_opinion_notify_severity = "critical"
        ticket = self._incident(cs_po_views=20000)
        self.assertFalse(
            ticket.message_ids.filtered(
                lambda m: self.cs_manager.user_id.partner_id in m.partner_ids
            )
        )
