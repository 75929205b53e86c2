"""Multi-company isolation. Every model of our addons with a company is
restricted to the user's companies by a record rule and checks the company
of the records it links to; then staff of the main company (A) try to reach
or link the records of a second company (B): read, search and group them, or
craft create and write values pointing at them. Each attempt is refused and,
read back as superuser, nothing was written."""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user
from odoo.tools import mute_logger

from ..common import OUR_ADDONS
from .common import SecurityCase

ADDONS = OUR_ADDONS
# refused either way: by a rule or by the company check (a single-company
# user cannot even read what it links to)
REFUSED = "refused"

# Models with a stored company that do not check the companies of their
# links (``_check_company_auto``), and why.
NO_CHECK_COMPANY_AUTO = {
    # Odoo / OCA models we extend without adding company-bound links checked
    # by check_company: their company rule comes with them.
    "hr.employee": "cs_store_id is checked by HrEmployee._check_store_company instead",
    "hr.employee.public": "a read-only SQL view of hr.employee",
    "res.partner": "Odoo's model; we add no company-bound link to it",
    "res.users": "Odoo's model; its companies are company_ids",
    "helpdesk.sla": "OCA's model; we add no company-bound link to it",
    "helpdesk.ticket.category": "OCA's model; we add no company-bound link to it",
    "helpdesk.ticket.stage": "OCA's model; we add no company-bound link to it",
    "queue.job": "OCA's job queue; we add cs_res_id, an id, no company-bound link",
    "pos.order": "Odoo's model; we add cs_order_readable, an access field, no link",
}
# Exceptions that an Odoo module our addons may pull in turns into a check
# (cs_sale depends on account and stock, which check res.partner's links)
CHECKED_WHEN_INSTALLED = {"res.partner": ("account", "stock")}

# Links to company-bound records that must stay in the record's company. A
# child whose company is a related of its parent (plan line, inspection
# line, appraisal line, feedback line, hand-off's ticket, phrase violation's
# ticket, appraisal's period) has nothing to check on that parent link.
CHECKED_LINKS = {
    "cs.store": ("manager_id", "supervisor_ids", "crm_team_id"),
    "helpdesk.ticket": (
        "cs_store_id",
        "cs_department_id",
        "cs_solution_user_id",
        "cs_improvement_action_ids",
        "cs_po_detected_by_id",
        "cs_about_ticket_id",
        "cs_staff_user_id",
        "cs_pos_order_ids",
    ),
    "cs.conduct.record": ("employee_id", "team_id", "ticket_id"),
    "cs.target": ("store_id", "team_id"),
    # a till's store (cs_pos): its receipts count in that store's sales
    "pos.config": ("cs_store_id",),
    "helpdesk.ticket.team": ("cs_store_id", "user_id"),
    "helpdesk.ticket.channel": ("cs_team_id",),
    "cs.followup": ("plan_id", "ticket_id", "new_ticket_id", "partner_id", "user_id"),
    "cs.followup.plan": ("partner_ids", "user_ids"),
    "cs.improvement.action": ("user_id", "ticket_ids"),
    "cs.ticket.handoff": ("department_id", "user_id"),
    "cs.phrase.rule": ("channel_ids",),
    "cs.phrase.violation": ("rule_id", "user_id"),
    "cs.qa.inspection": (
        "ticket_id",
        "scorecard_id",
        "agent_id",
        "reviewer_id",
        "team_id",
        "store_id",
        "calibration_id",
    ),
    "cs.qa.calibration": ("scorecard_id", "ticket_ids", "lead_id", "reviewer_ids"),
    "cs.qa.scorecard": ("team_ids", "reviewer_id"),
    "cs.appraisal": (
        "employee_id",
        "template_id",
        "store_id",
        "team_id",
        "supervisor_id",
    ),
    "cs.appraisal.feedback": ("reviewer_id",),
    "cs.appraisal.period": ("calibrator_id",),
    "cs.training.need": (
        "employee_id",
        "team_id",
        "user_id",
        "plan_line_id",
        "failed_attendee_id",
        "cs_appraisal_id",
    ),
    "cs.training.plan": ("user_id",),
    "cs.training.certificate": ("attendee_id", "renewal_attendee_id", "renewed_by_id"),
    "hr.course.attendee": (
        "cs_need_id",
        "cs_certificate_id",
        "cs_previous_attendee_id",
    ),
    "cs.training.assessment": ("scored_by_id",),
}


