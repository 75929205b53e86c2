#!/usr/bin/env bash
# Benchmark (customer tiers, customer profile): customers and orders
# generated in SQL, the tier rules' scheduled action run batch after batch,
# then the profile and the ticket's panel of a customer with 1,000 orders,
# as the store's agent. The database is built once (with demo data: the
# tier rules and the stores are the demo's); measured work is rolled back.
#   bench/tiers.sh [--customers N] [--batch N]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../setup/lib.sh"
trap cs_pg_stop EXIT
cs_bootstrap
DB=cs_bench_tiers
if ! cs_db_exists "$DB"; then
    cs_odoo -d "$DB" -i cs_sale --stop-after-init --logfile="$CS_STATE/log/$DB.log"
else
    cs_odoo -d "$DB" -u cs_sale --stop-after-init --logfile="$CS_STATE/log/$DB.log"
fi
"$CS_VENV/bin/python" "$CS_ROOT/bench/bench_tiers.py" -c "$CS_CONF" -d "$DB" "$@"
