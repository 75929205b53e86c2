from odoo.tools import SQL

from .models.cs_kpi_report import TILL_DAY_INDEX, UNINSTALLING


def uninstall_hook(env):
    """The loyalty report's and the KPI report's views read the till's
    receipts: rebuilt without them before the addon goes, so that they
    neither count them any more nor go with the point of sale's tables."""
    env["cs.customer.report"].with_context(**{UNINSTALLING: True}).init()
    env["cs.kpi.report"].with_context(**{UNINSTALLING: True}).init()
    env.cr.execute(SQL("DROP INDEX IF EXISTS %s", SQL.identifier(TILL_DAY_INDEX)))
