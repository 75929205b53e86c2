# helpdesk_mgmt's default stages and where their tickets go in the service
# process; the old stages are archived so that one process remains.
STAGE_MIGRATION = {
    "helpdesk_mgmt.helpdesk_ticket_stage_new": "cs_management.stage_acceptance",
    "helpdesk_mgmt.helpdesk_ticket_stage_in_progress": "cs_management.stage_investigation",
    "helpdesk_mgmt.helpdesk_ticket_stage_awaiting": "cs_management.stage_feedback",
    "helpdesk_mgmt.helpdesk_ticket_stage_done": "cs_management.stage_closed",
}
# closing without a resolution stays possible from any step
EXIT_STAGES = {
    "helpdesk_mgmt.helpdesk_ticket_stage_cancelled": 80,
    "helpdesk_mgmt.helpdesk_ticket_stage_rejected": 90,
}


def post_init_hook(env):
    for old_xmlid, new_xmlid in STAGE_MIGRATION.items():
        old = env.ref(old_xmlid, raise_if_not_found=False)
        if not old:
            continue
        # existing tickets keep their history: the gates apply to moves
        # made from now on, so they are moved without them
        env.cr.execute(
            "UPDATE helpdesk_ticket SET stage_id = %s WHERE stage_id = %s",
            (env.ref(new_xmlid).id, old.id),
        )
        old.active = False
    for xmlid, sequence in EXIT_STAGES.items():
        stage = env.ref(xmlid, raise_if_not_found=False)
        if stage:
            stage.write({"sequence": sequence, "cs_reachable_from_any_stage": True})
    env["helpdesk.ticket"].invalidate_model(["stage_id"])
