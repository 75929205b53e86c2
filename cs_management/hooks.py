from odoo import Command
from odoo.tools import sql

from .demo import history
from .models.cs_kpi_report import DAY_INDEXES
from .models.helpdesk_ticket_desk_search import OPEN_BY, open_index_name

# (table, column): indexed by our override of another module's field
OVERRIDDEN_FIELD_INDEXES = (
    ("helpdesk_ticket", "closed_date"),  # cs_qa_helpdesk_ticket.py
    ("helpdesk_ticket", "commercial_partner_id"),  # helpdesk_ticket_customer.py
    ("helpdesk_ticket", "duplicate_id"),  # helpdesk_ticket_customer.py
    ("helpdesk_ticket_sla", "deadline"),  # helpdesk_ticket_sla.py
    ("helpdesk_ticket_sla", "ticket_id"),  # helpdesk_ticket_sla.py
    ("helpdesk_ticket", "name"),  # helpdesk_ticket_desk_search.py
    ("helpdesk_ticket", "number"),  # helpdesk_ticket_desk_search.py
    ("rating_rating", "partner_id"),  # rating_rating.py
)


def post_init_hook(env):
    """A database installed with demo data gets five weeks of past service
    (after all the demo files: the history uses their stores and staff)."""
    if env.ref("cs_management.helpdesk_team_hq", raise_if_not_found=False):
        history.generate(env)


def uninstall_hook(env):
    """Leave the helpdesk working without us: the process's stages, which
    keep the tickets that went through them, stay with the teams that ran
    the process; its deadline policies, whose filters name our fields, are
    archived with their history."""
    process_teams = (
        env["helpdesk.ticket.team"]
        .with_context(active_test=False)
        .search([("cs_process", "=", True)])
    )
    process_stages = (
        env["helpdesk.ticket.stage"]
        .with_context(active_test=False)
        .search([("cs_step", "!=", False)])
    )
    process_stages.write({"team_ids": [Command.set(process_teams.ids)]})
    env["helpdesk.sla"].with_context(active_test=False).search(
        [("cs_process", "=", True)]
    ).write({"active": False, "domain": "[]"})
    _drop_indexes_on_other_tables(env)


def _drop_indexes_on_other_tables(env):
    """Odoo drops our columns with their indexes but keeps the indexes we
    put on other modules' tables and columns: the KPI view's day indexes,
    and those our overrides of their fields declare (``index=True``)."""
    for name, table, *_definition in DAY_INDEXES:
        sql.drop_index(env.cr, name, table)
    for table, column in OVERRIDDEN_FIELD_INDEXES:
        sql.drop_index(env.cr, sql.make_index_name(table, column), table)
    for column in OPEN_BY:
        sql.drop_index(env.cr, open_index_name(column), "helpdesk_ticket")
