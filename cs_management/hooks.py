# Tickets left in helpdesk_mgmt's default stages (archived by our data) go
# to the matching step of the service process.
STAGE_MIGRATION = {
    "helpdesk_mgmt.helpdesk_ticket_stage_new": "cs_management.stage_acceptance",
    "helpdesk_mgmt.helpdesk_ticket_stage_in_progress": "cs_management.stage_investigation",
    "helpdesk_mgmt.helpdesk_ticket_stage_awaiting": "cs_management.stage_feedback",
    "helpdesk_mgmt.helpdesk_ticket_stage_done": "cs_management.stage_closed",
}


def post_init_hook(env):
    for old_xmlid, new_xmlid in STAGE_MIGRATION.items():
        old = env.ref(old_xmlid, raise_if_not_found=False)
        if old:
            # existing tickets keep their history: the gates apply to moves
            # made from now on, so they are moved without them
            env.cr.execute(
                "UPDATE helpdesk_ticket SET stage_id = %s WHERE stage_id = %s",
                (env.ref(new_xmlid).id, old.id),
            )
    env["helpdesk.ticket"].invalidate_model(["stage_id"])