class TestCompanyRegistry(SecurityCase):
    def _assert_nothing_written(self):
        """Nothing here writes."""

    def _our_company_models(self):
        imd = self.env["ir.model.data"].search(
            [("model", "=", "ir.model"), ("module", "in", ADDONS)]
        )
        names = set(self.env["ir.model"].browse(imd.mapped("res_id")).mapped("model"))
        models = []
        for name in sorted(names):
            model = self.env[name]
            field = model._fields.get("company_id")
            if model._abstract or model._transient or not (field and field.store):
                continue
            models.append(model)
        return models

    def test_every_model_with_a_company_has_a_company_rule(self):
        models = self._our_company_models()
        # ours, and the Odoo / OCA models we extend
        self.assertGreater(len(models), 25)
        Rule = self.env["ir.rule"].sudo()
        for model in models:
            rules = Rule.search(
                [("model_id.model", "=", model._name), ("global", "=", True)]
            )
            self.assertTrue(
                any("company_ids" in (rule.domain_force or "") for rule in rules),
                f"{model._name} has no global rule restricting it to the user's"
                " companies",
            )

    def test_every_model_with_a_company_checks_its_links(self):
        for model in self._our_company_models():
            if model._name in NO_CHECK_COMPANY_AUTO:
                continue
            self.assertTrue(
                model._check_company_auto,
                f"{model._name} does not check the companies of its links",
            )

    def test_company_bound_links_are_checked(self):
        for name, fnames in CHECKED_LINKS.items():
            model = self.env[name]
            self.assertTrue(model._check_company_auto, name)
            for fname in fnames:
                field = model._fields[fname]
                self.assertTrue(
                    field.check_company, f"{name}.{fname} does not check its company"
                )
                self.assertIn(
                    "company_id",
                    self.env[field.comodel_name]._fields,
                    f"{name}.{fname}",
                )

    def test_exceptions_are_still_needed(self):
        # an exception nobody needs any more is a check left off
        installed = set(
            self.env["ir.module.module"]
            .search([("state", "=", "installed")])
            .mapped("name")
        )
        for name in NO_CHECK_COMPANY_AUTO:
            if installed.intersection(CHECKED_WHEN_INSTALLED.get(name, ())):
                continue
            self.assertFalse(
                self.env[name]._check_company_auto,
                f"{name}: drop it from NO_CHECK_COMPANY_AUTO",
            )


