"""The demo's past service (cs_management/demo/history.py): real actions
run on a clock set back, so every date tells the same story."""

from datetime import timedelta

from odoo import fields
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoHistory(TransactionCase):
    def setUp(self):
        super().setUp()
        self.history = self.env["helpdesk.ticket"].search(
            [("description", "ilike", "過往服務紀錄")]
        )

    def test_weeks_of_past_service_in_every_store(self):
        days = {ticket.create_date.date() for ticket in self.history}
        self.assertGreaterEqual((max(days) - min(days)).days, 28)
        self.assertLess(max(days), fields.Date.today())
        stores = self.env["cs.store"].search([])
        self.assertEqual(
            self.history.cs_store_id, stores.filtered(lambda s: s.helpdesk_team_ids)
        )

    def test_answers_and_closings_follow_the_request_in_time(self):
        closed = self.history.filtered("closed_date")
        self.assertGreater(len(closed), len(self.history) // 2)
        now = fields.Datetime.now()
        for ticket in closed:
            self.assertLessEqual(ticket.create_date, ticket.cs_first_response_date)
            self.assertLessEqual(ticket.cs_first_response_date, ticket.closed_date)
            self.assertLessEqual(ticket.closed_date, now)
            last_message = max(ticket.message_ids.mapped("date"))
            self.assertLessEqual(
                last_message,
                ticket.closed_date + timedelta(seconds=1),
                ticket.display_name,
            )

    def test_ratings_given_when_the_ticket_closed(self):
        ratings = self.env["rating.rating"].search(
            [
                ("res_model", "=", "helpdesk.ticket"),
                ("res_id", "in", self.history.ids),
                ("consumed", "=", True),
            ]
        )
        self.assertTrue(ratings)
        closing = {ticket.id: ticket.closed_date for ticket in self.history}
        for rating in ratings:
            self.assertAlmostEqual(
                rating.create_date, closing[rating.res_id], delta=timedelta(seconds=1)
            )
