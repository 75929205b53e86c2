"""TRN-7: a pass issues a certificate with an expiry date and a resumé line;
before expiry a scheduled action warns the holder and the manager and enrols
the holder in the next session, once, a batch at a time."""

from dateutil.relativedelta import relativedelta

from .common import CsTrainingCase


class TestCertificates(CsTrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Certificate = cls.env["cs.training.certificate"]
        cls.renewal_type = cls.env.ref("cs_training.mail_activity_certificate_renewal")

    def _certificate(self, employee, expires_in):
        return self.Certificate.create(
            {
                "employee_id": employee.id,
                "course_id": self.course.id,
                "final_score": 90,
                "issue_date": self.today
                - relativedelta(years=1)
                + relativedelta(days=expires_in),
                "expiry_date": self.today + relativedelta(days=expires_in),
            }
        )

    def test_a_pass_issues_a_certificate_and_a_resume_line(self):
        session = self._session(self.agent_a)
        self._pass(self.agent_a, session)
        certificate = self.agent_a.cs_certificate_ids
        self.assertEqual(certificate.course_id, self.course)
        self.assertEqual(certificate.issue_date, self.today)
        self.assertEqual(certificate.expiry_date, self.today + relativedelta(months=12))
        self.assertEqual(certificate.state, "valid")
        line = certificate.resume_line_id
        self.assertEqual(
            (line.employee_id, line.name), (self.agent_a, "Test onboarding")
        )
        self.assertEqual(
            line.line_type_id, self.env.ref("cs_training.resume_type_service_training")
        )

    def test_a_course_without_validity_never_expires(self):
        self.course.cs_validity_months = 0
        session = self._session(self.agent_a)
        self._pass(self.agent_a, session)
        self.assertFalse(self.agent_a.cs_certificate_ids.expiry_date)

    def test_states_follow_the_dates(self):
        expiring = self._certificate(self.agent_a, 10)
        expired = self._certificate(self.agent_b, 0)
        valid = self._certificate(self.presales_a, 60)
        self.assertEqual(
            (expiring.state, expired.state, valid.state),
            ("expiring", "expired", "valid"),
        )
        for state, certificate in (
            ("expiring", expiring),
            ("expired", expired),
            ("valid", valid),
        ):
            found = self.Certificate.search(
                [("state", "=", state), ("course_id", "=", self.course.id)]
            )
            self.assertEqual(found, certificate)

    def test_reminder_warns_and_enrols_once(self):
        certificate = self._certificate(self.agent_a, 10)
        not_yet = self._certificate(self.agent_b, 60)
        next_session = self._session(days=5, start=False)
        self.Certificate._cron_remind_expiring()
        activities = certificate.activity_ids.filtered(
            lambda a: a.activity_type_id == self.renewal_type
        )
        self.assertEqual(
            activities.user_id, self.agent_a.user_id | self.supervisor_a.user_id
        )
        enrolment = next_session.course_attendee_ids
        self.assertEqual(enrolment.employee_id, self.agent_a)
        self.assertEqual(enrolment.cs_enrolment_kind, "renewal")
        self.assertEqual(certificate.renewal_attendee_id, enrolment)
        self.assertEqual(certificate.reminded_on, self.today)
        self.assertFalse(not_yet.reminded_on)
        # a second run changes nothing
        self.Certificate._cron_remind_expiring()
        self.assertEqual(len(certificate.activity_ids), 2)
        self.assertEqual(len(next_session.course_attendee_ids), 1)

    def test_reminder_keeps_an_existing_enrolment(self):
        certificate = self._certificate(self.agent_a, 10)
        next_session = self._session(self.agent_a, days=5, start=False)
        next_session.draft2waiting()
        next_session.waiting2inprogress()
        later = self._session(days=20, start=False)
        self.Certificate._cron_remind_expiring()
        self.assertEqual(
            certificate.renewal_attendee_id, next_session.course_attendee_ids
        )
        self.assertFalse(later.course_attendee_ids)

    def test_reminder_runs_in_batches(self):
        first = self._certificate(self.agent_a, 5)
        second = self._certificate(self.agent_b, 10)
        self._session(days=3, start=False)
        self.Certificate._cron_remind_expiring(batch_size=1)
        self.assertEqual(
            (bool(first.reminded_on), bool(second.reminded_on)), (True, False)
        )
        self.Certificate._cron_remind_expiring(batch_size=1)
        self.assertTrue(second.reminded_on)

    def test_reminder_without_a_session_logs_a_need(self):
        certificate = self._certificate(self.agent_a, 10)
        self.Certificate._cron_remind_expiring()
        need = self.env["cs.training.need"].search(
            [("employee_id", "=", self.agent_a.id)]
        )
        self.assertEqual((need.source, need.course_id), ("certificate", self.course))
        self.assertTrue(certificate.reminded_on)

    def test_passing_the_renewal_renews_the_certificate(self):
        old = self._certificate(self.agent_a, 10)
        session = self._session(days=0, start=False)
        self.Certificate._cron_remind_expiring()
        session.draft2waiting()
        session.waiting2inprogress()
        self._pass(self.agent_a, session)
        new = self.agent_a.cs_certificate_ids - old
        self.assertEqual(old.renewed_by_id, new)
        self.assertEqual(old.state, "renewed")
        self.assertEqual(new.state, "valid")
