from collections import defaultdict

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


def _deviation(value, consensus, consensus_field):
    return {
        consensus_field: consensus,
        "deviation": value - consensus,
        "abs_deviation": abs(value - consensus),
    }


class CsQaCalibration(models.Model):
    """Several reviewers score the same tickets blind; the QA lead then
    sees how far apart they are, per criterion and per reviewer. The
    scores do not count for the agents."""

    _name = "cs.qa.calibration"
    _description = "QA Calibration Session"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    lead_id = fields.Many2one(
        "res.users",
        string="QA Lead",
        default=lambda self: self.env.user,
        tracking=True,
        check_company=True,
    )
    scorecard_id = fields.Many2one("cs.qa.scorecard", required=True, check_company=True)
    ticket_ids = fields.Many2many(
        "helpdesk.ticket", string="Tickets", check_company=True
    )
    reviewer_ids = fields.Many2many(
        "res.users",
        string="Reviewers",
        check_company=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("cs_management.group_cs_supervisor").id)
        ],
    )
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Scoring"), ("done", "Closed")],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
    )
    inspection_ids = fields.One2many(
        "cs.qa.inspection", "calibration_id", string="Scores", copy=False
    )
    submitted_count = fields.Integer(compute="_compute_spread")
    spread = fields.Float(
        string="Average Distance from Consensus",
        compute="_compute_spread",
        groups="cs_management.group_cs_manager,cs_management.group_cs_auditor",
        help="How far, on average, a reviewer's score of a ticket is from the "
        "reviewers' average (0–100 points).",
    )
    note = fields.Html(string="Conclusions")

    @api.depends("inspection_ids.state", "inspection_ids.abs_deviation")
    def _compute_spread(self):
        for session in self:
            submitted = session.inspection_ids.filtered(
                lambda inspection: inspection.state == "submitted"
            )
            session.submitted_count = len(submitted)
            session.spread = (
                sum(submitted.mapped("abs_deviation")) / len(submitted)
                if submitted
                else 0.0
            )

    @api.constrains("reviewer_ids")
    def _check_reviewers(self):
        supervisors = self.env.ref("cs_management.group_cs_supervisor").sudo().users
        for session in self:
            outsiders = session.reviewer_ids - supervisors
            if outsiders:
                raise ValidationError(
                    _(
                        "%(names)s cannot review: choose supervisors, store managers "
                        "or CS managers.",
                        names=", ".join(outsiders.mapped("name")),
                    )
                )

    def action_start(self):
        """Open a score sheet per reviewer and ticket, each reviewer asked to score."""
        for session in self:
            if session.state != "draft":
                raise UserError(
                    _("Session %(session)s has already started.", session=session.name)
                )
            if len(session.reviewer_ids) < 2 or not session.ticket_ids:
                raise UserError(
                    _(
                        "A calibration needs at least two reviewers and one ticket: "
                        "add them first."
                    )
                )
            unassigned = session.ticket_ids.filtered(lambda ticket: not ticket.user_id)
            if unassigned:
                raise UserError(
                    _(
                        "Ticket %(ticket)s has no assignee whose work could be scored: "
                        "assign it or remove it.",
                        ticket=unassigned[0].display_name,
                    )
                )
            session.scorecard_id._check_usable()
            inspections = self.env["cs.qa.inspection"].create(
                [
                    {
                        "kind": "calibration",
                        "calibration_id": session.id,
                        "scorecard_id": session.scorecard_id.id,
                        "ticket_id": ticket.id,
                        "agent_id": ticket.user_id.id,
                        "reviewer_id": reviewer.id,
                        "date": session.date,
                        "company_id": session.company_id.id,
                    }
                    for ticket in session.ticket_ids
                    for reviewer in session.reviewer_ids
                ]
            )
            for inspection in inspections:
                reviewer_env = inspection._cs_in_lang_of(inspection.reviewer_id).env
                inspection.activity_schedule(
                    "cs_management.mail_activity_qa_calibration",
                    user_id=inspection.reviewer_id.id,
                    summary=reviewer_env._(
                        "Score this ticket for calibration session %(session)s",
                        session=session.name,
                    ),
                )
            session.state = "open"
        return True

    def action_close(self):
        for session in self:
            waiting = session.inspection_ids.filtered(
                lambda inspection: inspection.state == "draft"
            )
            if waiting:
                raise UserError(
                    _(
                        "%(names)s have not submitted their scores yet: wait for them, "
                        "or remove their score sheets.",
                        names=", ".join(
                            sorted(set(waiting.reviewer_id.mapped("name")))
                        ),
                    )
                )
            session.state = "done"
            # the reviewers read the chatter; the spread is the CS managers'
            session.message_post(
                body=Markup("<p>%s</p>")
                % _("Session closed: the spread is in the comparison."),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _compare_scores(self):
        """The comparison of the submitted sheets: per ticket, the consensus
        is the average score of its submitted sheets; each sheet and each
        criterion line gets its deviation from it. A ticket with fewer than
        two submitted sheets has nothing to compare yet."""
        # searched as superuser: a reviewer's own view of the session holds its
        # sheets only
        Inspection = self.env["cs.qa.inspection"].sudo()
        Line = self.env["cs.qa.inspection.line"].sudo()
        for session in self:
            sheets_by_ticket = defaultdict(Inspection.browse)
            for sheet in Inspection.search([("calibration_id", "=", session.id)]):
                sheets_by_ticket[sheet.ticket_id] |= sheet
            for sheets in sheets_by_ticket.values():
                compared = sheets.filtered(lambda sheet: sheet.state == "submitted")
                if len(compared) < 2:
                    compared = Inspection
                (sheets - compared).write(
                    {"consensus_score": 0.0, "deviation": 0.0, "abs_deviation": 0.0}
                )
                Line.search([("inspection_id", "in", (sheets - compared).ids)]).write(
                    {"consensus": 0.0, "deviation": 0.0, "abs_deviation": 0.0}
                )
                if not compared:
                    continue
                consensus = sum(compared.mapped("score")) / len(compared)
                for sheet in compared:
                    sheet.write(_deviation(sheet.score, consensus, "consensus_score"))
                lines_by_criterion = defaultdict(Line.browse)
                for line in Line.search([("inspection_id", "in", compared.ids)]):
                    lines_by_criterion[line.criterion_id] |= line
                for lines in lines_by_criterion.values():
                    average = sum(lines.mapped("normalized")) / len(lines)
                    for line in lines:
                        line.write(_deviation(line.normalized, average, "consensus"))

    def action_view_spread_by_criterion(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_management.action_cs_qa_calibration_criteria"
        )
        action["domain"] = [
            ("calibration_id", "=", self.id),
            ("state", "=", "submitted"),
        ]
        return action

    def action_view_spread_by_reviewer(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_management.action_cs_qa_reviewer_consistency"
        )
        action["domain"] = [
            ("calibration_id", "=", self.id),
            ("state", "=", "submitted"),
        ]
        return action
