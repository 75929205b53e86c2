"""STD-1, STD-2: replies to customers follow the service standards."""

from odoo.exceptions import UserError

from .common import CsTicketCase


class TestPhraseRules(CsTicketCase):
    def _reply(self, ticket, body, **kwargs):
        return ticket.with_user(self.agent_a.user_id).message_post(
            body=body, message_type="comment", subtype_xmlid="mail.mt_comment", **kwargs
        )

    def test_a_forbidden_phrase_stops_the_reply_and_names_it(self):
        ticket = self._new_ticket()
        before = len(ticket.message_ids)
        with self.assertRaisesRegex(UserError, "這個問題我們公司不能給您解決"):
            self._reply(ticket, "<p>您好，這個問題我們公司不能給您解決。謝謝</p>")
        self.assertEqual(len(ticket.message_ids), before, "nothing is posted")

    def test_punctuation_spacing_and_script_do_not_hide_a_phrase(self):
        ticket = self._new_ticket()
        with self.assertRaisesRegex(UserError, "forbidden phrase"):
            self._reply(ticket, "<p>您好 这个问题，我们公司 不能给您解决! 再见</p>")
        with self.assertRaisesRegex(UserError, "you should know this yourself"):
            self._reply(ticket, "<p>Hello, You should know THIS yourself. Thanks</p>")

    def test_a_missing_greeting_is_sent_and_counted_against_the_author(self):
        ticket = self._new_ticket()
        message = self._reply(ticket, "<p>Your refund is on its way. Thank you</p>")
        self.assertTrue(message.exists())
        violation = self.env["cs.phrase.violation"].search(
            [("ticket_id", "=", ticket.id)]
        )
        self.assertEqual(
            violation.rule_id, self.env.ref("cs_management.phrase_rule_greeting")
        )
        self.assertEqual(violation.user_id, self.agent_a.user_id)
        self.assertEqual(violation.message_id, message)

    def test_a_courteous_reply_passes_clean(self):
        ticket = self._new_ticket()
        self._reply(
            ticket, "<p>Hello Ms Lin, your refund is on its way. Thank you!</p>"
        )
        self.assertFalse(
            self.env["cs.phrase.violation"].search([("ticket_id", "=", ticket.id)])
        )

    def test_short_english_greetings_match_whole_words_only(self):
        ticket = self._new_ticket()
        self._reply(ticket, "<p>This is within reach. Thanks</p>")
        self.assertTrue(
            self.env["cs.phrase.violation"].search([("ticket_id", "=", ticket.id)]),
            "'hi' in 'this' is no greeting",
        )

    def test_internal_notes_are_not_replies(self):
        ticket = self._new_ticket()
        ticket.with_user(self.agent_a.user_id).message_post(
            body="<p>這個問題我們公司不能給您解決</p>",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        self.assertFalse(
            self.env["cs.phrase.violation"].search([("ticket_id", "=", ticket.id)])
        )

    def test_rules_can_be_limited_to_channels_and_set_to_block(self):
        social = self.env.ref("cs_management.channel_social_message")
        self.env["cs.phrase.rule"].create(
            {
                "name": "Emoji-free replies on social media",
                "rule_type": "forbidden",
                "phrases": "lol",
                "action": "block",
                "channel_ids": [(6, 0, social.ids)],
            }
        )
        phone_ticket = self._new_ticket()
        self._reply(phone_ticket, "<p>Hello, lol. Thanks</p>")
        social_ticket = self._new_ticket(channel_id=social.id)
        with self.assertRaisesRegex(UserError, "lol"):
            self._reply(social_ticket, "<p>Hello, lol. Thanks</p>")

    def test_the_solution_told_to_the_customer_is_checked_too(self):
        ticket = self._new_ticket(cs_solution="<p>您好，这个问题我不会处理。谢谢</p>")
        with self.assertRaisesRegex(UserError, "这个问题我不会处理"):
            ticket.action_cs_tell_result()
        self.assertFalse(ticket.cs_result_told_date)
