from odoo.tools import SQL

from .demo import orders_history, tiers_history
from .models.cs_kpi_report import ORDER_INDEXES, WITHOUT_ORDERS

# Menus the apps cs_sale brings show our users, whose Traditional Chinese
# translation in Odoo itself is the English word
DASHBOARD_MENUS = (
    "account.menu_board_journal_1",
    "spreadsheet_dashboard.spreadsheet_dashboard_menu_root",
    "spreadsheet_dashboard.spreadsheet_dashboard_menu_dashboard",
    "spreadsheet_dashboard.spreadsheet_dashboard_menu_configuration_dashboards",
)


def post_init_hook(env):
    """A database installed with demo data gets the demo customers' purchases,
    returns and tiers, made by the real actions on the demo clock (after all
    the demo files: the history uses their customers, stores and products)."""
    _translate_dashboard_menus(env)
    module = env["ir.module.module"].search([("name", "=", "cs_sale")])
    if module.demo:
        orders_history.generate(env)
        tiers_history.generate(env)


def _translate_dashboard_menus(env):
    if not env["res.lang"]._lang_get("zh_TW"):
        return
    for xmlid in DASHBOARD_MENUS:
        menu = env.ref(xmlid, raise_if_not_found=False)
        if menu and menu.with_context(lang="zh_TW").name == "Dashboard":
            menu.with_context(lang="zh_TW").name = "儀表板"


def uninstall_hook(env):
    """The KPI view back as cs_management alone builds it (sales from won
    deals), and no index of ours left on the sale orders."""
    env["cs.kpi.report"].with_context(**{WITHOUT_ORDERS: True}).init()
    for name, _table, _expression in ORDER_INDEXES:
        env.cr.execute(SQL("DROP INDEX IF EXISTS %s", SQL.identifier(name)))
