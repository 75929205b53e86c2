import json
from contextlib import contextmanager

from freezegun import freeze_time

from odoo import Command
from odoo.tests import TransactionCase, new_test_user

ROLE_CODES = (
    "specialist",
    "presales",
    "aftersales",
    "social",
    "supervisor",
    "store_manager",
    "cs_manager",
    "trainer",
    "auditor",
)
# The staff's and the test's own time zone: ahead of UTC (and of the
# superuser's Europe/Brussels), so that a run between 16:00 and 24:00 UTC
# checks that "today" is the user's day everywhere.
TEST_TZ = "Asia/Taipei"
TEST_LANG = "zh_TW"


class CsTourMixin:
    """For HttpCase tours: the tour's user works in Traditional Chinese, so a
    tour can only find its way by selectors; what a selector needs from the
    database (record ids, a name in the user's language, a date in the
    user's format) the test hands over as ``window.csTour``."""

    def _start_tour_as(self, user, url, tour, given=None):
        user.lang = TEST_LANG
        options = {
            "stepDelay": 0,
            "keepWatchBrowser": False,
            "debug": False,
            "startUrl": url,
        }
        # the steps are built as soon as the tour is asked whether it is ready
        hand_over = f"window.csTour = {json.dumps(given or {})};"
        self.start_tour(
            url,
            tour,
            login=user.login,
            ready=f"{hand_over} odoo.isTourReady({tour!r})",
            code=f"{hand_over} odoo.startTour({tour!r}, {json.dumps(options)})",
        )


