import json

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL

from .cs_qa_criterion import criterion_result
from .cs_qa_inspection import CALIBRATION_FIELDS, QA_LEAD_GROUPS
from .translated_copy import copy_translated


class CsQaInspectionLine(models.Model):
    """The points one criterion got in an inspection. The criterion's
    weight, scale and bar are copied when the inspection opens, so that a
    scored inspection keeps its score when the scorecard changes."""

    _name = "cs.qa.inspection.line"
    _description = "Quality Inspection Line"
    _inherit = ["cs.weighted.score.line.mixin"]
    _cs_sheet_field = "inspection_id"
    _cs_criterion_copied = (
        "sequence",
        "name",
        "weight",
        "max_points",
        "critical",
        "critical_bar",
    )
    # by the inspection's id, not its order: no join when reading scoresheets
    _order = "inspection_id.id desc, sequence, id"

    inspection_id = fields.Many2one(
        "cs.qa.inspection", required=True, ondelete="cascade", index=True
    )
    criterion_id = fields.Many2one(
        "cs.qa.criterion", required=True, ondelete="restrict", index=True
    )
    sequence = fields.Integer(default=10)
    # the criterion's name when the inspection opened, in every language
    name = fields.Char(string="Criterion Name", required=True, translate=True)
    guidance = fields.Text(related="criterion_id.guidance")
    weight = fields.Float(readonly=True)
    max_points = fields.Integer(string="Out Of", readonly=True)
    critical = fields.Boolean(readonly=True)
    critical_bar = fields.Integer(readonly=True)
    points = fields.Integer()
    note = fields.Char(string="Remark")
    normalized = fields.Float(
        string="Criterion Score (%)",
        compute="_compute_normalized",
        store=True,
        aggregator="avg",
        help="Points as a share of the criterion's points.",
    )
    weighted = fields.Float(
        string="Weighted Points", compute="_compute_normalized", store=True
    )
    below_bar = fields.Boolean(
        string="Critical Failure", compute="_compute_normalized", store=True
    )
    # the inspection's facts, for the access rules and the reports: not
    # stored, as sampling creates lines by the ten thousand and Odoo groups
    # and filters by a related field through a join
    agent_id = fields.Many2one(related="inspection_id.agent_id")
    reviewer_id = fields.Many2one(related="inspection_id.reviewer_id")
    store_id = fields.Many2one(related="inspection_id.store_id")
    date = fields.Date(related="inspection_id.date")
    company_id = fields.Many2one(related="inspection_id.company_id")
    kind = fields.Selection(related="inspection_id.kind")
    state = fields.Selection(related="inspection_id.state")
    calibration_id = fields.Many2one(related="inspection_id.calibration_id")
    ticket_id = fields.Many2one(related="inspection_id.ticket_id")
    # set by the calibration session when sheets are submitted
    consensus = fields.Float(readonly=True, groups=QA_LEAD_GROUPS)
    deviation = fields.Float(
        string="Deviation from Consensus",
        readonly=True,
        aggregator="avg",
        groups=QA_LEAD_GROUPS,
        help="Percentage points above (more lenient) or below (stricter) the average "
        "of the reviewers.",
    )
    abs_deviation = fields.Float(
        string="Spread",
        readonly=True,
        aggregator="avg",
        groups=QA_LEAD_GROUPS,
        help="Distance from the reviewers' average, in percentage points of the "
        "criterion.",
    )

    @api.depends("points", "max_points", "weight", "critical", "critical_bar")
    def _compute_normalized(self):
        for line in self:
            line.update(
                criterion_result(
                    line.points,
                    line.max_points,
                    line.weight,
                    line.critical,
                    line.critical_bar,
                )
            )

    # columns of a fresh scoresheet line, in the order _insert_scoresheets writes them
    SCORESHEET_COLUMNS = (
        "inspection_id",
        "criterion_id",
        "sequence",
        "name",
        "weight",
        "max_points",
        "critical",
        "critical_bar",
        "points",
        "note",
        "normalized",
        "weighted",
        "below_bar",
    )

    @api.model
    def _insert_scoresheets(self, vals_list):
        """Insert fresh scoresheet lines in one statement. Sampling opens
        thousands of inspections at once, and the ORM's create costs about
        0.15 ms a line; the values are built by the inspection from its
        scorecard (points within the criterion's range, results from
        criterion_result), so there is nothing left to compute or check.
        The inspections' scores are marked for recomputation."""
        if not vals_list:
            return
        self.check_access("create")
        for vals in vals_list:
            vals.update(
                criterion_result(
                    vals["points"],
                    vals["max_points"],
                    vals["weight"],
                    vals["critical"],
                    vals["critical_bar"],
                )
            )
        rows = [
            {
                column: None
                if value is False and self._fields[column].type != "boolean"
                else value
                for column in self.SCORESHEET_COLUMNS
                for value in [vals[column]]
            }
            for vals in vals_list
        ]
        names = SQL(", ").join(map(SQL.identifier, self.SCORESHEET_COLUMNS))
        # the criterion's name as it is now, in every language
        values = SQL(", ").join(
            SQL("criterion.name")
            if column == "name"
            else SQL("line.%s", SQL.identifier(column))
            for column in self.SCORESHEET_COLUMNS
        )
        self.env["cs.qa.criterion"].flush_model(["name"])
        self.env.cr.execute(
            SQL(
                """INSERT INTO %(table)s
                          (%(names)s, create_uid, create_date, write_uid, write_date)
                   SELECT %(values)s, %(uid)s, %(now)s, %(uid)s, %(now)s
                     FROM json_populate_recordset(NULL::%(table)s, %(rows)s) AS line
                     JOIN cs_qa_criterion AS criterion
                       ON criterion.id = line.criterion_id
                RETURNING id, inspection_id, criterion_id""",
                table=SQL.identifier(self._table),
                names=names,
                values=values,
                rows=json.dumps(rows),
                uid=self.env.uid,
                now=self.env.cr.now(),
            )
        )
        inserted = self.env.cr.fetchall()
        inspections = self.env["cs.qa.inspection"].browse(
            {vals["inspection_id"] for vals in vals_list}
        )
        inspections.invalidate_recordset(["line_ids"])
        inspections.modified(["line_ids"])
        self._cache_scoresheets(inspections, vals_list, inserted)

    def _cache_scoresheets(self, inspections, vals_list, inserted):
        """Put the inserted lines in the cache as the ORM's create would:
        the inspections' scores, computed next, read what was just written
        instead of reading thousands of lines back."""
        by_key = {
            (vals["inspection_id"], vals["criterion_id"]): vals for vals in vals_list
        }
        sheets = {inspection_id: [] for inspection_id in inspections.ids}
        for line_id, inspection_id, criterion_id in inserted:
            sheets[inspection_id].append(
                (by_key[inspection_id, criterion_id]["sequence"], line_id)
            )
        cache = self.env.cache
        for name in ("weight", "normalized", "below_bar"):
            cache.update(
                self.browse(line_id for line_id, _sheet, _criterion in inserted),
                self._fields[name],
                [
                    by_key[sheet, criterion][name]
                    for _line, sheet, criterion in inserted
                ],
            )
        cache.update(
            inspections,
            inspections._fields["line_ids"],
            [
                tuple(line for _seq, line in sorted(sheets[id_]))
                for id_ in inspections.ids
            ],
        )

    @api.constrains("points", "max_points")
    def _check_points(self):
        for line in self:
            if not 0 <= line.points <= line.max_points:
                raise ValidationError(
                    _(
                        "Score %(criterion)s between 0 and %(max)s points.",
                        criterion=line.name,
                        max=line.max_points,
                    )
                )

    # who may not write at all is told so before being told the inspection is closed
    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")
        self.env["cs.qa.inspection"].browse(
            {vals["inspection_id"] for vals in vals_list}
        )._cs_check_sheet_open()
        lines = super().create(vals_list)
        copy_translated(lines, "criterion_id", ["name"])
        return lines

    def write(self, vals):
        if "inspection_id" in vals and not self.env.su:
            # moved, a line would score another (maybe another store's) inspection
            raise AccessError(
                self.env._("A score line stays on the inspection it was opened on.")
            )
        if vals.keys() - CALIBRATION_FIELDS:
            self.check_access("write")
            self._cs_check_sheet_open()
        return super().write(vals)

    def unlink(self):
        self.check_access("unlink")
        self._cs_check_sheet_open()
        return super().unlink()
