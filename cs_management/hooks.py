from odoo import Command


def uninstall_hook(env):
    """Leave the helpdesk working without us: the process's stages, which
    keep the tickets that went through them, stay with the teams that ran
    the process; its deadline policies, whose filters name our fields, are
    archived with their history."""
    process_teams = env["helpdesk.ticket.team"].with_context(active_test=False).search([("cs_process", "=", True)])
    process_stages = env["helpdesk.ticket.stage"].with_context(active_test=False).search([("cs_step", "!=", False)])
    process_stages.write({"team_ids": [Command.set(process_teams.ids)]})
    env["helpdesk.sla"].with_context(active_test=False).search([("cs_process", "=", True)]).write(
        {"active": False, "domain": "[]"}
    )
