#!/usr/bin/env bash
# Benchmark (CMP speed): create 10,000 tickets and move 1,000 through the
# stages, with our addons and with plain helpdesk_mgmt + sla + rating, in
# one run. Databases are built once (without demo data) and reused; the
# measured work is rolled back, so runs are repeatable.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../setup/lib.sh"
trap cs_pg_stop EXIT
cs_bootstrap
cs_bench_db cs_bench_plain helpdesk_mgmt,helpdesk_mgmt_sla,helpdesk_mgmt_rating ""
cs_bench_db cs_bench_ours cs_management
"$CS_VENV/bin/python" "$CS_ROOT/bench/bench_tickets.py" -c "$CS_CONF" "$@"
