"""The service process applies to the teams that run it; every other team of
the company keeps OCA Helpdesk's stages and behaviour."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user
from odoo.tools.safe_eval import safe_eval

from .common import CsTicketCase

HELPDESK_STAGES = ("new", "in_progress", "awaiting", "done", "cancelled", "rejected")


class TestCoexistence(CsTicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.it_user = new_test_user(
            cls.env,
            login="t_it_desk",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user",
        )
        cls.it_team = cls.env["helpdesk.ticket.team"].create(
            {"name": "IT Desk", "user_ids": [Command.set(cls.it_user.ids)]}
        )
        cls.helpdesk_stage = {
            name: cls.env.ref(f"helpdesk_mgmt.helpdesk_ticket_stage_{name}")
            for name in HELPDESK_STAGES
        }

    def _it_ticket(self, **values):
        return (
            self.env["helpdesk.ticket"]
            .with_user(self.it_user)
            .create(
                dict(
                    {
                        "name": "Printer jam",
                        "description": "<p>Jam</p>",
                        "team_id": self.it_team.id,
                    },
                    **values,
                )
            )
        )

    def test_only_store_teams_and_teams_switched_on_run_the_process(self):
        self.assertTrue(self.team_a.cs_process)
        self.assertFalse(self.it_team.cs_process)
        self.it_team.cs_process = True
        self.assertEqual(
            self.it_team._get_applicable_stages()[:1], self.stage["acceptance"]
        )

    def test_helpdesk_stages_stay_for_other_teams_and_out_of_the_process(self):
        self.assertTrue(all(stage.active for stage in self.helpdesk_stage.values()))
        other = self.it_team._get_applicable_stages()
        process = self.team_a._get_applicable_stages()
        self.assertFalse(
            other & self.env["helpdesk.ticket.stage"].union(*self.stage.values())
        )
        self.assertIn(self.helpdesk_stage["new"], other)
        self.assertNotIn(self.helpdesk_stage["new"], process)
        # closing without a resolution is shared
        self.assertIn(self.helpdesk_stage["cancelled"], other & process)

    def test_other_teams_move_freely_without_our_gates_or_messages(self):
        ticket = self._it_ticket(category_id=self.kinds["complaint"].id)
        self.assertEqual(ticket.stage_id, self.helpdesk_stage["new"])
        self.assertFalse(ticket.cs_process)
        ticket.write({"stage_id": self.helpdesk_stage["done"].id})
        self.assertTrue(ticket.closed)
        self.assertFalse(ticket.cs_acknowledged)
        self.assertFalse(ticket.cs_first_response_date)
        self.assertFalse(ticket.ticket_sla_ids.sla_id.filtered("cs_process"))

    def test_process_tickets_keep_every_rule(self):
        ticket = self._new_ticket()
        self.assertTrue(ticket.cs_process)
        self.assertEqual(ticket.stage_id, self.stage["acceptance"])
        self.assertTrue(ticket.ticket_sla_ids.sla_id.filtered("cs_process"))
        with self.assertRaisesRegex(UserError, "Solution|Verification"):
            ticket.write({"stage_id": self.stage["solution"].id})
        self.assertEqual(ticket.stage_id, self.stage["acceptance"])

    def test_a_ticket_moved_into_a_process_team_starts_in_the_process(self):
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Walk-in",
                "description": "<p>x</p>",
                "team_id": self.team_a.id,
                "stage_id": self.helpdesk_stage["new"].id,
            }
        )
        self.assertEqual(ticket.stage_id, self.stage["acceptance"])

    def test_the_kanban_columns_follow_the_menu(self):
        Ticket = self.env["helpdesk.ticket"]
        Stage = self.env["helpdesk.ticket.stage"]
        process_columns = Ticket.with_context(
            cs_process_view=True
        )._read_group_stage_ids(Stage, [])
        helpdesk_columns = Ticket._read_group_stage_ids(Stage, [])
        self.assertIn(self.stage["verification"], process_columns)
        self.assertNotIn(self.helpdesk_stage["new"], process_columns)
        self.assertIn(self.helpdesk_stage["new"], helpdesk_columns)
        self.assertNotIn(self.stage["verification"], helpdesk_columns)

    def test_our_menus_list_only_process_tickets(self):
        it_ticket = self._it_ticket()
        process_ticket = self._new_ticket()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_management.action_cs_ticket"
        )
        found = self.env["helpdesk.ticket"].search(safe_eval(action["domain"]))
        self.assertIn(process_ticket, found)
        self.assertNotIn(it_ticket, found)

    def test_a_new_ticket_opens_in_its_teams_stages(self):
        agent_form = Form(self.env["helpdesk.ticket"].with_user(self.agent_a.user_id))
        self.assertEqual(agent_form.team_id, self.team_a)
        self.assertEqual(agent_form.stage_id, self.stage["acceptance"])
        it_form = Form(self.env["helpdesk.ticket"].with_user(self.it_user))
        self.assertEqual(it_form.stage_id, self.helpdesk_stage["new"])
        # no team yet: our menus open it in the process
        Ticket = self.env["helpdesk.ticket"].with_user(self.cs_manager.user_id)
        self.assertFalse(self.cs_manager.user_id.helpdesk_team_ids)
        menu_form = Form(Ticket.with_context(cs_process_view=True))
        self.assertEqual(menu_form.stage_id, self.stage["acceptance"])

    def test_only_cs_managers_take_teams_and_deadlines_in_or_out_of_the_process(self):
        it_manager = new_test_user(
            self.env,
            login="t_it_manager",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_manager",
        )
        sla = self.env["helpdesk.sla"].search([("cs_process", "=", True)], limit=1)
        attempts = (
            (self.team_a, {"cs_process": False}),
            (self.it_team, {"cs_process": True}),
            (self.it_team, {"cs_store_id": self.store_a.id}),
            (sla, {"cs_process": False}),
        )
        for record, values in attempts:
            with (
                self.subTest(model=record._name, values=values),
                self.assertRaises(AccessError),
            ):
                record.with_user(it_manager).write(values)
        for model, values in (
            ("helpdesk.ticket.team", {"name": "Sneaky", "cs_process": True}),
            ("helpdesk.sla", {"name": "Sneaky", "cs_process": True}),
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(it_manager).create(values)
        self.assertTrue(self.team_a.cs_process and sla.cs_process)
        self.assertFalse(self.it_team.cs_process or self.it_team.cs_store_id)
        self.assertFalse(
            self.env["helpdesk.ticket.team"].search([("name", "=", "Sneaky")])
        )
        # the IT manager keeps running its own team and deadlines
        self.it_team.with_user(it_manager).write({"name": "IT Service Desk"})
        self.env["helpdesk.sla"].with_user(it_manager).create(
            {"name": "IT: 1 day", "days": 1}
        )
        # and the CS manager decides
        self.it_team.with_user(self.cs_manager.user_id).write({"cs_process": True})
        self.assertTrue(self.it_team.cs_process)

    def test_a_ticket_cannot_be_taken_out_of_the_process_through_itself(self):
        ticket = self._new_ticket()
        for user in (
            self.agent_a.user_id,
            self.supervisor_a.user_id,
            self.store_manager_a.user_id,
        ):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    ticket.with_user(user).write({"cs_process": False})
                ticket.invalidate_recordset()
                self.team_a.invalidate_recordset()
                self.assertTrue(ticket.cs_process)
                self.assertTrue(self.team_a.cs_process)
