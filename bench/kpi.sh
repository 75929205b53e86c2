#!/usr/bin/env bash
# Benchmark (KPI speed): a year of 1,000,000 tickets with deadline lines,
# ratings, quality inspections and hand-offs generated in SQL, then the
# per-agent monthly KPI pivot through the ORM against a hand-written SQL
# GROUP BY, QA sampling of a month, and the store dashboard. The database is
# built once (without demo data); measured work is rolled back.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../setup/lib.sh"
trap cs_pg_stop EXIT
cs_bootstrap
DB=cs_bench_kpi
cs_bench_db "$DB" cs_management
"$CS_VENV/bin/python" "$CS_ROOT/bench/bench_kpi.py" -c "$CS_CONF" -d "$DB" "$@"
