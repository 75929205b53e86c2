#!/usr/bin/env bash
# Run every test: each addon's Odoo tests and the cross-module tests/, through
# pytest with pytest-odoo, on a fresh database; browser tours in headless
# Chromium. Extra arguments go to pytest (e.g. -k store, -x).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DB=${CS_TEST_DB:-cs_test}
trap cs_pg_stop EXIT

cs_bootstrap
cs_browser
install_log=$CS_STATE/log/$DB-install.log
cs_log "installing our addons into a fresh database $DB (log in .cs/log)"
cs_drop_db "$DB"
# en_US first: the first language loaded becomes the default of new users
cs_odoo -d "$DB" -i "$(cs_addons_csv)" --load-language=en_US,zh_CN,zh_TW --stop-after-init \
    --logfile="$install_log" || { tail -n 40 "$install_log"; cs_die "installing the addons failed, see $install_log"; }

cs_log "running the tests"
cd "$CS_ROOT"
paths=()
for addon in "${CS_ADDONS[@]}"; do [ -d "$addon/tests" ] && paths+=("$addon/tests"); done
status=0
"$CS_VENV/bin/python" -m pytest --odoo-config="$CS_CONF" --odoo-database="$DB" --odoo-http \
    --odoo-log-level=warn \
    "${paths[@]}" tests "$@" || status=$?
exit $status
