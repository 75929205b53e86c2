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
cs_bench_db "$DB" cs_appraisal "$(cs_addons_csv)"
"$CS_VENV/bin/python" "$CS_ROOT/bench/bench_appraisal.py" -c "$CS_CONF" -d "$DB" "$@"
