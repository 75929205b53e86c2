"""Shared set-up of the quality-inspection tests (QA-1..3); no tests here."""

from contextlib import contextmanager

from odoo import Command, fields

from .common import CsTicketCase


class CsQaCase(CsTicketCase):
    """The organisation and service process, plus a scorecard with known
    numbers and helpers for closed tickets and inspections.

    Scorecard "Test Card", out of 10, pass mark 8:
      courtesy    weight 40, 5 points, pre-filled from greeting/closing rules
      resolution  weight 30, yes/no
      forbidden   weight 30, 3 points, critical below 2, pre-filled from
                  forbidden phrases
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the shipped scorecard samples every team: the tests sample their own way
        cls.env.ref("cs_management.qa_scorecard_default").sample_active = False
        cls.scorecard = cls.env["cs.qa.scorecard"].create(
            {
                "name": "Test Card",
                "scale": 10,
                "pass_mark": 8,
                "criterion_ids": [
                    Command.create(
                        {
                            "sequence": 1,
                            "name": "Courtesy",
                            "weight": 40,
                            "max_points": 5,
                            "prefill": "courtesy",
                        }
                    ),
                    Command.create(
                        {
                            "sequence": 2,
                            "name": "Resolution",
                            "weight": 30,
                            "max_points": 1,
                        }
                    ),
                    Command.create(
                        {
                            "sequence": 3,
                            "name": "Forbidden",
                            "weight": 30,
                            "max_points": 3,
                            "critical": True,
                            "critical_bar": 2,
                            "prefill": "forbidden",
                        }
                    ),
                ],
            }
        )
        cls.courtesy, cls.resolution, cls.forbidden = cls.scorecard.criterion_ids
        cls.closed_stage = cls.env.ref("cs_management.stage_closed")

    @classmethod
    def _closed_ticket(cls, employee, closed_on, team=None, name="Closed request"):
        """A ticket of ``employee`` closed on ``closed_on`` (a date string)."""
        return cls.env["helpdesk.ticket"].create(
            {
                "name": name,
                "description": "<p>Done.</p>",
                "team_id": (team or employee.user_id.helpdesk_team_ids[:1]).id,
                "user_id": employee.user_id.id,
                "stage_id": cls.closed_stage.id,
                "cs_solution": "<p>Answered.</p>",
                "closed_date": fields.Datetime.to_datetime(closed_on).replace(hour=10),
            }
        )

    def _inspect(self, reviewer, ticket=None, agent=None, **values):
        """An inspection opened by ``reviewer`` (an employee) on the test scorecard."""
        vals = {
            "scorecard_id": self.scorecard.id,
            "kind": "supervisor",
            "ticket_id": ticket.id if ticket else False,
            "reviewer_id": reviewer.user_id.id,
        }
        if agent:
            vals["agent_id"] = agent.user_id.id
        vals.update(values)
        return self.env["cs.qa.inspection"].with_user(reviewer.user_id).create(vals)

    @staticmethod
    def _score(inspection, *points):
        """Give the criteria, in order, these points."""
        for line, value in zip(
            inspection.line_ids.sorted("sequence"), points, strict=True
        ):
            line.points = value

    @contextmanager
    def _refused(self, exception, pattern):
        """Expect ``exception`` matching ``pattern``; what was tried is rolled back."""
        with self.assertRaises(exception) as caught:
            yield
        self.assertRegex(str(caught.exception), pattern)
