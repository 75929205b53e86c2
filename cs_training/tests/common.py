from dateutil.relativedelta import relativedelta

from odoo import Command, fields

from odoo.addons.cs_management.tests.common import CsOrganisationCase


class CsTrainingCase(CsOrganisationCase):
    """The organisation of cs_management, untrained, plus an onboarding
    course with a five-question exam (20 points a question) and a two-criterion rubric,
    mandatory for every customer-facing role; product defaults otherwise
    (pass mark 80, theory 60 % / practical 40 %, 1 retake, 12 months)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["hr.course"])
        cls.trainer_user = cls.trainer.user_id
        cls.exam = cls.env["survey.survey"].create(
            {
                "title": "Test onboarding exam",
                "access_mode": "token",
                "users_login_required": True,
                "certification": True,
                "scoring_type": "scoring_without_answers",
                "scoring_success_min": 80,
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": f"Question {n}",
                            "question_type": "simple_choice",
                            "suggested_answer_ids": [
                                Command.create(
                                    {
                                        "value": "right",
                                        "is_correct": True,
                                        "answer_score": 20,
                                    }
                                ),
                                Command.create({"value": "wrong"}),
                            ],
                        }
                    )
                    for n in range(1, 6)
                ],
            }
        )
        cls.kind_onboarding = cls.env.ref("cs_training.course_kind_onboarding")
        # independent of the demo: this course is the only mandatory one and
        # nobody has a training record yet
        cls.env["hr.course"].search(
            [("cs_mandatory_role_ids", "!=", False)]
        ).cs_mandatory_role_ids = False
        cls.env["cs.training.certificate"].search([]).unlink()
        facing_roles = cls.env["cs.role"].search([("customer_facing", "=", True)])
        cls.course = cls.env["hr.course"].create(
            {
                "cs_service_training": True,
                "name": "Test onboarding",
                "category_id": cls.kind_onboarding.id,
                "cs_exam_survey_id": cls.exam.id,
                "cs_duration_hours": 8,
                "cs_responsible_id": cls.trainer_user.id,
                "cs_mandatory_role_ids": [Command.set(facing_roles.ids)],
                "cs_rubric_criterion_ids": [
                    Command.create({"name": "Courtesy", "weight": 1}),
                    Command.create({"name": "Accuracy", "weight": 1}),
                ],
            }
        )

    @classmethod
    def _session(cls, employees=None, days=0, start=True, course=None):
        """A session of the course starting in ``days`` days, started if
        ``start`` (which opens an attempt per attendee)."""
        session = cls.env["hr.course.schedule"].create(
            {
                "name": f"Session in {days} days",
                "course_id": (course or cls.course).id,
                "start_date": cls.today + relativedelta(days=days),
                "end_date": cls.today + relativedelta(days=days),
                "cost": 100,
                "authorized_by": cls.cs_manager.id,
                "cs_trainer_id": cls.trainer_user.id,
                "attendant_ids": [
                    Command.set((employees or cls.env["hr.employee"]).ids)
                ],
            }
        )
        if start:
            session.draft2waiting()
            session.waiting2inprogress()
        return session

    def _attempt(self, employee, session):
        attendee = session.course_attendee_ids.filtered(
            lambda a: a.employee_id == employee
        )
        return attendee.cs_assessment_ids.filtered(lambda a: a.state == "open")

    def _take_exam(self, assessment, correct):
        """Answer the exam as the survey controller does: the first
        ``correct`` questions right, the others wrong."""
        answers = assessment.survey_input_ids.sudo()
        for n, question in enumerate(self.exam.question_ids):
            right = question.suggested_answer_ids.filtered("is_correct")
            wrong = question.suggested_answer_ids - right
            answers._save_lines(question, (right if n < correct else wrong).id)
        answers._mark_done()

    def _score(self, assessment, *levels):
        """The trainer scores the rubric, one level a criterion, and records."""
        trainer_view = assessment.with_user(self.trainer_user)
        for line, level in zip(trainer_view.line_ids, levels, strict=True):
            line.level = str(level)
        trainer_view.action_record_scores()

    def _fail(self, employee, session):
        """One failed attempt: theory 40 %, practical 40 %."""
        assessment = self._attempt(employee, session)
        self._take_exam(assessment, 2)
        self._score(assessment, 2, 2)
        return assessment

    def _pass(self, employee, session):
        """One passed attempt: theory 100 %, practical 80 %."""
        assessment = self._attempt(employee, session)
        self._take_exam(assessment, 5)
        self._score(assessment, 4, 4)
        return assessment

    def _new_ticket(self, user, team=None):
        return self.env["helpdesk.ticket"].create(
            {
                "name": "New request",
                "description": "<p>Help</p>",
                "team_id": (team or self.team_a).id,
                "user_id": user.id,
            }
        )
