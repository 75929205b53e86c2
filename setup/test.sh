#!/usr/bin/env bash
# Run every test: each addon's Odoo tests, the cross-module tests/ and the
# test suites of the OCA modules we build on, through pytest with
# pytest-odoo on a fresh database with our addons; browser tours in headless
# Chromium; then the upgrade from the previous release. Extra arguments go to
# the first pytest run (e.g. -k store, -x). Ends with one combined line.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DB=${CS_TEST_DB:-cs_test}
UPGRADE_DB=${DB}_upgrade
EXISTING_DB=${DB}_existing
ALONE_DB=${DB}_alone
# cs_management's modules run again where it is installed alone
ALONE_SUITES=(cs_management/tests/test_complaint_lifecycle.py cs_management/tests/test_access_matrix.py
    cs_management/tests/test_qa_workflow.py cs_management/tests/test_kpi.py)
# the OCA modules whose own tests must keep passing beside our addons
OCA_SUITES=(helpdesk_mgmt helpdesk_mgmt_sla helpdesk_mgmt_rating helpdesk_mgmt_crm
    helpdesk_mgmt_stage_validation hr_course rma rma_sale helpdesk_mgmt_sale website_helpdesk_mgmt)
trap 'cs_pg_stop' EXIT

phase_start=$SECONDS
cs_phase() { cs_log "[$((SECONDS - phase_start)) s] $*"; phase_start=$SECONDS; }

cs_bootstrap
cs_browser
export CS_BOOTSTRAPPED=1
cs_phase "bootstrap done"

install_log=$CS_STATE/log/$DB-install.log
cs_log "installing our addons into a fresh database $DB (log in .cs/log)"
cs_drop_db "$DB"
# en_US first: the first language loaded becomes the default of new users
cs_odoo -d "$DB" -i "$(cs_addons_csv)" --load-language=en_US,zh_CN,zh_TW --stop-after-init \
    --logfile="$install_log" || { tail -n 40 "$install_log"; cs_die "installing the addons failed, see $install_log"; }
cs_close_signup "$DB"
cs_phase "database $DB built"

# The previous release's database is built and upgraded on the other core
# while the main run tests, then a helpdesk in use gets our addons and a
# fresh database cs_management alone.
upgrade_log=$CS_STATE/log/$UPGRADE_DB.log
{
    "$CS_ROOT/setup/upgrade_db.sh" "$UPGRADE_DB" && "$CS_ROOT/setup/existing_helpdesk_db.sh" "$EXISTING_DB" \
        && cs_drop_db "$ALONE_DB" \
        && cs_odoo -d "$ALONE_DB" -i cs_management --without-demo=all --stop-after-init
} >"$upgrade_log" 2>&1 &
upgrade_pid=$!

cd "$CS_ROOT"
paths=()
for addon in "${CS_ADDONS[@]}"; do [ -d "$addon/tests" ] && paths+=("$addon/tests"); done
for addon in "${OCA_SUITES[@]}"; do paths+=("$(cs_addon_dir "$addon")/tests"); done
summaries=$CS_STATE/log/summaries
: > "$summaries"
cs_pytest() {
    local status=0
    "$CS_VENV/bin/python" -m pytest --odoo-config="$CS_CONF" --odoo-http --odoo-log-level=warn "$@" \
        | tee "$CS_STATE/log/pytest.out" || status=$?
    tail -n 1 "$CS_STATE/log/pytest.out" >> "$summaries"
    return $status
}
status=0
cs_log "running our tests and the OCA suites on $DB"
cs_pytest --odoo-database="$DB" "${paths[@]}" tests "$@" || status=$?
cs_phase "tests on $DB done"

wait "$upgrade_pid" || { tail -n 30 "$upgrade_log"; cs_die "building $UPGRADE_DB or $EXISTING_DB failed, see $upgrade_log"; }
cs_phase "upgrade, installation and cs_management-alone databases ready"
cs_log "running the upgrade tests on $UPGRADE_DB"
CS_UPGRADE_BEFORE=$CS_STATE/$UPGRADE_DB-before.json cs_pytest --odoo-database="$UPGRADE_DB" tests_upgrade || status=$?
cs_phase "upgrade tests done"

cs_log "running the tests of an installation on a helpdesk in use ($EXISTING_DB)"
CS_INSTALL_BEFORE=$CS_STATE/$EXISTING_DB-before.json cs_pytest --odoo-database="$EXISTING_DB" tests_install || status=$?
cs_phase "installation tests done"

cs_log "running cs_management's tests where it is installed alone ($ALONE_DB)"
cs_pytest --odoo-database="$ALONE_DB" tests_alone "${ALONE_SUITES[@]}" || status=$?
cs_phase "tests of cs_management alone done"

cs_log "uninstalling our addons from $UPGRADE_DB"
"$CS_VENV/bin/python" "$CS_ROOT/setup/uninstall_addons.py" "$CS_CONF" "$UPGRADE_DB" \
    >"$CS_STATE/log/$UPGRADE_DB-uninstall.log" 2>&1 \
    || { tail -n 30 "$CS_STATE/log/$UPGRADE_DB-uninstall.log"; cs_die "uninstalling our addons failed"; }
cs_log "running the helpdesk tests without our addons on $UPGRADE_DB"
cs_pytest --odoo-database="$UPGRADE_DB" tests_uninstall || status=$?
cs_phase "uninstall tests done"

"$CS_VENV/bin/python" "$CS_ROOT/setup/sum_pytest.py" < "$summaries"
exit $status
