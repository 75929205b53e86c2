"""Installing our addons on a helpdesk in use leaves it as it was.

Run by ./setup/test.sh on the database setup/existing_helpdesk_db.sh builds
(OCA Helpdesk with its demo tickets, then our addons);
CS_INSTALL_BEFORE names what it noted before the installation.
"""

import json
import os
from pathlib import Path

from tests.common import SuiteCase


class TestInstallOnExistingHelpdesk(SuiteCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.before = json.loads(Path(os.environ["CS_INSTALL_BEFORE"]).read_text())

    def test_there_was_a_helpdesk_in_use(self):
        self.assertGreater(len(self.before["tickets"]), 5)

    def test_every_ticket_stays_where_it_was(self):
        tickets = self.env["helpdesk.ticket"].browse(
            [int(i) for i in self.before["tickets"]]
        )
        for ticket in tickets.with_context(active_test=False):
            with self.subTest(ticket=ticket.display_name):
                was = self.before["tickets"][str(ticket.id)]
                self.assertEqual(
                    (ticket.stage_id.id, ticket.team_id.id or None),
                    (was["stage"], was["team"]),
                )
                self.assertFalse(ticket.cs_process)

    def test_existing_teams_stay_outside_the_process_with_their_stages(self):
        teams = self.env["helpdesk.ticket.team"].browse(self.before["teams"])
        self.assertFalse(teams.filtered("cs_process"))
        stages = (
            self.env["helpdesk.ticket.stage"]
            .with_context(active_test=False)
            .browse([int(i) for i in self.before["stages"]])
        )
        self.assertEqual({str(s.id): s.active for s in stages}, self.before["stages"])
        for team in teams:
            self.assertEqual(
                team._get_applicable_stages(),
                stages.filtered(
                    lambda s, team=team: (
                        s.active and (not s.team_ids or team in s.team_ids)
                    )
                ),
            )