class TestOtherCompanyAttempts(SecurityCase):
    """Staff of company A against the records of company B."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company_a, company_b = cls.company, cls.other_company
        cls.mgr = cls.cs_manager.user_id
        cls.agent = cls.agent_a.user_id
        cls.supervisor = cls.supervisor_a.user_id
        cls.store_mgr = cls.store_manager_a.user_id
        cls.trainer_user = cls.trainer.user_id
        cls.user_c = cls.agent_c.user_id
        # a CS manager of both companies, both active: the rules let it read
        # company B, so only the company check keeps B's records out of A's
        cls.mgr_ab = new_test_user(
            cls.env,
            "t_cs_manager_ab",
            groups="base.group_user,cs_management.group_cs_manager",
            company_id=company_a.id,
            company_ids=[Command.set((company_a | company_b).ids)],
        )
        cls.dept_b = cls.env["hr.department"].create(
            {"name": "Quality B", "company_id": company_b.id}
        )
        Plan = cls.env["cs.followup.plan"]
        plan_vals = {"date_end": date(2031, 1, 31)}
        cls.plan_a = Plan.create(
            {**plan_vals, "name": "Plan A", "user_ids": [Command.set(cls.agent.ids)]}
        )
        cls.plan_b = Plan.create(
            {
                **plan_vals,
                "name": "Plan B",
                "company_id": company_b.id,
                "user_ids": [Command.set(cls.user_c.ids)],
            }
        )
        Followup = cls.env["cs.followup"]
        cls.followup_a = Followup.create(
            {
                "ticket_id": cls.ticket_a.id,
                "partner_id": cls.customer.id,
                "user_id": cls.agent.id,
            }
        )
        cls.followup_b = Followup.create(
            {
                "ticket_id": cls.ticket_c.id,
                "partner_id": cls.customer.id,
                "user_id": cls.user_c.id,
                "company_id": company_b.id,
            }
        )
        Action = cls.env["cs.improvement.action"]
        cls.action_a = Action.create(
            {
                "name": "Action A",
                "date_deadline": date(2031, 1, 31),
                "user_id": cls.mgr.id,
            }
        )
        cls.action_b = Action.create(
            {
                "name": "Action B",
                "date_deadline": date(2031, 1, 31),
                "user_id": cls.user_c.id,
                "company_id": company_b.id,
            }
        )
        cls.handoff_a = cls.env["cs.ticket.handoff"].create(
            {
                "ticket_id": cls.ticket_a.id,
                "department_id": cls.quality.id,
                "user_id": cls.agent.id,
                "request": "Check the batch",
                "date_due": date(2031, 1, 31),
            }
        )
        Scorecard = cls.env["cs.qa.scorecard"]
        cls.scorecard_a = Scorecard.create(
            {"name": "Scorecard A", "company_id": company_a.id}
        )
        cls.scorecard_b = Scorecard.create(
            {"name": "Scorecard B", "company_id": company_b.id}
        )
        cls.calibration_a = cls.env["cs.qa.calibration"].create(
            {"name": "Calibration A", "scorecard_id": cls.scorecard_a.id}
        )
        cls.channel_b = cls.env["helpdesk.ticket.channel"].create(
            {"name": "Channel B", "company_id": company_b.id}
        )
        cls.phrase_rule_a = cls.env["cs.phrase.rule"].create(
            {"name": "Rule A", "phrases": "whatever"}
        )
        cls.phrase_rule_b = cls.env["cs.phrase.rule"].create(
            {"name": "Rule B", "phrases": "whatever", "company_id": company_b.id}
        )
        cls.threshold_b = cls.env["cs.opinion.threshold"].create(
            {"severity": "major", "company_id": company_b.id}
        )
        Period = cls.env["cs.appraisal.period"]
        cls.period_a = Period.create({"kind": "monthly", "date_from": date(2020, 1, 1)})
        cls.period_b = Period.create(
            {
                "kind": "monthly",
                "date_from": date(2020, 1, 1),
                "company_id": company_b.id,
            }
        )
        Appraisal = cls.env["cs.appraisal"]
        cls.appraisal_a = Appraisal.create(
            {"period_id": cls.period_a.id, "employee_id": cls.agent_a.id}
        )
        cls.appraisal_b = Appraisal.create(
            {"period_id": cls.period_b.id, "employee_id": cls.agent_c.id}
        )
        cls.feedback_a = cls.env["cs.appraisal.feedback"].create(
            {"appraisal_id": cls.appraisal_a.id, "reviewer_id": cls.presales_a.id}
        )
        cls.course = cls.env["hr.course"].create(
            {
                "name": "Multi-company course",
                "category_id": cls.env.ref("cs_training.course_kind_onboarding").id,
            }
        )
        TrainingPlan = cls.env["cs.training.plan"]
        cls.training_plan_a = TrainingPlan.create(
            {
                "name": "Plan 2031 A",
                "year": 2031,
                "line_ids": [Command.create({"course_id": cls.course.id})],
            }
        )
        cls.training_plan_b = TrainingPlan.create(
            {
                "name": "Plan 2031 B",
                "year": 2031,
                "company_id": company_b.id,
                "line_ids": [Command.create({"course_id": cls.course.id})],
            }
        )
        Need = cls.env["cs.training.need"]
        cls.need_a = Need.create({"name": "Need A", "employee_id": cls.agent_a.id})
        cls.need_b = Need.create(
            {
                "name": "Need B",
                "employee_id": cls.agent_c.id,
                "company_id": company_b.id,
            }
        )
        cls.session = cls.env["hr.course.schedule"].create(
            {
                "name": "Multi-company session",
                "course_id": cls.course.id,
                "start_date": date(2031, 1, 6),
                "end_date": date(2031, 1, 6),
                "cost": 10,
                "authorized_by": cls.cs_manager.id,
                "cs_trainer_id": cls.trainer_user.id,
                "attendant_ids": [Command.set(cls.agent_a.ids)],
            }
        )

    def _assert_nothing_written(self):
        """Checked by each attempt against what it watches."""

    def _refused(self, user, attempt, error, watch=(), created=()):
        """``attempt(env)``, run as ``user`` in all its companies, raises
        ``error`` (UserError: the company check, AccessError: a rule, REFUSED:
        either); afterwards the watched
        ``(records, fields)`` are unchanged and no record of the ``created``
        ``(model, domain)`` exists, as read by the superuser."""
        before = [self._reread(records, fnames) for records, fnames in watch]
        counts = [self._count(model, domain) for model, domain in created]
        env = self.env(
            user=user,
            context=dict(self.env.context, allowed_company_ids=user.company_ids.ids),
        )
        with (
            self.assertRaises(UserError if error is REFUSED else error) as caught,
            mute_logger("odoo.models", "odoo.addons.base.models.ir_rule"),
        ):
            with self.env.cr.savepoint():
                attempt(env)
                self.env.flush_all()
        if error is UserError:
            # the company check, not a rule or a missing right
            self.assertNotIsInstance(caught.exception, AccessError)
        self.assertEqual(
            [self._reread(records, fnames) for records, fnames in watch], before
        )
        self.assertEqual(
            [self._count(model, domain) for model, domain in created], counts
        )

    def _count(self, model, domain):
        return (
            self.env[model].sudo().with_context(active_test=False).search_count(domain)
        )

    def _invisible(self, user, records):
        """``user`` finds, counts, groups and reads none of ``records``."""
        Model = self.env[records._name].with_user(user)
        domain = [("id", "in", records.ids)]
        self.assertTrue(records.sudo().exists())
        self.assertFalse(Model.search(domain))
        self.assertEqual(Model.search_count(domain), 0)
        self.assertEqual(Model._read_group(domain, [], ["__count"]), [(0,)])
        groups = Model.read_group([], ["company_id"], ["company_id"])
        self.assertFalse(
            {g["company_id"][0] for g in groups if g["company_id"]}
            - set(user.company_ids.ids)
        )
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.models", "odoo.addons.base.models.ir_rule"),
        ):
            records.with_user(user).read(["display_name"])

    # -- stores and teams -------------------------------------------------
    def test_manager_gives_its_team_the_other_company_store(self):
        self._refused(
            self.mgr,
            lambda env: (
                env["helpdesk.ticket.team"]
                .browse(self.team_a.id)
                .write({"cs_store_id": self.store_c.id})
            ),
            UserError,
            watch=[(self.team_a, ["cs_store_id"])],
        )

    def test_manager_creates_a_team_for_the_other_company_store(self):
        self._refused(
            self.mgr,
            lambda env: env["helpdesk.ticket.team"].create(
                {"name": "Sneaky", "cs_store_id": self.store_c.id}
            ),
            UserError,
            created=[("helpdesk.ticket.team", [("name", "=", "Sneaky")])],
        )

    def test_manager_names_another_company_employee_store_manager(self):
        self._refused(
            self.mgr,
            lambda env: (
                env["cs.store"]
                .browse(self.store_a.id)
                .write({"manager_id": self.agent_c.id})
            ),
            REFUSED,
            watch=[(self.store_a, ["manager_id"])],
        )

    def test_store_manager_adds_another_company_supervisor(self):
        self._refused(
            self.store_mgr,
            lambda env: (
                env["cs.store"]
                .browse(self.store_a.id)
                .write({"supervisor_ids": [Command.link(self.agent_c.id)]})
            ),
            REFUSED,
            watch=[(self.store_a, ["supervisor_ids"])],
        )

    def test_manager_moves_an_employee_to_the_other_company_store(self):
        self._refused(
            self.mgr,
            lambda env: (
                env["hr.employee"]
                .browse(self.agent_a.id)
                .write({"cs_store_id": self.store_c.id})
            ),
            REFUSED,
            watch=[(self.agent_a, ["cs_store_id"])],
        )

    def test_agent_puts_its_ticket_in_the_other_company_store(self):
        self._refused(
            self.agent,
            lambda env: (
                env["helpdesk.ticket"]
                .browse(self.ticket_a.id)
                .write({"cs_store_id": self.store_c.id})
            ),
            UserError,
            watch=[(self.ticket_a, ["cs_store_id"])],
        )

    def test_manager_routes_a_channel_to_the_other_company_team(self):
        channel = self.phone
        self._refused(
            self.mgr,
            lambda env: (
                env["helpdesk.ticket.channel"]
                .browse(channel.id)
                .write({"cs_team_id": self.team_c.id})
            ),
            UserError,
            watch=[(channel, ["cs_team_id"])],
        )

    # -- tickets' satellites ----------------------------------------------
    def test_agent_creates_a_followup_of_the_other_company_ticket(self):
        # the service gate reads the ticket as the agent: a rule may refuse
        # before the company check does
        self._refused(
            self.agent,
            lambda env: env["cs.followup"].create(
                {
                    "ticket_id": self.ticket_c.id,
                    "partner_id": self.customer.id,
                    "user_id": self.agent.id,
                }
            ),
            REFUSED,
            created=[
                (
                    "cs.followup",
                    [
                        ("ticket_id", "=", self.ticket_c.id),
                        ("user_id", "=", self.agent.id),
                    ],
                )
            ],
        )

    def test_agent_moves_its_followup_to_the_other_company_ticket(self):
        self._refused(
            self.agent,
            lambda env: (
                env["cs.followup"]
                .browse(self.followup_a.id)
                .write({"ticket_id": self.ticket_c.id})
            ),
            UserError,
            watch=[(self.followup_a, ["ticket_id", "company_id"])],
        )

    def test_manager_puts_a_followup_in_the_other_company_plan(self):
        self._refused(
            self.mgr,
            lambda env: (
                env["cs.followup"]
                .browse(self.followup_a.id)
                .write({"plan_id": self.plan_b.id})
            ),
            UserError,
            watch=[(self.followup_a, ["plan_id"])],
        )

    def test_manager_gives_a_followup_to_the_other_company_agent(self):
        self._refused(
            self.mgr,
            lambda env: (
                env["cs.followup"]
                .browse(self.followup_a.id)
                .write({"user_id": self.user_c.id})
            ),
            UserError,
            watch=[(self.followup_a, ["user_id"])],
        )

    def test_manager_lists_the_other_company_agent_in_a_plan(self):
        self._refused(
            self.mgr,
            lambda env: (
                env["cs.followup.plan"]
                .browse(self.plan_a.id)
                .write({"user_ids": [Command.link(self.user_c.id)]})
            ),
            UserError,
            watch=[(self.plan_a, ["user_ids"])],
        )

    def test_agent_hands_off_the_other_company_ticket(self):
        self._refused(
            self.agent,
            lambda env: env["cs.ticket.handoff"].create(
                {
                    "ticket_id": self.ticket_c.id,
                    "department_id": self.quality.id,
                    "user_id": self.agent.id,
                    "request": "Sneaky",
                    "date_due": date(2031, 1, 31),
                }
            ),
            AccessError,
            created=[("cs.ticket.handoff", [("request", "=", "Sneaky")])],
        )

    def test_agent_hands_off_to_the_other_company_department(self):
        self._refused(
            self.agent,
            lambda env: env["cs.ticket.handoff"].create(
                {
                    "ticket_id": self.ticket_a.id,
                    "department_id": self.dept_b.id,
                    "user_id": self.agent.id,
                    "request": "Sneaky",
                    "date_due": date(2031, 1, 31),
                }
            ),
            UserError,
            created=[("cs.ticket.handoff", [("request", "=", "Sneaky")])],
        )

    def test_agent_gives_a_handoff_to_the_other_company_user(self):
        self._refused(
            self.agent,
            lambda env: (
                env["cs.ticket.handoff"]
                .browse(self.handoff_a.id)
                .write({"user_id": self.user_c.id})
            ),
            UserError,
            watch=[(self.handoff_a, ["user_id"])],
        )

    def test_manager_links_an_action_to_the_other_company_ticket(self):
        self._refused(
            self.mgr,
            lambda env: (
                env["cs.improvement.action"]
                .browse(self.action_a.id)
                .write({"ticket_ids": [Command.link(self.ticket_c.id)]})
            ),
            UserError,
            watch=[(self.action_a, ["ticket_ids"])],
        )

    def test_agent_links_its_ticket_to_the_other_company_action(self):
        self._refused(
            self.agent,
            lambda env: (
                env["helpdesk.ticket"]
                .browse(self.ticket_a.id)
                .write({"cs_improvement_action_ids": [Command.link(self.action_b.id)]})
            ),
            UserError,
            watch=[(self.ticket_a, ["cs_improvement_action_ids"])],
        )

    def test_agent_sends_its_ticket_to_the_other_company_department(self):
        self._refused(
            self.agent,
            lambda env: (
                env["helpdesk.ticket"]
                .browse(self.ticket_a.id)
                .write({"cs_department_id": self.dept_b.id})
            ),
            UserError,
            watch=[(self.ticket_a, ["cs_department_id"])],
        )

    # -- quality ----------------------------------------------------------
    def test_manager_inspects_the_other_company_ticket(self):
        self._refused(
            self.mgr,
            lambda env: env["cs.qa.inspection"].create(
                {
                    "ticket_id": self.ticket_c.id,
                    "scorecard_id": self.scorecard_a.id,
                    "kind": "supervisor",
                }
            ),
            REFUSED,
            created=[("cs.qa.inspection", [("ticket_id", "=", self.ticket_c.id)])],
        )

    def test_manager_inspects_with_the_other_company_scorecard(self):
        # a scorecard in use, so that only its company can refuse it
        self.env["cs.qa.criterion"].create(
            {"scorecard_id": self.scorecard_b.id, "name": "Courtesy", "weight": 100}
        )
        self._refused(
            self.mgr,
            lambda env: env["cs.qa.inspection"].create(
                {
                    "ticket_id": self.ticket_a.id,
                    "scorecard_id": self.scorecard_b.id,
                    "kind": "supervisor",
                }
            ),
            REFUSED,
            created=[
                ("cs.qa.inspection", [("scorecard_id", "=", self.scorecard_b.id)])
            ],
        )

    def test_a_batch_with_one_other_company_link_fails_the_company_check(self):
        # sampling creates thousands of inspections at once, checked per
        # company rather than one by one: one stray link still fails it
        self.env["cs.qa.criterion"].create(
            {"scorecard_id": self.scorecard_a.id, "name": "Courtesy", "weight": 100}
        )
        Inspection = self.env["cs.qa.inspection"].sudo()
        batch = Inspection.create(
            [
                {
                    "ticket_id": self.ticket_a.id,
                    "scorecard_id": self.scorecard_a.id,
                    "kind": "supervisor",
                    "reviewer_id": self.mgr.id,
                }
            ]
            * 2
        )
        batch._check_company()
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE cs_qa_inspection SET scorecard_id = %s WHERE id = %s",
            (self.scorecard_b.id, batch[1].id),
        )
        batch.invalidate_recordset()
        with self.assertRaisesRegex(UserError, "Incompatible companies"):
            batch._check_company()

    def test_manager_calibrates_on_the_other_company_ticket(self):
        self._refused(
            self.mgr,
            lambda env: (
                env["cs.qa.calibration"]
                .browse(self.calibration_a.id)
                .write({"ticket_ids": [Command.link(self.ticket_c.id)]})
            ),
            UserError,
            watch=[(self.calibration_a, ["ticket_ids"])],
        )

    def test_manager_asks_the_other_company_agent_to_calibrate(self):
        self._refused(
            self.mgr,
            lambda env: (
                env["cs.qa.calibration"]
                .browse(self.calibration_a.id)
                .write({"reviewer_ids": [Command.link(self.user_c.id)]})
            ),
            UserError,
            watch=[(self.calibration_a, ["reviewer_ids"])],
        )

    def test_manager_samples_the_other_company_team(self):
        self._refused(
            self.mgr,
            lambda env: (
                env["cs.qa.scorecard"]
                .browse(self.scorecard_a.id)
                .write({"team_ids": [Command.link(self.team_c.id)]})
            ),
            UserError,
            watch=[(self.scorecard_a, ["team_ids"])],
        )

    def test_manager_applies_a_phrase_rule_to_the_other_company_channel(self):
        self._refused(
            self.mgr,
            lambda env: (
                env["cs.phrase.rule"]
                .browse(self.phrase_rule_a.id)
                .write({"channel_ids": [Command.link(self.channel_b.id)]})
            ),
            UserError,
            watch=[(self.phrase_rule_a, ["channel_ids"])],
        )

    # -- appraisals -------------------------------------------------------
    def test_manager_appraises_the_other_company_employee(self):
        self._refused(
            self.mgr,
            lambda env: env["cs.appraisal"].create(
                {"period_id": self.period_a.id, "employee_id": self.agent_c.id}
            ),
            UserError,
            created=[
                (
                    "cs.appraisal",
                    [
                        ("employee_id", "=", self.agent_c.id),
                        ("period_id", "=", self.period_a.id),
                    ],
                )
            ],
        )

    def test_manager_opens_a_form_in_the_other_company_period(self):
        self._refused(
            self.mgr,
            lambda env: env["cs.appraisal"].create(
                {"period_id": self.period_b.id, "employee_id": self.presales_a.id}
            ),
            AccessError,
            created=[("cs.appraisal", [("employee_id", "=", self.presales_a.id)])],
        )

    def test_manager_hands_the_review_to_the_other_company_employee(self):
        self._refused(
            self.mgr,
            lambda env: (
                env["cs.appraisal"]
                .browse(self.appraisal_a.id)
                .write({"supervisor_id": self.agent_c.id})
            ),
            UserError,
            watch=[(self.appraisal_a, ["supervisor_id", "supervisor_user_id"])],
        )

    def test_manager_asks_the_other_company_employee_for_feedback(self):
        self._refused(
            self.mgr,
            lambda env: env["cs.appraisal.feedback"].create(
                {"appraisal_id": self.appraisal_a.id, "reviewer_id": self.agent_c.id}
            ),
            REFUSED,
            created=[
                ("cs.appraisal.feedback", [("reviewer_id", "=", self.agent_c.id)])
            ],
        )

    def test_manager_lets_the_other_company_user_calibrate_a_period(self):
        self._refused(
            self.mgr,
            lambda env: (
                env["cs.appraisal.period"]
                .browse(self.period_a.id)
                .write({"calibrator_id": self.user_c.id})
            ),
            UserError,
            watch=[(self.period_a, ["calibrator_id"])],
        )

    # -- training ---------------------------------------------------------
    def test_trainer_records_a_need_for_the_other_company_employee(self):
        self._refused(
            self.trainer_user,
            lambda env: env["cs.training.need"].create(
                {"name": "Sneaky", "employee_id": self.agent_c.id}
            ),
            UserError,
            created=[("cs.training.need", [("name", "=", "Sneaky")])],
        )

    def test_trainer_records_a_need_of_the_other_company_team(self):
        self._refused(
            self.trainer_user,
            lambda env: (
                env["cs.training.need"]
                .browse(self.need_a.id)
                .write({"team_id": self.team_c.id})
            ),
            UserError,
            watch=[(self.need_a, ["team_id"])],
        )

    def test_trainer_plans_a_need_in_the_other_company_plan(self):
        # the plan line is recorded by Add to Plan, which takes the plan of
        # the need's company: a crafted write is refused before any company
        # check (which still guards the action's own write)
        line_b = self.training_plan_b.line_ids
        self._refused(
            self.trainer_user,
            lambda env: (
                env["cs.training.need"]
                .browse(self.need_a.id)
                .write({"plan_line_id": line_b.id})
            ),
            AccessError,
            watch=[(self.need_a, ["plan_line_id"])],
        )

    def test_manager_moves_a_plan_line_to_the_other_company_plan(self):
        line_a = self.training_plan_a.line_ids
        self._refused(
            self.mgr,
            lambda env: (
                env["cs.training.plan.line"]
                .browse(line_a.id)
                .write({"plan_id": self.training_plan_b.id})
            ),
            AccessError,
            watch=[(line_a, ["plan_id", "company_id"])],
        )

    def test_manager_adds_a_course_line_to_the_other_company_plan(self):
        self._refused(
            self.mgr,
            lambda env: env["cs.training.plan.line"].create(
                {
                    "plan_id": self.training_plan_b.id,
                    "course_id": self.course.id,
                    "name": "Sneaky",
                }
            ),
            AccessError,
            created=[("cs.training.plan.line", [("name", "=", "Sneaky")])],
        )

    def test_trainer_enrols_the_other_company_employee(self):
        self._refused(
            self.trainer_user,
            lambda env: env["hr.course.attendee"].create(
                {"course_schedule_id": self.session.id, "employee_id": self.agent_c.id}
            ),
            AccessError,
            created=[("hr.course.attendee", [("employee_id", "=", self.agent_c.id)])],
        )

    def test_manager_certifies_the_other_company_employee(self):
        self._refused(
            self.mgr,
            lambda env: env["cs.training.certificate"].create(
                {"employee_id": self.agent_c.id, "course_id": self.course.id}
            ),
            AccessError,
            created=[
                ("cs.training.certificate", [("employee_id", "=", self.agent_c.id)])
            ],
        )

    # -- a manager of both companies: only the company check stands -------
    def test_two_company_manager_names_the_other_company_store_manager(self):
        self._refused(
            self.mgr_ab,
            lambda env: (
                env["cs.store"]
                .browse(self.store_a.id)
                .write({"manager_id": self.agent_c.id})
            ),
            UserError,
            watch=[(self.store_a, ["manager_id"])],
        )

    def test_two_company_manager_adds_the_other_company_supervisor(self):
        self._refused(
            self.mgr_ab,
            lambda env: (
                env["cs.store"]
                .browse(self.store_a.id)
                .write({"supervisor_ids": [Command.link(self.agent_c.id)]})
            ),
            UserError,
            watch=[(self.store_a, ["supervisor_ids"])],
        )

    def test_two_company_manager_gives_its_team_the_other_company_store(self):
        self._refused(
            self.mgr_ab,
            lambda env: (
                env["helpdesk.ticket.team"]
                .browse(self.team_a.id)
                .write({"cs_store_id": self.store_c.id})
            ),
            UserError,
            watch=[(self.team_a, ["cs_store_id"])],
        )

    def test_two_company_manager_puts_a_ticket_in_the_other_company_store(self):
        self._refused(
            self.mgr_ab,
            lambda env: (
                env["helpdesk.ticket"]
                .browse(self.ticket_a.id)
                .write({"cs_store_id": self.store_c.id})
            ),
            UserError,
            watch=[(self.ticket_a, ["cs_store_id"])],
        )

    def test_two_company_manager_follows_up_the_other_company_ticket(self):
        self._refused(
            self.mgr_ab,
            lambda env: (
                env["cs.followup"]
                .browse(self.followup_a.id)
                .write({"ticket_id": self.ticket_c.id})
            ),
            UserError,
            watch=[(self.followup_a, ["ticket_id", "company_id"])],
        )

    def test_two_company_manager_inspects_with_the_other_company_scorecard(self):
        self._refused(
            self.mgr_ab,
            lambda env: env["cs.qa.inspection"].create(
                {
                    "ticket_id": self.ticket_a.id,
                    "scorecard_id": self.scorecard_b.id,
                    "kind": "supervisor",
                }
            ),
            UserError,
            created=[
                ("cs.qa.inspection", [("scorecard_id", "=", self.scorecard_b.id)])
            ],
        )

    def test_two_company_manager_inspects_the_other_company_agent(self):
        self._refused(
            self.mgr_ab,
            lambda env: env["cs.qa.inspection"].create(
                {
                    "ticket_id": self.ticket_a.id,
                    "scorecard_id": self.scorecard_a.id,
                    "kind": "supervisor",
                    "agent_id": self.user_c.id,
                }
            ),
            UserError,
            created=[("cs.qa.inspection", [("agent_id", "=", self.user_c.id)])],
        )

    def test_two_company_manager_appraises_the_other_company_employee(self):
        self._refused(
            self.mgr_ab,
            lambda env: env["cs.appraisal"].create(
                {"period_id": self.period_a.id, "employee_id": self.agent_c.id}
            ),
            UserError,
            created=[
                (
                    "cs.appraisal",
                    [
                        ("employee_id", "=", self.agent_c.id),
                        ("period_id", "=", self.period_a.id),
                    ],
                )
            ],
        )

    def test_two_company_manager_asks_the_other_company_peer(self):
        self._refused(
            self.mgr_ab,
            lambda env: env["cs.appraisal.feedback"].create(
                {"appraisal_id": self.appraisal_a.id, "reviewer_id": self.agent_c.id}
            ),
            UserError,
            created=[
                ("cs.appraisal.feedback", [("reviewer_id", "=", self.agent_c.id)])
            ],
        )

    def test_two_company_manager_records_a_need_for_the_other_company_employee(self):
        self._refused(
            self.mgr_ab,
            lambda env: (
                env["cs.training.need"]
                .browse(self.need_a.id)
                .write({"employee_id": self.agent_c.id})
            ),
            UserError,
            watch=[(self.need_a, ["employee_id"])],
        )

    # -- moving a record into company B through its parent ----------------
    def test_manager_moves_an_appraisal_to_the_other_company_period(self):
        self._refused(
            self.mgr,
            lambda env: (
                env["cs.appraisal"]
                .browse(self.appraisal_a.id)
                .write({"period_id": self.period_b.id})
            ),
            REFUSED,
            watch=[(self.appraisal_a, ["period_id", "company_id"])],
        )

    def test_manager_moves_a_feedback_to_the_other_company_appraisal(self):
        self._refused(
            self.mgr,
            lambda env: (
                env["cs.appraisal.feedback"]
                .browse(self.feedback_a.id)
                .write({"appraisal_id": self.appraisal_b.id})
            ),
            REFUSED,
            watch=[(self.feedback_a, ["appraisal_id", "company_id"])],
        )

    def test_manager_moves_a_violation_to_the_other_company_ticket(self):
        violation = self.env["cs.phrase.violation"].create(
            {
                "rule_id": self.phrase_rule_a.id,
                "phrase": "x",
                "ticket_id": self.ticket_a.id,
                "user_id": self.agent.id,
            }
        )
        self._refused(
            self.mgr,
            lambda env: (
                env["cs.phrase.violation"]
                .browse(violation.id)
                .write({"ticket_id": self.ticket_c.id})
            ),
            REFUSED,
            watch=[(violation, ["ticket_id", "company_id"])],
        )

    def test_manager_gives_a_certificate_to_the_other_company_employee(self):
        certificate = self.env["cs.training.certificate"].create(
            {"employee_id": self.agent_a.id, "course_id": self.course.id}
        )
        self._refused(
            self.mgr,
            lambda env: (
                env["cs.training.certificate"]
                .browse(certificate.id)
                .write({"employee_id": self.agent_c.id})
            ),
            REFUSED,
            watch=[(certificate, ["employee_id", "company_id"])],
        )

    # -- reading company B ------------------------------------------------
    def test_agent_reads_nothing_of_the_other_company(self):
        for records in (
            self.store_c,
            self.ticket_c,
            self.followup_b,
            self.phrase_rule_b,
            self.threshold_b,
        ):
            self._invisible(self.agent, records)

    def test_store_manager_reads_nothing_of_the_other_company(self):
        for records in (self.store_c, self.ticket_c, self.followup_b, self.need_b):
            self._invisible(self.store_mgr, records)

    def test_manager_reads_nothing_of_the_other_company(self):
        for records in (
            self.store_c,
            self.team_c,
            self.ticket_c,
            self.followup_b,
            self.plan_b,
            self.action_b,
            self.scorecard_b,
            self.phrase_rule_b,
            self.threshold_b,
            self.period_b,
            self.appraisal_b,
            self.need_b,
            self.training_plan_b,
            self.training_plan_b.line_ids,
        ):
            self._invisible(self.mgr, records)

    def test_manager_kpis_hold_no_other_company_figure(self):
        self.env.flush_all()
        groups = (
            self.env["cs.kpi.report"]
            .with_user(self.mgr)
            .read_group([], ["company_id"], ["company_id"])
        )
        self.assertFalse(
            {g["company_id"][0] for g in groups if g["company_id"]} - {self.company.id}
        )
