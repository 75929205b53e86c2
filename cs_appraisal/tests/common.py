from datetime import date

from odoo import Command

from odoo.addons.cs_management.tests.common import CsOrganisationCase

# a month long past: no demo ticket, rating or form falls in it
MONTH = date(2025, 3, 1)
MONTH_END = date(2025, 3, 31)


class CsAppraisalCase(CsOrganisationCase):
    """The organisation of cs_management and one template of known weights
    for every service role, the only active one:

    groups    results 40, attitude 30, ability 20, teamwork 10
    sources   self 10, supervisor 50, customers 30, peers 10
    results   complaint rate (target 0, 0 at 10 %) weight 1,
              resolution rate (target 100, 0 at 50 %) weight 3
    attitude  "Attitude", scored 1-5
    ability   "Knowledge", scored 1-10, and training results (as they are)
    teamwork  "Teamwork", scored 1-5
    training need below 60; the shipped grades (A 90, B 80, C 70, D 60, E).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Template = cls.env["cs.appraisal.template"]
        Template.search([]).active = False
        roles = [
            cls.roles[code].id
            for code in ("specialist", "presales", "supervisor", "store_manager")
        ]
        cls.template = Template.create(
            {
                "name": "Test template",
                "role_ids": [Command.set(roles)],
                "results_weight": 40,
                "attitude_weight": 30,
                "ability_weight": 20,
                "teamwork_weight": 10,
                "self_weight": 10,
                "supervisor_weight": 50,
                "customer_weight": 30,
                "peer_weight": 10,
                "training_threshold": 60,
                "criterion_ids": [
                    Command.create(
                        {
                            "name": "Complaints",
                            "group": "results",
                            "source": "kpi",
                            "kpi": "complaint_rate",
                            "target": 0,
                            "zero_at": 10,
                            "weight": 1,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Resolution",
                            "group": "results",
                            "source": "kpi",
                            "kpi": "resolution_rate",
                            "target": 100,
                            "zero_at": 50,
                            "weight": 3,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Attitude",
                            "group": "attitude",
                            "scale_max": 5,
                            "weight": 1,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Knowledge",
                            "group": "ability",
                            "scale_max": 10,
                            "weight": 1,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Training",
                            "group": "ability",
                            "source": "training",
                            "target": 100,
                            "zero_at": 0,
                            "weight": 1,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Teamwork",
                            "group": "teamwork",
                            "scale_max": 5,
                            "weight": 1,
                        }
                    ),
                ],
            }
        )
        cls.criterion = {c.name: c for c in cls.template.criterion_ids}
        cls.company.cs_appraisal_calibrator_id = cls.cs_manager.user_id
        cls.period = cls.env["cs.appraisal.period"].create(
            {"kind": "monthly", "date_from": MONTH}
        )

    @classmethod
    def _form(cls, employee, period=None):
        return cls.env["cs.appraisal"].create(
            {"period_id": (period or cls.period).id, "employee_id": employee.id}
        )

    @staticmethod
    def _line(form, name):
        return form.line_ids.filtered(lambda line: line.name == name)

    def _as(self, employee, records):
        return records.with_user(employee.user_id)

    def _score_criteria(self, form, who, scores):
        """``who`` (an employee) scores the criteria ``{name: score}`` in the
        field of its part (self or supervisor)."""
        field = "self_score" if who == form.employee_id else "supervisor_score"
        for name, score in scores.items():
            self._as(who, self._line(form, name)).write({field: score})

    def _to_review(self, form, self_scores=None):
        self._as(form.supervisor_id, form).action_start()
        self._score_criteria(
            form,
            form.employee_id,
            self_scores or {"Attitude": 4, "Knowledge": 8, "Teamwork": 5},
        )
        self._as(form.employee_id, form).action_submit_self()

    def _to_calibration(self, form, supervisor_scores=None):
        self._to_review(form)
        self._score_criteria(
            form,
            form.supervisor_id,
            supervisor_scores or {"Attitude": 3, "Knowledge": 9, "Teamwork": 4},
        )
        self._as(form.supervisor_id, form).action_submit_review()

    def _published(self, form, **kw):
        self._to_calibration(form, **kw)
        self._as(self.cs_manager, form).action_publish()
        return form
