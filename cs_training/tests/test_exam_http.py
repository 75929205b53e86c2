"""The attendee takes the theory exam through the survey pages, as in the
browser: the score that counts is the one of the submitted answers."""

import re

from odoo.tests import HttpCase, tagged

from .common import CsTrainingCase


@tagged("post_install", "-at_install")
class TestExamOverHttp(HttpCase, CsTrainingCase):
    def _post(self, path, params):
        return self.opener.post(self.base_url() + path, json={"params": params})

    def test_the_attendee_takes_the_exam_online(self):
        session = self._session(self.agent_a)
        assessment = self._attempt(self.agent_a, session)
        survey, answers = self.exam, assessment.survey_input_ids
        agent = self.agent_a.user_id
        self.authenticate(agent.login, agent.login)

        start = assessment.with_user(agent).action_start_exam()
        self.assertEqual(self.url_open(start["url"]).status_code, 200)
        page = self.url_open(f"/survey/{survey.access_token}/{answers.access_token}")
        csrf = re.search(r'csrf_token.+value="([a-f0-9]{40}o[0-9]*)"', page.text).group(
            1
        )
        self.assertEqual(
            self._post(
                f"/survey/begin/{survey.access_token}/{answers.access_token}", {}
            ).status_code,
            200,
        )
        for n, question in enumerate(survey.question_ids):
            right = question.suggested_answer_ids.filtered("is_correct")
            choice = right if n < 4 else question.suggested_answer_ids - right
            response = self._post(
                f"/survey/submit/{survey.access_token}/{answers.access_token}",
                {
                    "question_id": question.id,
                    str(question.id): str(choice.id),
                    "csrf_token": csrf,
                    "token": answers.access_token,
                    "button_submit": "next",
                },
            )
            self.assertEqual(response.status_code, 200)

        answers.invalidate_recordset()
        assessment.invalidate_recordset()
        self.assertEqual(answers.state, "done")
        self.assertEqual(
            (assessment.theory_done, assessment.theory_score), (True, 80.0)
        )
        self.assertFalse(
            assessment.activity_ids.filtered(
                lambda a: (
                    a.activity_type_id
                    == self.env.ref("cs_training.mail_activity_take_exam")
                )
            ),
            "the exam activity is done",
        )
