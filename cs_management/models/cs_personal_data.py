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


def domain_paths(domain):
    """The field paths a domain tests, those inside ``any`` included."""
    for leaf in domain or ():
        if (
            isinstance(leaf, (list, tuple))
            and len(leaf) == 3
            and isinstance(leaf[0], str)
        ):
            yield leaf[0]
            if leaf[1] in ("any", "not any") and isinstance(leaf[2], (list, tuple)):
                yield from (f"{leaf[0]}.{path}" for path in domain_paths(leaf[2]))


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
            and (
                user.has_group("cs_management.group_cs_auditor")
                or user.has_group("cs_management.group_cs_trainer")
            )
        )

    def _cs_customers(self):
        """The records of ``self`` holding a customer's details."""
        return self

    def _cs_is_personal_path(self, path):
        """Whether a field path (``partner_id.email``, ``partner_id/email``,
        ``email:count_distinct``) ends on a customer's contact detail."""
        model = self
        for name in re.split(r"[./]", path.split(":")[0].strip().split(" ")[0]):
            if name in getattr(model, "_cs_personal_fields", ()):
                return True
            field = model._fields.get(name)
            if not field or not field.relational:
                return False
            model = self.env[field.comodel_name]
        return False

    def _cs_check_not_personal(self, paths):
        """Masking what is read is not enough: searching, sorting or grouping
        by a detail would tell it, one guess at a time."""
        personal = sorted(
            {
                path
                for path in paths
                if isinstance(path, str) and self._cs_is_personal_path(path)
            }
        )
        if personal:
            raise AccessError(
                _(
                    "Your role sees customers' contact details masked, so it cannot "
                    "search, sort or group by them (%(fields)s).",
                    fields=", ".join(personal),
                )
            )

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        if (domain or order) and self._cs_sees_masked():
            self._cs_check_not_personal(
                [*domain_paths(domain), *(order or "").split(",")]
            )
        return super()._search(
            domain, offset=offset, limit=limit, order=order, **kwargs
        )

    @api.model
    def _read_group(
        self,
        domain,
        groupby=(),
        aggregates=(),
        having=(),
        offset=0,
        limit=None,
        order=None,
    ):
        if self._cs_sees_masked():
            self._cs_check_not_personal(
                [
                    *groupby,
                    *aggregates,
                    *domain_paths(having),
                    *(order or "").split(","),
                ]
            )
        return super()._read_group(
            domain,
            groupby,
            aggregates,
            having=having,
            offset=offset,
            limit=limit,
            order=order,
        )

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
        personal = [
            name for name in fields_to_export if self._cs_is_personal_path(name)
        ]
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
        service_staff = (
            self.env.ref("cs_management.module_category_customer_service").id
            in user.groups_id.category_id.ids
        )
        if service_staff and not user.has_group("cs_management.group_cs_manager"):
            raise AccessError(
                _(
                    "Customers' contact details can only be exported by a CS manager; "
                    "export the other columns, or ask your CS manager."
                )
            )