class CsOrganisationCase(TransactionCase):
    """Two stores of one company and one store of another, with a full
    reporting line, a helpdesk team per store and an open ticket per store.

    cs manager (head office)
    ├── store manager A ── supervisor A ── agent A, pre-sales A
    └── store manager B ── agent B
    trainer, auditor (head office); another company with store C and agent C.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(
                cls.env.context,
                tracking_disable=True,
                mail_create_nolog=True,
                no_reset_password=True,
                tz=TEST_TZ,
            )
        )
        cls.company = cls.env.company
        cls.other_company = cls.env["res.company"].create({"name": "Other Beauty Ltd"})
        cls.roles = {
            code: cls.env.ref(f"cs_management.role_{code}") for code in ROLE_CODES
        }
        Store = cls.env["cs.store"]
        cls.store_a = Store.create({"code": "TA", "name": "Test Store A"})
        cls.store_b = Store.create({"code": "TB", "name": "Test Store B"})
        cls.store_c = Store.create(
            {"code": "TC", "name": "Test Store C", "company_id": cls.other_company.id}
        )

        cls.cs_manager = cls._person("cs_manager", "t_cs_manager")
        cls.store_manager_a = cls._person(
            "store_manager", "t_store_manager_a", cls.store_a, cls.cs_manager
        )
        cls.supervisor_a = cls._person(
            "supervisor", "t_supervisor_a", cls.store_a, cls.store_manager_a
        )
        cls.agent_a = cls._person(
            "specialist", "t_agent_a", cls.store_a, cls.supervisor_a
        )
        cls.presales_a = cls._person(
            "presales", "t_presales_a", cls.store_a, cls.supervisor_a
        )
        cls.store_manager_b = cls._person(
            "store_manager", "t_store_manager_b", cls.store_b, cls.cs_manager
        )
        cls.agent_b = cls._person(
            "specialist", "t_agent_b", cls.store_b, cls.store_manager_b
        )
        cls.trainer = cls._person("trainer", "t_trainer", parent=cls.cs_manager)
        cls.auditor = cls._person("auditor", "t_auditor", parent=cls.cs_manager)
        cls.agent_c = cls._person(
            "specialist", "t_agent_c", cls.store_c, company=cls.other_company
        )
        cls.admin_user = new_test_user(
            cls.env,
            "t_cs_admin",
            groups="base.group_user,cs_management.group_cs_admin",
            name="Test CS Administrator",
        )

        cls.store_a.write(
            {
                "manager_id": cls.store_manager_a.id,
                "supervisor_ids": [Command.set(cls.supervisor_a.ids)],
            }
        )
        cls.store_b.manager_id = cls.store_manager_b
        Team = cls.env["helpdesk.ticket.team"]
        cls.team_a = Team.create(
            {
                "name": "Team A",
                "cs_store_id": cls.store_a.id,
                "user_ids": [
                    Command.set(
                        (cls.supervisor_a | cls.agent_a | cls.presales_a).user_id.ids
                    )
                ],
            }
        )
        cls.team_b = Team.create(
            {
                "name": "Team B",
                "cs_store_id": cls.store_b.id,
                "user_ids": [Command.set(cls.agent_b.user_id.ids)],
            }
        )
        cls.team_c = Team.create(
            {
                "name": "Team C",
                "cs_store_id": cls.store_c.id,
                "company_id": cls.other_company.id,
                "user_ids": [Command.set(cls.agent_c.user_id.ids)],
            }
        )
        cls.ticket_a = cls._ticket("Ticket of store A", cls.team_a, cls.presales_a)
        cls.ticket_b = cls._ticket("Ticket of store B", cls.team_b, cls.agent_b)
        cls.ticket_c = cls._ticket("Ticket of store C", cls.team_c, cls.agent_c)

    @classmethod
    def _person(
        cls, role, login, store=None, parent=None, company=None, ready_to_serve=True
    ):
        """An employee holding ``role``, with a user that starts as a plain
        internal user: the role alone must give it its group. Unless told
        otherwise, the employee is trained for its role (cs_training's
        onboarding gate, when installed)."""
        company = company or cls.company
        user = new_test_user(
            cls.env,
            login,
            groups="base.group_user",
            name=login.replace("_", " ").title(),
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
            tz=TEST_TZ,
        )
        employee = cls.env["hr.employee"].create(
            {
                "name": user.name,
                "user_id": user.id,
                "company_id": company.id,
                "cs_role_id": cls.roles[role].id,
                "cs_store_id": store.id if store else False,
                "parent_id": parent.id if parent else False,
            }
        )
        if ready_to_serve:
            cls._make_ready_to_serve(employee)
        return employee

    @classmethod
    def _make_ready_to_serve(cls, employees):
        if hasattr(employees, "action_cs_record_prior_onboarding"):
            employees.action_cs_record_prior_onboarding()

    @contextmanager
    def _at(self, moment):
        """Freeze the clock, the transaction's time included: records
        created inside get ``moment`` as create date."""
        with freeze_time(moment):
            self.env.cr._now = moment
            try:
                yield
            finally:
                self.env.cr._now = None

    @classmethod
    def _ticket(cls, name, team, employee):
        return cls.env["helpdesk.ticket"].create(
            {
                "name": name,
                "description": f"<p>{name}</p>",
                "team_id": team.id,
                "user_id": employee.user_id.id,
                "company_id": team.company_id.id,
            }
        )


class CsTicketCase(CsOrganisationCase):
    """The organisation plus the shipped service process: stages by step,
    kinds, a customer, and a helper filling what each step needs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Stage = cls.env["helpdesk.ticket.stage"]
        cls.stage = {
            stage.cs_step: stage for stage in Stage.search([("cs_step", "!=", False)])
        }
        cls.cancelled = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled")
        cls.kinds = {
            kind: cls.env.ref(f"cs_management.category_{kind}")
            for kind in (
                "consultation",
                "complaint",
                "suggestion",
                "after_sales",
                "order",
                "public_opinion",
            )
        }
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Lin Hsiao-yu",
                "email": "hsiaoyu@example.com",
                "phone": "+886 912 000 111",
            }
        )
        cls.quality = cls.env["hr.department"].create({"name": "Quality Test Dept"})
        cls.root_cause = cls.env.ref("cs_management.root_cause_quality")
        cls.phone = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        cls.store_a.supervisor_ids = cls.supervisor_a

    def _new_ticket(self, kind="complaint", user=None, **values):
        vals = {
            "name": f"New {kind}",
            "description": "<p>The customer calls.</p>",
            "partner_id": self.customer.id,
            "team_id": self.team_a.id,
            "category_id": self.kinds[kind].id,
            "channel_id": self.phone.id,
            "user_id": self.agent_a.user_id.id,
        }
        vals.update(values)
        return (
            self.env["helpdesk.ticket"]
            .with_user(user or self.agent_a.user_id)
            .create(vals)
        )

    # what each step of the complaint process needs, step by step
    STEP_DATA = {
        "verification": lambda self: {"cs_severity": "normal"},
        "investigation": lambda self: {"cs_department_id": self.quality.id},
        "solution": lambda self: {
            "cs_root_cause_id": self.root_cause.id,
            "cs_responsible_party": "Supplier",
            "cs_solution": "<p>您好，we refund the jar. 謝謝</p>",
            "cs_solution_user_id": self.supervisor_a.user_id.id,
            "cs_solution_deadline": "2030-01-31",
        },
        "feedback": lambda self: {},
        "followup": lambda self: {"cs_satisfaction": "4"},
        "closed": lambda self: {"cs_summary": "Batch recalled; supplier warned."},
    }

    def _rate(self, ticket, value):
        """The customer's rating of the ticket, received."""
        self.env["rating.rating"].create(
            {
                "res_model_id": self.env["ir.model"]._get_id("helpdesk.ticket"),
                "res_id": ticket.id,
                "partner_id": ticket.partner_id.id,
                "rating": value,
                "consumed": True,
            }
        )

    def _advance(self, ticket, step):
        """Fill what ``step`` needs and move ``ticket`` there, as its user."""
        ticket.write(self.STEP_DATA[step](self))
        if step == "feedback":
            ticket.action_cs_tell_result()
        if step == "closed":
            visit = ticket.cs_followup_ids.filtered(lambda v: v.state == "todo")
            visit.write({"reached": True, "satisfaction": "5"})
            visit.action_done()
        ticket.stage_id = self.stage[step]

    def _walk(self, ticket, until):
        steps = list(self.STEP_DATA)
        for step in steps[: steps.index(until) + 1]:
            self._advance(ticket, step)
