from odoo.tools import SQL

from odoo.addons.cs_sale.demo import tiers_history

from .demo import till_history
from .models.cs_kpi_report import TILL_DAY_INDEX, UNINSTALLING


def post_init_hook(env):
    """A database installed with demo data gets a till in each store and
    its customers' receipts, made by the real actions on the demo clock; the
    tier rules then run again over the purchases."""
    module = env["ir.module.module"].search([("name", "=", "cs_pos")])
    if module.demo:
        till_history.staff_not_cashiers(env)
        till_history.generate(env)
        tiers_history.generate(env)


def uninstall_hook(env):
    """The loyalty report's and the KPI report's views read the till's
    receipts: rebuilt without them before the addon goes, so that they
    neither count them any more nor go with the point of sale's tables."""
    env["cs.customer.report"].with_context(**{UNINSTALLING: True}).init()
    env["cs.kpi.report"].with_context(**{UNINSTALLING: True}).init()
    env.cr.execute(SQL("DROP INDEX IF EXISTS %s", SQL.identifier(TILL_DAY_INDEX)))
