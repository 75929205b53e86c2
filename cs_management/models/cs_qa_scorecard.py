from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

# inspections one sampling job creates; the next job creates the next ones
CRON_BATCH = 1000


class CsQaScorecard(models.Model):
    """How inspections are scored (QA-2): weighted criteria totalling 100,
    the score scale and the pass mark. A sampling scorecard also picks, per
    agent and period, the closed tickets to inspect with it (QA-1)."""

    _name = "cs.qa.scorecard"
    _description = "QA Scorecard"
    _inherit = ["mail.thread", "cs.job.mixin"]
    _order = "sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        default=lambda self: self.env.company,
        help="Empty: the scorecard serves every company.",
    )
    criterion_ids = fields.One2many(
        "cs.qa.criterion", "scorecard_id", string="Criteria", copy=True
    )
    weight_total = fields.Float(string="Total Weight", compute="_compute_weight_total")
    scale = fields.Integer(
        string="Score Out Of",
        required=True,
        default=100,
        tracking=True,
        help="The scale scores are shown on and the pass mark is set on.",
    )
    pass_mark = fields.Float(
        required=True, default=80, tracking=True, help="On the scorecard's scale."
    )
    # --- sampling (QA-1) ---------------------------------------------------
    sample_active = fields.Boolean(
        string="Sample Closed Tickets",
        tracking=True,
        help="Every period, a scheduled action picks closed tickets of each agent at "
        "random for a QA review.",
    )
    sample_method = fields.Selection(
        [("count", "A number of tickets"), ("share", "A share of the tickets")],
        string="Sample Size",
        required=True,
        default="count",
        tracking=True,
    )
    sample_count = fields.Integer(string="Tickets per Agent", default=5, tracking=True)
    sample_share = fields.Float(
        string="Share of Tickets (%)", default=10, tracking=True
    )
    sample_period = fields.Selection(
        [("week", "Week"), ("month", "Month")],
        string="Sampling Period",
        required=True,
        default="month",
        tracking=True,
    )
    team_ids = fields.Many2many(
        "helpdesk.ticket.team",
        string="Teams Sampled",
        check_company=True,
        help="Empty: every team that no other sampling scorecard of the company names.",
    )
    reviewer_id = fields.Many2one(
        "res.users",
        string="QA Reviewer",
        check_company=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("cs_management.group_cs_supervisor").id)
        ],
        help="Reviews the sampled tickets; empty: the agent's manager.",
    )
    inspection_count = fields.Integer(compute="_compute_inspection_count")

    @api.depends("criterion_ids.weight")
    def _compute_weight_total(self):
        for scorecard in self:
            scorecard.weight_total = sum(scorecard.criterion_ids.mapped("weight"))

    def _compute_inspection_count(self):
        counts = dict(
            self.env["cs.qa.inspection"]._read_group(
                [("scorecard_id", "in", self.ids)], ["scorecard_id"], ["__count"]
            )
        )
        for scorecard in self:
            scorecard.inspection_count = counts.get(scorecard, 0)

    # ------------------------------------------------------------------
    # Rules
    # ------------------------------------------------------------------
    @api.constrains("criterion_ids")
    def _check_weights(self):
        for scorecard in self.filtered("criterion_ids"):
            if float_compare(scorecard.weight_total, 100, precision_digits=2):
                raise ValidationError(
                    _(
                        "The weights of scorecard %(scorecard)s total %(total)s: "
                        "change them so that they total 100.",
                        scorecard=scorecard.name,
                        total=format(scorecard.weight_total, "g"),
                    )
                )

    @api.constrains("scale", "pass_mark")
    def _check_pass_mark(self):
        for scorecard in self:
            if scorecard.scale <= 0 or not 0 < scorecard.pass_mark <= scorecard.scale:
                raise ValidationError(
                    _(
                        "Scorecard %(scorecard)s: the score must be out of a positive "
                        "number and "
                        "the pass mark between 0 and %(scale)s.",
                        scorecard=scorecard.name,
                        scale=scorecard.scale,
                    )
                )

    @api.constrains(
        "sample_active",
        "sample_method",
        "sample_count",
        "sample_share",
        "team_ids",
        "company_id",
        "active",
    )
    def _check_sampling(self):
        for scorecard in self.filtered(lambda s: s.sample_active and s.active):
            if not scorecard.criterion_ids:
                raise ValidationError(
                    _(
                        "Give scorecard %(scorecard)s its criteria before it samples "
                        "tickets.",
                        scorecard=scorecard.name,
                    )
                )
            if scorecard.sample_method == "count" and scorecard.sample_count < 1:
                raise ValidationError(
                    _("Sample at least one ticket per agent, or stop sampling.")
                )
            if (
                scorecard.sample_method == "share"
                and not 0 < scorecard.sample_share <= 100
            ):
                raise ValidationError(
                    _("Sample a share of the tickets between 0 and 100 %.")
                )
            overlap = scorecard._sampling_siblings().filtered(
                lambda other, scorecard=scorecard: (
                    (other.team_ids & scorecard.team_ids)
                    or not (other.team_ids or scorecard.team_ids)
                )
            )
            if overlap:
                raise ValidationError(
                    _(
                        "Scorecards %(scorecard)s and %(other)s would sample the same "
                        "teams: "
                        "name different teams on each, or stop sampling with one of "
                        "them.",
                        scorecard=scorecard.name,
                        other=overlap[0].name,
                    )
                )

    def _sampling_siblings(self):
        """The other sampling scorecards that may sample the same tickets:
        of the same company, or shared by every company."""
        domain = [("id", "!=", self.id), ("sample_active", "=", True)]
        if self.company_id:
            domain.append(("company_id", "in", [self.company_id.id, False]))
        return self.search(domain)

    def _check_usable(self):
        """Scoring needs criteria that weigh 100 in total."""
        for scorecard in self:
            if not scorecard.criterion_ids:
                raise UserError(
                    _(
                        "Scorecard %(scorecard)s has no criteria yet: add them before "
                        "inspecting.",
                        scorecard=scorecard.name,
                    )
                )
            scorecard._check_weights()

    @api.ondelete(at_uninstall=False)
    def _unlink_unless_used(self):
        if (
            self.env["cs.qa.inspection"]
            .sudo()
            .search_count([("scorecard_id", "in", self.ids)], limit=1)
        ):
            raise UserError(
                _(
                    "This scorecard has scored inspections and stays in their "
                    "history: archive it instead."
                )
            )
