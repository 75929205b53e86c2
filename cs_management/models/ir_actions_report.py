import functools
import subprocess

from odoo import models
from odoo.tools import pdf

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin


@functools.cache
def _wkhtmltopdf_has_patched_qt():
    try:
        version = subprocess.run(
            [_get_wkhtmltopdf_bin(), "--version"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return True  # no wkhtmltopdf: Odoo's own message applies
    return "patched qt" in version.stdout.lower()


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _run_wkhtmltopdf(
        self,
        bodies,
        report_ref=False,
        header=None,
        footer=None,
        landscape=False,
        specific_paperformat_args=None,
        set_viewport_size=False,
    ):
        """Distributions' wkhtmltopdf (without the patched Qt) prints nothing
        when given several documents at once: print them one by one and join
        the pages."""
        options = {
            "report_ref": report_ref,
            "header": header,
            "footer": footer,
            "landscape": landscape,
            "specific_paperformat_args": specific_paperformat_args,
            "set_viewport_size": set_viewport_size,
        }
        if len(bodies) < 2 or _wkhtmltopdf_has_patched_qt():
            return super()._run_wkhtmltopdf(bodies, **options)
        return pdf.merge_pdf(
            [
                super(IrActionsReport, self)._run_wkhtmltopdf([body], **options)
                for body in bodies
            ]
        )
