from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """Limits of the public web form (CMP-1): what one address may send."""

    _inherit = "res.company"

    cs_web_requests_per_hour = fields.Integer(
        string="Web Requests per Address and Hour",
        default=3,
        help="How many requests one e-mail address may file through the web "
        "form in an hour; more are refused.",
    )
    cs_web_max_files = fields.Integer(
        string="Files per Web Request",
        default=5,
        help="How many files a customer may attach to one web request.",
    )
    cs_web_max_file_mb = fields.Integer(
        string="File Size Limit (MB)",
        default=5,
        help="The largest file a customer may attach to a web request.",
    )
    cs_web_file_types = fields.Char(
        string="Accepted File Types",
        default="jpg,jpeg,png,pdf",
        help="File extensions a customer may attach to a web request, separated "
        "by commas; the file's content must match its extension.",
    )

    @api.constrains(
        "cs_web_requests_per_hour", "cs_web_max_files", "cs_web_max_file_mb"
    )
    def _check_cs_web_limits(self):
        if any(
            min(
                company.cs_web_requests_per_hour,
                company.cs_web_max_files,
                company.cs_web_max_file_mb,
            )
            < 0
            for company in self
        ):
            raise ValidationError(_("The web form's limits cannot be negative."))

    def _cs_web_file_extensions(self):
        self.ensure_one()
        return {
            extension.strip().lower().lstrip(".")
            for extension in (self.cs_web_file_types or "").split(",")
            if extension.strip()
        }
