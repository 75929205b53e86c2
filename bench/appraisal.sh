#!/usr/bin/env bash
# Benchmark (APR speed): open the monthly appraisal forms, KPIs and training
# results filled in, of 1,000 service employees over a month of 1,000,000
# tickets. The database is built once (without demo data) and its month of
# service generated once in SQL; the measured work is rolled back, so runs
# are repeatable. Options go to bench_appraisal.py (--employees, --tickets).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../setup/lib.sh"
trap cs_pg_stop EXIT
cs_bootstrap
DB=cs_bench_appraisal
log=$CS_STATE/log/$DB.log
if ! cs_db_exists "$DB"; then
    cs_log "building $DB (cs_appraisal without demo data)"
    cs_odoo -d "$DB" -i cs_appraisal --without-demo=all --stop-after-init --logfile="$log"
else
    cs_odoo -d "$DB" -u "$(cs_addons_csv)" --stop-after-init --logfile="$log"
fi
"$CS_VENV/bin/python" "$CS_ROOT/bench/bench_appraisal.py" -c "$CS_CONF" -d "$DB" "$@"
