"""Demo data only: the service loop of one agent over three months, made
by the real actions on the demo clock (``clock_at``, as the service
history): Kuo Chia-hui's courtesy is weak in three checks by her supervisor
Lin Ya-ting, which opens a training need; the trainer Wang Shu-fen enrols
her in a refresher session, where she fails the exam, retakes and passes;
she writes her reflection; her next checks are full; the trainer keeps the
course in the plan. Run by the post-install hook of a database installed
with demo data; never part of the runtime models."""

from datetime import datetime, time, timedelta

from odoo import fields

from odoo.addons.cs_management.demo.history import clock_at

WEAK_CHECK_DAYS = (84, 77, 70)  # days ago
GOOD_CHECK_DAYS = (40, 30, 20)
SESSION_DAYS = 50


def generate(env):
    today = fields.Date.context_today(env["hr.course"])
    people = {
        name: env.ref(f"cs_management.user_{name}")
        for name in ("kuo_chiahui", "lin_yating", "wang_shufen")
    }
    # QA → training: weak courtesy sends the agent back to the onboarding
    # course (its service etiquette part), as a CS administrator sets it
    courtesy = env.ref("cs_management.qa_criterion_courtesy")
    courtesy.cs_course_id = env.ref("cs_training.course_onboarding")
    for days in WEAK_CHECK_DAYS:
        _check(env, people, today - timedelta(days=days), courtesy=1)
    need = env["cs.training.need"].search(
        [
            ("employee_id.user_id", "=", people["kuo_chiahui"].id),
            ("cs_qa_criterion_id", "=", courtesy.id),
        ],
        limit=1,
    )
    if not need:
        return  # the demo's scorecard or course were changed: nothing to show
    session = _train(env, people, need, today - timedelta(days=SESSION_DAYS))
    for days in GOOD_CHECK_DAYS:
        _check(env, people, today - timedelta(days=days), courtesy=3)
    with clock_at(env, _moment(today - timedelta(days=3), 16)):
        env.ref("cs_training.plan_line_onboarding").with_user(
            people["wang_shufen"]
        ).write(
            {
                "cs_decision": "keep",
                "cs_decision_note": "複訓後郭佳慧的服務禮儀滿分，課程維持不變。",
            }
        )
    return session


def _moment(day, hour):
    return datetime.combine(day, time(hour))


def _check(env, people, day, courtesy):
    """Lin Ya-ting's live check of Kuo Chia-hui, scored and published."""
    courtesy_criterion = env.ref("cs_management.qa_criterion_courtesy")
    with clock_at(env, _moment(day, 7)):
        inspection = (
            env["cs.qa.inspection"]
            .with_user(people["lin_yating"])
            .create(
                {
                    "scorecard_id": courtesy_criterion.scorecard_id.id,
                    "kind": "supervisor",
                    "agent_id": people["kuo_chiahui"].id,
                    "date": day,
                    "remarks": "<p>開頭問候與結尾致謝要完整，稱呼顧客姓名。</p>",
                }
            )
        )
        for line in inspection.line_ids:
            weak = line.criterion_id == courtesy_criterion
            line.points = courtesy if weak else line.max_points
        inspection.action_publish()


def _train(env, people, need, day):
    trainer = people["wang_shufen"]
    with clock_at(env, _moment(day - timedelta(days=6), 2)):
        session = (
            env["hr.course.schedule"]
            .with_user(trainer)
            .create(
                {
                    "name": "服務禮儀複訓",
                    "course_id": need.course_id.id,
                    "start_date": day,
                    "end_date": day,
                    "cost": 1500,
                    "place": "台北信義店 培訓室",
                    "authorized_by": env.ref("cs_management.employee_chen_meiling").id,
                    "cs_trainer_id": trainer.id,
                }
            )
        )
        need.with_user(trainer).action_enrol()
    with clock_at(env, _moment(day, 2)):
        session.with_user(trainer).draft2waiting()
        session.with_user(trainer).waiting2inprogress()
    attendee = session.course_attendee_ids.filtered(
        lambda a: a.employee_id == need.employee_id
    )
    with clock_at(env, _moment(day, 6)):
        _attempt(env, attendee, trainer, right=5, level="3")  # fails
    with clock_at(env, _moment(day, 9)):
        _attempt(env, attendee, trainer, right=10, level="4")  # the retake passes
    with clock_at(env, _moment(day + timedelta(days=1), 3)):
        attendee.with_user(people["kuo_chiahui"])._cs_record_reflection(
            "先稱呼顧客姓名再問候；結束前一定致謝並告知隨時可再聯絡。"
        )
    return session


def _attempt(env, attendee, trainer, right, level):
    """The attendee answers ``right`` questions of the exam correctly; the
    trainer scores the rubric at ``level`` and records it."""
    assessment = attendee.cs_assessment_ids.filtered(lambda a: a.state == "open")
    answers = assessment.survey_input_ids.sudo()
    questions = assessment.attendee_id.cs_course_id.cs_exam_survey_id.question_ids
    for n, question in enumerate(questions):
        correct = question.suggested_answer_ids.filtered("is_correct")
        wrong = question.suggested_answer_ids - correct
        answers._save_lines(question, (correct if n < right else wrong[:1]).id)
    answers._mark_done()
    scored = assessment.with_user(trainer)
    scored.line_ids.write({"level": level})
    scored.action_record_scores()
