from odoo import fields, models


class CsDataExportLog(models.Model):
    """Who exported customers' personal data, when, and how much (DATA-2)."""

    _name = "cs.data.export.log"
    _description = "Personal Data Export"
    _order = "date desc, id desc"
    _rec_name = "date"

    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    user_id = fields.Many2one(
        "res.users", string="Exported By", required=True, readonly=True
    )
    model = fields.Char(required=True, readonly=True)
    record_count = fields.Integer(string="Records", readonly=True)
    field_names = fields.Char(string="Personal Fields", readonly=True)
