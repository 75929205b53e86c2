"""18.0.1.1.0: the process applies to the teams that run it.

Up to 18.0.1.0.0 every team ran the process and helpdesk_mgmt's own stages
were archived. The teams that served customers in the process keep running
it (a store's team, or a team with tickets in a process stage); the others
get helpdesk_mgmt's stages back. Every deadline policy so far served the
process, and keeps doing so.

Roles now remember the groups they brought along (a CS manager's Helpdesk
manager, Sales and HR rights), to take them back with the role. Nothing
recorded them before: every group a held role implies is taken as given by
it, bar the internal user's.
"""

from odoo import SUPERUSER_ID, api

HELPDESK_STAGES = (
    "helpdesk_ticket_stage_new",
    "helpdesk_ticket_stage_in_progress",
    "helpdesk_ticket_stage_awaiting",
    "helpdesk_ticket_stage_done",
)


def migrate(cr, version):
    cr.execute(
        """
        UPDATE helpdesk_ticket_team team SET cs_process = TRUE
         WHERE team.cs_store_id IS NOT NULL
            OR EXISTS (SELECT 1 FROM helpdesk_ticket ticket
                         JOIN helpdesk_ticket_stage stage ON stage.id = ticket.stage_id
                        WHERE ticket.team_id = team.id AND stage.cs_step IS NOT NULL)
        """
    )
    cr.execute(
        """
        UPDATE helpdesk_ticket ticket SET cs_process = team.cs_process
          FROM helpdesk_ticket_team team WHERE team.id = ticket.team_id
        """
    )
    cr.execute("UPDATE helpdesk_sla SET cs_process = TRUE")
    cr.execute(
        """
        UPDATE helpdesk_ticket_stage SET active = TRUE
         WHERE id IN (SELECT res_id FROM ir_model_data
                       WHERE module = 'helpdesk_mgmt'
                         AND model = 'helpdesk.ticket.stage'
                         AND name IN %s)
        """,
        (HELPDESK_STAGES,),
    )
    _remember_role_groups(api.Environment(cr, SUPERUSER_ID, {}))


def _remember_role_groups(env):
    role_groups = env["cs.role"].with_context(active_test=False).search([]).group_id
    internal = env.ref("base.group_user")
    employees = (
        env["hr.employee"]
        .with_context(active_test=False)
        .search([("cs_role_id", "!=", False), ("user_id", "!=", False)])
    )
    for employee in employees:
        user = employee.user_id
        implied = (
            employee.cs_role_id.group_id.trans_implied_ids - role_groups - internal
        )
        user.cs_role_granted_group_ids |= implied & user.groups_id
