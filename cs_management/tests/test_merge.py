"""DESK-4, merging duplicates with OCA's wizard: what the duplicate holds
moves to the kept ticket; never across companies."""

import base64

from odoo import Command
from odoo.exceptions import AccessError, UserError

from .common import CsTicketCase


class TestMerge(CsTicketCase):
    def _merge(self, user, kept, duplicates):
        tickets = kept | duplicates
        wizard = (
            self.env["helpdesk.ticket.merge"]
            .with_user(user)
            .with_context(active_ids=tickets.ids)
            .create(
                {"ticket_ids": [Command.set(tickets.ids)], "dst_ticket_id": kept.id}
            )
        )
        return wizard.merge_tickets()

    def test_duplicate_merged_into_the_kept_ticket(self):
        kept = self._new_ticket("complaint", cs_solution_deadline="2030-02-01")
        duplicate = self._new_ticket("complaint", cs_solution_deadline="2030-01-20")
        duplicate.message_post(
            body="The cream burnt my skin, here is a photo",
            author_id=self.customer.id,
            message_type="email",
            subtype_xmlid="mail.mt_comment",
        )
        photo = self.env["ir.attachment"].create(
            {
                "name": "photo.png",
                "datas": base64.b64encode(b"png"),
                "res_model": "helpdesk.ticket",
                "res_id": duplicate.id,
            }
        )
        colleague = self.env["res.partner"].create({"name": "Customer's husband"})
        duplicate.message_subscribe(partner_ids=colleague.ids)
        visit = self.env["cs.followup"].create(
            {
                "ticket_id": duplicate.id,
                "partner_id": self.customer.id,
                "user_id": self.agent_a.user_id.id,
                "date_due": "2030-02-10",
            }
        )
        handoff = self.env["cs.ticket.handoff"].create(
            {
                "ticket_id": duplicate.id,
                "department_id": self.quality.id,
                "user_id": self.agent_a.user_id.id,
                "request": "Test the batch",
                "date_due": "2030-01-10",
            }
        )

        self._merge(self.agent_a.user_id, kept, duplicate)

        self.assertFalse(duplicate.active)
        self.assertIn(
            "burnt my skin", "".join(map(str, kept.message_ids.mapped("body")))
        )
        self.assertEqual(photo.res_id, kept.id)
        self.assertIn(colleague, kept.message_partner_ids)
        self.assertEqual(visit.ticket_id, kept)
        self.assertEqual(handoff.ticket_id, kept)
        self.assertEqual(str(kept.cs_solution_deadline), "2030-01-20")
        self.assertFalse(kept.cs_phrase_violation_ids, "the merge notice is no reply")

    def test_two_companies_refused(self):
        manager = self.cs_manager.user_id
        manager.company_ids = [Command.link(self.other_company.id)]
        messages = len(self.ticket_c.message_ids)
        with self.assertRaisesRegex(UserError, "different companies"):
            self._merge(manager, self.ticket_a, self.ticket_c)
        self.assertTrue(self.ticket_c.active)
        self.assertEqual(len(self.ticket_c.message_ids), messages)

    def test_a_ticket_out_of_reach_refused(self):
        with self.assertRaises(AccessError):
            self._merge(self.agent_a.user_id, self.ticket_a, self.ticket_b)
        self.assertTrue(self.ticket_b.active)
