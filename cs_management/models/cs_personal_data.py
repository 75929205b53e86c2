import re

from odoo import _, api, models
from odoo.exceptions import AccessError

MASK = "•••"


def mask(value):
    """Keep just enough to recognise a value: the domain of an e-mail, the
    last two digits of a phone, nothing of an address."""
    if not value or not isinstance(value, str):
        return value
    if "@" in value:
        return MASK + value[value.index("@") :]
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 6 and len(digits) >= len(value) / 2:
        return MASK + digits[-2:]
    return MASK


class CsPersonalData(models.AbstractModel):
    """Customers' contact details (DATA-2): shown in full only to the staff
    who serve them; trainers and auditors, who only read, see them masked.
    Exporting them is for CS managers, and every export is logged."""

    _name = "cs.personal.data"
    _description = "Customer Personal Data"

    # fields holding a customer's contact details, per model
    _cs_personal_fields = ()

    def _cs_sees_masked(self):
        user = self.env.user
        return (
            not self.env.su
            and not user.has_group("cs_management.group_cs_agent")
            and (user.has_group("cs_management.group_cs_auditor") or user.has_group("cs_management.group_cs_trainer"))
        )

    def _cs_customers(self):
        """The records of ``self`` holding a customer's details."""
        return self

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        masked = [name for name in self._cs_personal_fields if name in fnames]
        if masked and self._cs_sees_masked():
            customers = set(self._cs_customers().ids)
            for values in result:
                if values["id"] in customers:
                    for name in masked:
                        values[name] = mask(values.get(name))
        return result

    def export_data(self, fields_to_export):
        personal = [name for name in fields_to_export if name.split("/")[0] in self._cs_personal_fields]
        if personal and not self.env.su:
            self._cs_check_may_export()
            self.env["cs.data.export.log"].sudo().create(
                {
                    "user_id": self.env.uid,
                    "model": self._name,
                    "record_count": len(self),
                    "field_names": ", ".join(personal),
                }
            )
        return super().export_data(fields_to_export)

    @api.model
    def _cs_check_may_export(self):
        user = self.env.user
        service_staff = self.env.ref("cs_management.module_category_customer_service").id in user.groups_id.category_id.ids
        if service_staff and not user.has_group("cs_management.group_cs_manager"):
            raise AccessError(
                _(
                    "Customers' contact details can only be exported by a CS manager; "
                    "export the other columns, or ask your CS manager."
                )
            )
