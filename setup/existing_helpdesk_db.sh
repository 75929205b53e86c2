#!/usr/bin/env bash
# Build DATABASE (default cs_test_existing) as a company already running OCA
# Helpdesk has it (helpdesk_mgmt and its SLA, rating and CRM modules, with
# their demo tickets), note where every ticket stands
# (.cs/DATABASE-before.json), then install our addons on it.
# tests_install/ checks that nothing of the existing helpdesk moved.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DB=${1:-cs_test_existing}
if [ -z "${CS_BOOTSTRAPPED:-}" ]; then
    trap cs_pg_stop EXIT
    cs_bootstrap
fi
cs_drop_db "$DB"
cs_log "building $DB: OCA Helpdesk in use, without our addons"
cs_odoo -d "$DB" -i helpdesk_mgmt,helpdesk_mgmt_sla,helpdesk_mgmt_rating,helpdesk_mgmt_crm \
    --stop-after-init --logfile="$CS_STATE/log/$DB-helpdesk.log"
psql -d "$DB" -tA -c "SELECT json_build_object(
    'tickets', (SELECT json_object_agg(id, json_build_object('stage', stage_id, 'team', team_id)) FROM helpdesk_ticket),
    'teams', (SELECT json_agg(id) FROM helpdesk_ticket_team),
    'stages', (SELECT json_object_agg(id, active) FROM helpdesk_ticket_stage))" > "$CS_STATE/$DB-before.json"
cs_log "installing our addons on $DB"
cs_odoo -d "$DB" -i "$(cs_addons_csv)" --stop-after-init --logfile="$CS_STATE/log/$DB-install.log"
echo "helpdesk built and our addons installed"
