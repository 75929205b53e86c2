"""The named list of sudo() places of our addons (issue 11).

Access is decided by the access rights and record rules of the acting user's
groups. ``sudo()`` is used only where the acting user must not be given the
right itself, because the process acts on their behalf: recording the fields
nobody may type (states, dates, figures, counters), reading the organisation,
the configuration or other people's records to route, sample, measure or
check a constraint, and sending mail or to-dos as the system. It is never a
way to skip a rule the user should be checked against: where the user's own
right matters, it is checked first (``check_access``, the record rules, the
step rights of the appraisal) and the sudo comes after.

``tests/test_sudo_places.py`` fails on a sudo() in a place not named here,
and on a name here without a sudo(); each value says, in one sentence, what
the user could not do themselves and why that is right.
"""

SUDO_PLACES = {
    # ------------------------------------------------------------------
    # cs_appraisal
    # ------------------------------------------------------------------
    # cs_appraisal/models/cs_appraisal.py
    "cs_appraisal/models/cs_appraisal.py::CsAppraisal.create": (
        "building a form reads the appraised employee's role and the template "
        "of the period's company, whatever companies the creating session has "
        "selected; the form itself is created with the caller's rights"
    ),
    # cs_appraisal/models/cs_appraisal_feedback.py
    "cs_appraisal/models/cs_appraisal_feedback.py::CsAppraisalFeedback.create": (
        "the supervisor asks a peer for feedback: the to-do is the peer's, "
        "scheduled by the system once the supervisor's step right was checked"
    ),
    "cs_appraisal/models/cs_appraisal_feedback.py::"
    "CsAppraisalFeedback._cs_add_criteria": (
        "the peer's score lines are created by the process from the form's "
        "criteria scored by people, which the peer may not read; nobody may "
        "create or remove them by hand"
    ),
    "cs_appraisal/models/cs_appraisal_feedback.py::"
    "CsAppraisalFeedback._cs_check_open": (
        "the peer may not read the colleague's form, yet its step decides "
        "whether feedback is still taken"
    ),
    "cs_appraisal/models/cs_appraisal_feedback.py::CsAppraisalFeedback.action_submit": (
        "the state is recorded by the process, never typed: the asked peer "
        "submits and closes its own to-do after the reviewer check"
    ),
    "cs_appraisal/models/cs_appraisal_feedback.py::CsAppraisalFeedback.action_cancel": (
        "the supervisor withdraws a request: the cancelled state and the "
        "peer's to-do are the process's, after the supervisor's step right"
    ),
    # cs_appraisal/models/cs_appraisal_feedback_line.py
    "cs_appraisal/models/cs_appraisal_feedback_line.py::"
    "CsAppraisalFeedbackLine._check_score": (
        "the constraint compares the peer's score with the form's criterion, "
        "which the peer may not read"
    ),
    # cs_appraisal/models/cs_appraisal_measures.py
    "cs_appraisal/models/cs_appraisal_measures.py::CsAppraisal._measures": (
        "the measured criteria come from the KPI report and the training "
        "results of the employee, which the supervisor or the opening job may "
        "not read; only the period's aggregates are taken"
    ),
    "cs_appraisal/models/cs_appraisal_measures.py::CsAppraisal._team_targets": (
        "a criterion reading the team's target needs the employee's helpdesk "
        "team and its store's monthly targets, which the opening job or a "
        "supervisor of another store may not read"
    ),
    "cs_appraisal/models/cs_appraisal_measures.py::CsAppraisal._refresh_measures": (
        "the measured figures and the customers' ratings are recorded by the "
        "process from the period's data, never typed by the supervisor"
    ),
    "cs_appraisal/models/cs_appraisal_measures.py::CsAppraisal._fill_from_months": (
        "the annual form averages every published monthly form of the year, "
        "some out of the caller's reach, and records the averages, which "
        "nobody types"
    ),
    # cs_appraisal/models/cs_appraisal_outcomes.py
    "cs_appraisal/models/cs_appraisal_outcomes.py::"
    "CsAppraisal._create_training_needs": (
        "the training needs are the company's outcome of a published form, "
        "created by the process whoever publishes it"
    ),
    "cs_appraisal/models/cs_appraisal_outcomes.py::CsAppraisal._cs_refresh_annual": (
        "publishing a month refreshes the employee's open annual form, found "
        "whoever publishes and whichever company is selected"
    ),
    # cs_appraisal/models/cs_appraisal_period.py
    "cs_appraisal/models/cs_appraisal_period.py::"
    "CsAppraisalPeriod._employees_to_appraise": (
        "opening forms must see every employee, template and form of the "
        "period, whatever the caller's reach, so that no form is created twice "
        "or missed"
    ),
    "cs_appraisal/models/cs_appraisal_period.py::CsAppraisalPeriod._open_forms": (
        "the forms are opened by the process for the company's employees with "
        "values it computes, after the CS manager check of action_open_forms"
    ),
    # cs_appraisal/models/cs_appraisal_workflow.py
    "cs_appraisal/models/cs_appraisal_workflow.py::CsAppraisal._cs_set_state": (
        "the step and its to-dos are the process's: they move only through the "
        "actions, after the step right, and the next to-do is another user's"
    ),
    "cs_appraisal/models/cs_appraisal_workflow.py::CsAppraisal._cs_log": (
        "the calibration note is the process's record on the form, posted "
        "whatever the party may write on it"
    ),
    "cs_appraisal/models/cs_appraisal_workflow.py::CsAppraisal.action_submit_review": (
        "submitting the review closes every open peer request of the form, "
        "including those the supervisor may not see"
    ),
    "cs_appraisal/models/cs_appraisal_workflow.py::CsAppraisal.action_publish": (
        "the grade's outcomes (training needs, proposals) are the company's, "
        "applied by the process once the CS manager's step right was checked"
    ),
    # ------------------------------------------------------------------
    # cs_management
    # ------------------------------------------------------------------
    # cs_management/controllers/main.py
    "cs_management/controllers/main.py::CsHelpdeskTicketController._cs_close": (
        "the ticket's customer (a portal user, or an employee who asked for "
        "help) may read but not edit it, and closes it only to a closing stage "
        "its team offers in the portal"
    ),
    # cs_management/models/cs_job_mixin.py
    "cs_management/models/cs_job_mixin.py::CsJobMixin._compute_cs_job_counts": (
        "the queue jobs are the queue managers' records; their count is the "
        "progress of the record, shown to whoever reads it"
    ),
    # cs_management/models/cs_kpi_report_streams.py
    "cs_management/models/cs_kpi_report_streams.py::CsKpiReport._inspection_stream": (
        "the KPI view is built from every counted inspection once for all "
        "users; each reader's rules on the report then bound what they see"
    ),
    # cs_management/models/cs_personal_data.py
    "cs_management/models/cs_personal_data.py::CsPersonalData.export_data": (
        "the export of personal data is logged by the process in an audit log "
        "that the exporting user may not write"
    ),
    # cs_management/models/cs_phrase_violation.py
    "cs_management/models/cs_phrase_violation.py::CsPhraseViolation._record": (
        "a forbidden phrase in the agent's message is recorded by the process; "
        "the agent may only read its violations, never write them"
    ),
    # cs_management/models/cs_qa_calibration.py
    "cs_management/models/cs_qa_calibration.py::CsQaCalibration._check_reviewers": (
        "the constraint needs every QA reviewer, in all companies, which the "
        "user editing the session may not list"
    ),
    "cs_management/models/cs_qa_calibration.py::CsQaCalibration._compare_scores": (
        "a reviewer sees only its own sheets, yet the consensus and the "
        "deviations, recorded by the process, compare all the session's sheets"
    ),
    # cs_management/models/cs_qa_criterion.py
    "cs_management/models/cs_qa_criterion.py::CsQaCriterion._unlink_unless_used": (
        "a criterion scored in any inspection, even one the administrator's "
        "rules hide, must stay in their history"
    ),
    # cs_management/models/cs_qa_inspection.py
    "cs_management/models/cs_qa_inspection.py::CsQaInspection._compute_team_store": (
        "the inspection's team and store come from the agent's employee and "
        "teams, which the reviewer may not read"
    ),
    "cs_management/models/cs_qa_inspection.py::CsQaInspection._compute_display_name": (
        "the name shows the inspected ticket's number to readers of the "
        "inspection (the agent, a trainer) who may no longer read the ticket"
    ),
    # cs_management/models/cs_qa_helpdesk_ticket.py
    "cs_management/models/cs_qa_helpdesk_ticket.py::"
    "HelpdeskTicket._search_cs_qa_reviewer_ids": (
        "the QA reviewer's ticket rule lists the tickets the user inspects; "
        "read through the inspections' own rules, which reach back to the "
        "tickets, it would loop"
    ),
    # cs_management/models/cs_qa_inspection_checks.py
    "cs_management/models/cs_qa_inspection_checks.py::CsQaInspection._check_reviewer": (
        "the constraint needs the members of the QA reviewer group, which the "
        "user may not read"
    ),
    "cs_management/models/cs_qa_inspection_checks.py::CsQaInspection._check_company": (
        "the batch company check reads the linked records' companies at once, "
        "as Odoo's one-by-one check does, and falls back to it on a mismatch"
    ),
    # cs_management/models/cs_qa_inspection_sheet.py
    "cs_management/models/cs_qa_inspection_sheet.py::"
    "CsQaInspection._sample_reviewers": (
        "the sampling picks each agent's reviewer from the reviewer group and "
        "the agent's employee, manager and store, which it may not read"
    ),
    "cs_management/models/cs_qa_inspection_sheet.py::CsQaInspection._broken_phrases": (
        "the sheet is prefilled with the agent's phrase violations on the "
        "ticket, which the reviewer's rules may not reach"
    ),
    # cs_management/models/cs_qa_inspection_workflow.py
    "cs_management/models/cs_qa_inspection_workflow.py::"
    "CsQaInspection.action_publish": (
        "the state and publication date are recorded by the process, after "
        "the reviewer's write right was checked"
    ),
    "cs_management/models/cs_qa_inspection_workflow.py::"
    "CsQaInspection.action_acknowledge": (
        "the agent may not write its inspection, yet records having read it: "
        "only the acknowledged state and date, by the process"
    ),
    "cs_management/models/cs_qa_inspection_workflow.py::CsQaInspection.action_submit": (
        "the submitted state of calibration scores is recorded by the process, "
        "after the write right and the reviewer were checked"
    ),
    "cs_management/models/cs_qa_inspection_workflow.py::"
    "CsQaInspection.action_reset_draft": (
        "reopening clears the state and dates the process recorded, which "
        "nobody may type, once the CS manager check passed"
    ),
    # cs_management/models/cs_qa_scorecard.py
    "cs_management/models/cs_qa_scorecard.py::CsQaScorecard._unlink_unless_used": (
        "a scorecard used by any inspection, even one the administrator's "
        "rules hide, must stay in their history"
    ),
    "cs_management/models/cs_qa_scorecard_sampling.py::CsQaScorecard._sample_seed": (
        "the draw is seeded with the database secret, which only the system "
        "may read, so that agents cannot guess it"
    ),
    "cs_management/models/cs_qa_scorecard_sampling.py::CsQaScorecard._sample": (
        "the sampled inspections are created by the process with fields nobody "
        "types (kind, period), counting those already drawn in any reach"
    ),
    "cs_management/models/cs_qa_scorecard_sampling.py::CsQaScorecard._sample_draw": (
        "the draw ranks every closed ticket of the scorecard's scope and every "
        "inspected ticket, whatever the reach of whoever starts it"
    ),
    # cs_management/models/cs_role.py
    "cs_management/models/cs_role.py::CsRole.write": (
        "changing a role's group re-syncs every holder's groups, in all "
        "companies, which the role's editor may not list"
    ),
    # cs_management/models/cs_store.py
    "cs_management/models/cs_store.py::CsStore._check_own_sales_team": (
        "the constraint must see the stores of every company sharing the sales "
        "team, not only those the user may read"
    ),
    # cs_management/models/cs_ticket_handoff.py
    "cs_management/models/cs_ticket_handoff.py::CsTicketHandoff._check_access": (
        "the access check reads the handoffs' author and ticket to add the "
        "ticket's access to the rules, without recursing into itself"
    ),
    # cs_management/models/helpdesk_ticket_concerned.py
    "cs_management/models/helpdesk_ticket_concerned.py::"
    "HelpdeskTicket.action_cs_record_commendation": (
        "an agent records its contact's customer commendation, once, after "
        "the write check on the contact; agents may not create commendations "
        "by hand, which feed the praise rate and the appraisal"
    ),
    # cs_management/models/helpdesk_ticket_stage_gate.py
    "cs_management/models/helpdesk_ticket_stage_gate.py::"
    "HelpdeskTicket._check_ticket_has_empty_fields": (
        "the stage's required fields are ir.model.fields records, which agents "
        "may not read"
    ),
    "cs_management/models/helpdesk_ticket.py::HelpdeskTicket._cs_after_assessment": (
        "a change of kind or severity recomputes the deadlines, the system's "
        "bookkeeping that agents may not edit"
    ),
    # cs_management/models/helpdesk_ticket_assignment.py
    "cs_management/models/helpdesk_ticket_assignment.py::"
    "HelpdeskTicket._cs_auto_assign": (
        "the ticket's author (a customer, an agent) may not read the team's "
        "members and load, which the automatic assignment needs"
    ),
    # cs_management/models/helpdesk_ticket_deadlines.py
    "cs_management/models/helpdesk_ticket_deadlines.py::"
    "HelpdeskTicket._cs_record_first_response": (
        "the first-response time and the deadlines it meets or misses are "
        "recorded by the process, never typed by the agent"
    ),
    "cs_management/models/helpdesk_ticket_deadlines.py::"
    "HelpdeskTicket._cs_restart_deadlines": (
        "a corrected reception time moves the start of the deadlines not yet "
        "running, which are the system's bookkeeping"
    ),
    "cs_management/models/helpdesk_ticket_deadlines.py::HelpdeskTicket.set_sla": (
        "staff may not write deadlines: the process sets them on a ticket that "
        "has none, after the user's access to the ticket was checked"
    ),
    "cs_management/models/helpdesk_ticket_deadlines.py::HelpdeskTicket.refresh_sla": (
        "staff may not write deadlines: the process adds those the ticket now "
        "qualifies for, after the user's write right was checked"
    ),
    # cs_management/models/helpdesk_ticket_escalation.py
    "cs_management/models/helpdesk_ticket_escalation.py::"
    "HelpdeskTicket._cs_notify_management": (
        "the severity already notified is the process's bookkeeping, recorded "
        "so that managers are told once"
    ),
    # cs_management/models/hr_employee.py
    "cs_management/models/hr_employee.py::HrEmployee._cs_leaders": (
        "the organisation service reads the reporting line and the store's "
        "leaders, which staff routing a ticket or a reminder may not read; it "
        "returns the users in the caller's environment"
    ),
    # cs_management/models/helpdesk_ticket_idle.py
    "cs_management/models/helpdesk_ticket_idle.py::HelpdeskTicket._cs_answered": (
        "whether the customer wrote is read from all the ticket's messages, "
        "whatever the scheduler's rules on them"
    ),
    "cs_management/models/helpdesk_ticket_idle.py::HelpdeskTicket._cs_handle_silent": (
        "the reminder date is recorded by the process when it reminds the "
        "silent customer, never typed"
    ),
    "cs_management/models/helpdesk_ticket_idle.py::HelpdeskTicket._cs_move_silent": (
        "the process moves a ticket whose customer stayed silent on, with the "
        "values it decides, as nobody acts on it"
    ),
    # cs_management/models/helpdesk_ticket_mail.py
    "cs_management/models/helpdesk_ticket_mail.py::HelpdeskTicket._cs_reroute": (
        "routing an incoming e-mail reads the ticket it answers, which the "
        "sender may not read, only to know whether it is closed for good"
    ),
    "cs_management/models/helpdesk_ticket_mail.py::"
    "HelpdeskTicket._cs_resume_deadlines": (
        "the customer's answer resumes the paused deadlines, the system's "
        "bookkeeping that neither customer nor agent may edit"
    ),
    "cs_management/models/helpdesk_ticket_mail.py::"
    "HelpdeskTicket._cs_ticket_named_in": (
        "routing an incoming e-mail finds the ticket its subject names among "
        "all tickets, kept only when it is the sender's own"
    ),
    # cs_management/models/helpdesk_ticket_merge.py
    "cs_management/models/helpdesk_ticket_merge.py::"
    "HelpdeskTicketMerge.merge_tickets": (
        "OCA's merge moves the merged tickets' messages and activities, which "
        "only an administrator may rewrite, after the write right on every "
        "ticket was checked; the kept ticket's values are written with it too"
    ),
    "cs_management/models/helpdesk_ticket_merge.py::"
    "HelpdeskTicketMerge._cs_move_to_kept": (
        "the merge moves the follow-ups and hand-offs, which agents may not "
        "edit, and records the earliest promise and due date on the kept "
        "ticket, after the write right on every merged ticket was checked"
    ),
    # cs_management/models/helpdesk_ticket_manual_escalation.py
    "cs_management/models/helpdesk_ticket_manual_escalation.py::"
    "HelpdeskTicket._cs_escalate": (
        "the escalation counter is recorded by the process, never typed: it "
        "decides when the CS managers are told"
    ),
    "cs_management/models/helpdesk_ticket_manual_escalation.py::"
    "HelpdeskTicket._cs_notify_management": (
        "the managers-notified flag is the process's bookkeeping, recorded so "
        "that managers are told once"
    ),
    # cs_management/models/helpdesk_ticket_rating.py
    "cs_management/models/helpdesk_ticket_rating.py::"
    "HelpdeskTicket._cs_hide_rating_links": (
        "the customer's rating keys, and the chatter copy of the request that "
        "carries them, are rewritten by the process, which nobody else may edit"
    ),
    # cs_management/models/helpdesk_ticket_replies.py
    "cs_management/models/helpdesk_ticket_replies.py::"
    "HelpdeskTicket._cs_update_promise": (
        "the date promised to the customer is recorded by the process from "
        "the deadlines, never typed"
    ),
    "cs_management/models/helpdesk_ticket_replies.py::HelpdeskTicket._cs_acknowledge": (
        "the acknowledged flag is recorded by the process once the "
        "acknowledgement is sent, so that it is sent once"
    ),
    "cs_management/models/helpdesk_ticket_replies.py::"
    "HelpdeskTicket.action_cs_tell_result": (
        "the date the result was told is recorded by the process when the "
        "solution is sent, and starts the wait for the customer"
    ),
    "cs_management/models/helpdesk_ticket_replies.py::"
    "HelpdeskTicket.action_cs_not_satisfied": (
        "the process clears the date the result was told when the customer "
        "rejects it; the stage then moves with the user's own rights"
    ),
    # cs_management/models/helpdesk_ticket_sla.py
    "cs_management/models/helpdesk_ticket_sla.py::HelpdeskTicketSla._stage_recompute": (
        "a stage change recomputes the deadlines, which staff may not write, "
        "once the ticket's write checked the user's right to move it"
    ),
    # cs_management/models/helpdesk_ticket_stage.py
    "cs_management/models/helpdesk_ticket_stage.py::"
    "HelpdeskTicketStage._cs_required_fields": (
        "the stage's required fields and requirements are ir.model.fields "
        "records, which agents may not read"
    ),
    "cs_management/models/helpdesk_ticket_stage.py::"
    "HelpdeskTicketStage._cs_sync_paused_deadlines": (
        "the pause set on a stage is copied to every SLA, archived or of "
        "another company, which the stage's editor may not all write"
    ),
    # cs_management/models/helpdesk_ticket_team_assignment.py
    "cs_management/models/helpdesk_ticket_team_assignment.py::"
    "HelpdeskTicketTeam._cs_assignees": (
        "the assignment counts the candidates' open tickets across the "
        "company, which the ticket's author may not read"
    ),
    "cs_management/models/helpdesk_ticket_team_assignment.py::"
    "HelpdeskTicketTeam._cs_members_at_work": (
        "the assignment reads the members' employees and leaves, which the "
        "ticket's author may not read"
    ),
    # cs_management/models/mail_canned_response.py
    "cs_management/models/mail_canned_response.py::"
    "MailCannedResponse._cs_shared_with_service": (
        "whether a canned response is shared with Customer Service is read "
        "from its groups' category, which agents may not read"
    ),
    # cs_management/models/mail_thread.py
    "cs_management/models/mail_thread.py::MailThread._cs_in_lang_of": (
        "the recipient's language is read from a user, partner or employee "
        "the acting user may not read"
    ),
    # cs_management/models/record_access.py
    "cs_management/models/record_access.py::user_rule_domain": (
        "sudo(False) drops the superuser so that the rules computed are the "
        "current user's own, even called from a sudo environment"
    ),
    "cs_management/models/record_access.py::accessible_ids_query": (
        "checks the user's own access rights with sudo(False), then queries "
        "with the user's rule domain applied explicitly, archived included"
    ),
    # cs_management/models/res_partner.py
    "cs_management/models/res_partner.py::ResPartner._cs_customers": (
        "whether a partner is staff is read from its users, which portal users "
        "and agents may not read"
    ),
    "cs_management/models/res_partner.py::ResPartner._compute_display_name": (
        "sudo(False): Odoo reads a link's name with the address as the "
        "superuser, and the masking is decided by the user who asked"
    ),
    # cs_management/models/res_users.py
    "cs_management/models/res_users.py::ResUsers._compute_cs_organisation": (
        "the record rules read the user's subordinates and managed stores, "
        "which the user may not read itself"
    ),
    "cs_management/models/res_users.py::ResUsers._sync_cs_role_groups": (
        "the role's groups are given by the process, not by a group "
        "administrator, once the CS manager check allowed the role's change"
    ),
    "cs_management/models/res_users.py::ResUsers._cs_staff_in_reach": (
        "the user's reach is read from its subordinates and stores' staff, "
        "which the user may not read"
    ),
    # ------------------------------------------------------------------
    # cs_training
    # ------------------------------------------------------------------
    # cs_training/models/cs_training_assessment.py
    "cs_training/models/cs_training_assessment.py::CsTrainingAssessment._cs_invite": (
        "the exam survey belongs to the trainers: the attendee gets an answer "
        "token created by the process, not access to the survey"
    ),
    "cs_training/models/cs_training_assessment.py::"
    "CsTrainingAssessment.action_record_scores": (
        "who recorded the scores and when is recorded by the process, after "
        "the trainer's write right was checked"
    ),
    "cs_training/models/cs_training_assessment.py::"
    "CsTrainingAssessment.action_start_exam": (
        "the attendee may not read the survey answers, which belong to the "
        "trainers, yet opens its own exam attempt"
    ),
    "cs_training/models/cs_training_assessment.py::CsTrainingAssessment._cs_evaluate": (
        "the result and its consequences (certificate, retake, retraining) are "
        "the company's, decided by the process whoever completed the attempt"
    ),
    # cs_training/models/cs_training_need.py
    "cs_training/models/cs_training_need.py::CsTrainingNeed._cs_enrol_in": (
        "the failed enrolment's follow-up is recorded by the process when the "
        "supervisor enrols the employee again, who may not write enrolments"
    ),
    "cs_training/models/cs_training_need.py::CsTrainingNeed._cs_record": (
        "where a need stands (state, closed on, plan line) is recorded by its "
        "actions, which nobody may write by hand, once the user's right to "
        "write the need was checked"
    ),
    "cs_training/models/cs_training_need.py::CsTrainingNeed._cs_close_if_trained": (
        "a need closes when its people pass: the pass is the trainer's or the "
        "exam's, who may not write the need's recorded state"
    ),
    # cs_training/models/hr_course.py
    "cs_training/models/hr_course.py::HrCourse._cs_enrol_in_next_session": (
        "a failed enrolment or an expiring certificate without a session to "
        "go to opens the need it records (its failed enrolment), which "
        "nobody may name by hand"
    ),
    # cs_training/models/helpdesk_ticket.py
    "cs_training/models/helpdesk_ticket.py::HelpdeskTicket._cs_assignable": (
        "the assignment reads the candidates' employees to keep those cleared "
        "to serve, which the ticket's author may not read"
    ),
    # cs_training/models/cs_qa_inspection.py
    "cs_training/models/cs_qa_inspection.py::CsQaInspection._cs_open_training_needs": (
        "publishing a result reads the scoresheets and course links of the "
        "criteria, which the publishing reviewer may not read for every agent"
    ),
    "cs_training/models/cs_qa_inspection.py::CsQaInspection._cs_repeated_weak": (
        "the count of weak results covers the agent's other inspections of "
        "the month, whoever reviewed them"
    ),
    # cs_training/models/cs_qa_inspection_line.py
    "cs_training/models/cs_qa_inspection_line.py::"
    "CsQaInspectionLine._cs_create_needs": (
        "the training need is opened by the process on the agent's behalf: "
        "the reviewer may not read the agent's employee nor create a need "
        "in every role, and finds the open needs of other sources"
    ),
    # cs_training/models/hr_course_attendee_reflection.py
    "cs_training/models/hr_course_attendee_reflection.py::"
    "HrCourseAttendee._cs_record_reflection": (
        "the attendee writes the reflection on its own enrolment, which it may "
        "only read: after the check that it is the attendee and reads it"
    ),
    # cs_training/models/training_effect.py
    "cs_training/models/training_effect.py::effect_counts": (
        "a training's effect compares the attendees' KPIs before and after "
        "their session; whoever reads the enrolments (own, a supervisor's "
        "staff, trainers) reads it, while the KPI report's rules follow stores "
        "and the course's average pools attendees of every store"
    ),
    # cs_training/models/hr_course_effect.py
    "cs_training/models/hr_course_effect.py::HrCourse._compute_cs_effect": (
        "a course's effect pools all its attendees, whom a trainer or a "
        "supervisor reading the course may not all read"
    ),
    # cs_training/models/hr_course_attendee.py
    "cs_training/models/hr_course_attendee.py::HrCourseAttendee._cs_open_assessment": (
        "the exam attempt is opened by the process, never created by hand, "
        "when the attendee is marked present"
    ),
    "cs_training/models/hr_course_attendee.py::HrCourseAttendee._cs_sync_attendance": (
        "the attendee's result and the attempt's state are recorded by the "
        "process from the attendance, never typed"
    ),
    # cs_training/models/hr_course_schedule.py
    "cs_training/models/hr_course_schedule.py::HrCourseSchedule._cs_enrol": (
        "why each employee was enrolled is recorded by the process, after the "
        "user's right to change the session was checked"
    ),
    # cs_training/models/hr_employee.py
    "cs_training/models/hr_employee.py::HrEmployee._cs_service_gate_reasons": (
        "the onboarding gate reads the employees' certificates, which the "
        "assigning agent or the employee's reader may not read"
    ),
    "cs_training/models/hr_employee.py::HrEmployee._cs_service_blocks": (
        "whether the assignee of a ticket or a follow-up call is cleared to "
        "serve is read from its employee, which the assigning user may not read"
    ),
    "cs_training/models/hr_employee.py::HrEmployee._cs_mandatory_courses": (
        "the gate runs for whoever files or assigns a ticket, a portal "
        "customer included, who may not read the courses mandatory for a role"
    ),
    "cs_training/models/hr_employee.py::HrEmployee.action_cs_record_prior_onboarding": (
        "going live, the mandatory courses are recorded as passed by the "
        "process, after the CS manager check"
    ),
    "cs_training/models/hr_employee.py::HrEmployee._compute_cs_service_gate": (
        "the gate shown on the employee reads certificates and courses the "
        "employee's reader may not read"
    ),
    "cs_training/models/hr_employee.py::HrEmployee._search_cs_cleared_to_serve": (
        "the search lists the gated customer-facing employees; the caller's "
        "own rules still bound the employees found"
    ),
    "cs_training/models/hr_employee.py::HrEmployee._compute_cs_training_hours_year": (
        "the year's training hours are summed from enrolments, which the "
        "employee's reader may not read"
    ),
    "cs_training/models/hr_employee.py::HrEmployee._cs_promotion_gaps": (
        "the gaps to the next role read the employee's certificates, which "
        "the supervisor or the appraisal may not read"
    ),
    # cs_training/models/hr_employee_public.py
    "cs_training/models/hr_employee_public.py::"
    "HrEmployeePublic._compute_cs_service_gate": (
        "colleagues may know who can take tickets and why not, without "
        "reading the employee's private record and certificates"
    ),
    # cs_management/controllers/faq.py
    "cs_management/controllers/faq.py::CsFaqController.cs_faq": (
        "the public FAQ page shows visitors the published service articles, "
        "which a public user may not read; the domain is fixed in the code"
    ),
    # cs_management/controllers/social_api.py
    "cs_management/controllers/social_api.py::SocialIntakeApi._connector": (
        "the API key is checked and its user's group read before any user is "
        "known: the request is not logged in"
    ),
    "cs_management/controllers/social_api.py::SocialIntakeApi.post_message": (
        "the connector's user may do nothing else by design: once its key and "
        "group are checked, the intake creates the ticket as the process, from "
        "validated fields only"
    ),
    "cs_management/controllers/social_api.py::SocialIntakeApi.fetch_replies": (
        "the connector's user reads only the queued replies of its platform, "
        "handed out once, through the process after its key and group checks"
    ),
    # cs_management/models/document_page.py
    "cs_management/models/document_page.py::DocumentPage._compute_cs_use_count": (
        "an article's use counts every ticket it answered, also the tickets "
        "the reader may not open; only the count is shown"
    ),
    "cs_management/models/document_page.py::DocumentPage.action_cs_use_on_ticket": (
        "which article answered a ticket feeds the use report: recorded by this "
        "action only, after the agent's own write of the answer"
    ),
    # cs_management/models/helpdesk_ticket_social.py
    "cs_management/models/helpdesk_ticket_social.py::HelpdeskTicket.message_post": (
        "an agent's reply on a social ticket is queued for the connector; the "
        "queue is the process's, no agent may write it"
    ),
    # ------------------------------------------------------------------
    # cs_website
    # ------------------------------------------------------------------
    # cs_website/controllers/main.py
    "cs_website/controllers/main.py::CsServiceRequest.service_request": (
        "the public form lists the stores' teams, the kinds and the file limits "
        "offered, which a visitor without a login may not read"
    ),
    "cs_website/controllers/main.py::CsServiceRequest.service_request_thanks": (
        "the receipt shows the number and promise of the one ticket this "
        "browser's session has just filed, which the visitor may not read"
    ),
    "cs_website/controllers/main.py::CsWebsiteForm.extract_data": (
        "a visitor's request is checked against the offered teams and kinds, "
        "its sender's earlier requests counted and its contact found or "
        "created, none of which the public user may read or write"
    ),
    # ------------------------------------------------------------------
    # cs_livechat
    # ------------------------------------------------------------------
    # cs_livechat/models/discuss_channel.py
    "cs_livechat/models/discuss_channel.py::DiscussChannel._cs_create_ticket": (
        "the chat's link to its ticket is recorded by this action only, after "
        "the operator created the ticket with its own rights"
    ),
    "cs_livechat/models/discuss_channel.py::DiscussChannel.message_post": (
        "an operator's chat message is the linked ticket's first response, "
        "recorded by the process whether or not the chatting user (a guest, "
        "an operator of another team) may read the ticket"
    ),
    # ------------------------------------------------------------------
    # cs_pos
    # ------------------------------------------------------------------
    # cs_pos/models/helpdesk_ticket_pos.py
    "cs_pos/models/helpdesk_ticket_pos.py::HelpdeskTicket._check_cs_pos_orders": (
        "the constraint compares the customer of every receipt named on the "
        "ticket with the ticket's, also of a crafted receipt id the user may "
        "not read, which is refused as another customer's"
    ),
    # ------------------------------------------------------------------
    # cs_sale
    # ------------------------------------------------------------------
    # cs_sale/models/helpdesk_ticket_after_sales.py
    "cs_sale/models/helpdesk_ticket_after_sales.py::"
    "HelpdeskTicket._cs_check_no_open_rma": (
        "the close gate counts every open RMA of the ticket, also those of "
        "other responsibles the closing user may not read"
    ),
    # cs_sale/models/rma.py
    "cs_sale/models/rma.py::Rma._compute_cs_ticket_readable": (
        "sudo(False) drops the superuser of the rule check so that the "
        "ticket is checked with the user's own rules"
    ),
    # cs_sale/models/sale_order.py
    "cs_sale/models/sale_order.py::SaleOrder._cs_readable_domain": (
        "the customers of the tickets the user may read (their ids already "
        "bounded by the user's own ticket rules) are read in the rule's query"
    ),
    # cs_sale/models/res_partner_purchase.py
    "cs_sale/models/res_partner_purchase.py::ResPartner._cs_average_ratings": (
        "the satisfaction trend averages the ratings of all the customer's "
        "tickets, some of other stores, for the customers the user may see"
    ),
    # cs_sale/models/res_partner_tier.py
    "cs_sale/models/res_partner_tier.py::ResPartner._cron_cs_recompute_tiers": (
        "the scheduled action keeps its batch cursor in a system parameter, "
        "which its user may not write"
    ),
    "cs_sale/models/res_partner_tier.py::ResPartner._cs_apply_tier_rules": (
        "the tier and its movements are recorded by the tier rules only, "
        "never typed, whoever triggers the classification"
    ),
    "cs_sale/models/res_partner_tier.py::ResPartner._cs_tiers_reached": (
        "the tier rules of every company are read to classify a customer, "
        "whatever companies the session has selected"
    ),
    "cs_sale/models/res_partner_tier.py::ResPartner._cs_override_tier": (
        "the tier set by hand is recorded by the override action only, after "
        "the CS manager check, and logged in the chatter and the movements"
    ),
}
