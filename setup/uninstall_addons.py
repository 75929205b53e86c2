"""Uninstall our addons from a database, as an admin would from Apps.

    python setup/uninstall_addons.py ODOO_CONF DATABASE

tests_uninstall/ then checks that the helpdesk left behind still works.
"""

import sys

from our_addons import OUR_ADDONS

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools import config


def main(conf, database):
    config.parse_config(["-c", conf, "-d", database])
    registry = odoo.modules.registry.Registry(database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        env["ir.module.module"].search(
            [("name", "in", OUR_ADDONS), ("state", "=", "installed")]
        ).button_immediate_uninstall()
    with odoo.modules.registry.Registry(database).cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        left = env["ir.module.module"].search(
            [("name", "in", OUR_ADDONS), ("state", "!=", "uninstalled")]
        )
        if left:
            sys.exit(f"still installed: {', '.join(left.mapped('name'))}")


if __name__ == "__main__":
    main(*sys.argv[1:])
