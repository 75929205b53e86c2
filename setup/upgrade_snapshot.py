"""Write what a database holds in the models our addons define or extend.

    python setup/upgrade_snapshot.py ODOO_CONF DATABASE OUTPUT.json

Every record (archived ones included) with the value of each stored field,
so that tests_upgrade/ can check that an upgrade lost no record and changed
no value. Binary fields and the bookkeeping of the last write are left out.
"""

import json
import sys

from our_addons import OUR_ADDONS

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools import config

SKIPPED_FIELDS = {"write_date", "write_uid"}


def _plain(field, value):
    if field.type == "many2one":
        return value.id
    if field.type in ("one2many", "many2many"):
        return sorted(value.ids)
    if field.type in ("date", "datetime"):
        return value and value.isoformat()
    return value


def snapshot(env):
    models = (
        env["ir.model"]
        .search([])
        .filtered(
            lambda model: (
                set(model.modules.split(", ")) & set(OUR_ADDONS)
                and not env[model.model]._abstract
                and not env[model.model]._transient
                and env[model.model]._auto
            )
        )
    )
    result = {}
    for model_name in models.mapped("model"):
        model = env[model_name].with_context(active_test=False)
        fields = [
            field
            for name, field in model._fields.items()
            if field.store and field.type != "binary" and name not in SKIPPED_FIELDS
        ]
        result[model_name] = {
            str(record.id): {
                field.name: _plain(field, record[field.name]) for field in fields
            }
            for record in model.search([], order="id")
        }
    return result


def main(conf, database, output):
    config.parse_config(["-c", conf, "-d", database])
    registry = odoo.modules.registry.Registry(database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        with open(output, "w") as out:
            json.dump(snapshot(env), out, default=str, sort_keys=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
