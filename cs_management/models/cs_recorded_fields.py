from odoo import _, models
from odoo.exceptions import AccessError


class CsRecordedFields(models.AbstractModel):
    """Fields the process records on its own: they feed KPIs, QA scores or
    appraisals, so nobody types them in. The owning actions write them as
    superuser; any other create or write naming one is refused, over RPC as
    in the UI. A model lists them in ``_cs_recorded_fields`` and calls
    ``_cs_check_recorded_fields`` first thing in its ``create``/``write``."""

    _name = "cs.recorded.fields"
    _description = "Fields Recorded by the Process"

    _cs_recorded_fields = ()

    def _cs_check_recorded_fields(self, vals):
        if self.env.su:
            return
        names = sorted(set(self._cs_recorded_fields) & vals.keys())
        if names:
            raise AccessError(
                _(
                    "%(fields)s are recorded by the service process and cannot be set "
                    "by hand.",
                    fields=", ".join(
                        self._fields[name]._description_string(self.env)
                        for name in names
                    ),
                )
            )
