#!/usr/bin/env bash
# Benchmark (CMP speed): create 10,000 tickets and move 1,000 through the
# stages, with our addons and with plain helpdesk_mgmt + sla + rating, in
# one run. Databases are built once (without demo data) and reused; the
# measured work is rolled back, so runs are repeatable.
#
# --size N: the same work on our addons twice, on a database holding 10,000
# tickets of history and on one holding N (built once each, as copies of the
# bench database with the history generated in SQL), to show that a create
# and a move cost the same however many tickets the company has.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../setup/lib.sh"
trap cs_pg_stop EXIT
cs_bootstrap
cs_bench_db cs_bench_ours cs_management
size=
args=()
while [ $# -gt 0 ]; do
    case $1 in
        --size) size=$2; shift 2 ;;
        *) args+=("$1"); shift ;;
    esac
done
if [ -z "$size" ]; then
    cs_bench_db cs_bench_plain helpdesk_mgmt,helpdesk_mgmt_sla,helpdesk_mgmt_rating ""
    exec "$CS_VENV/bin/python" "$CS_ROOT/bench/bench_tickets.py" -c "$CS_CONF" "${args[@]}"
fi
for history in 10000 "$size"; do
    db=cs_bench_ours_$history
    if cs_db_exists "$db"; then
        cs_odoo -d "$db" -u cs_management --stop-after-init --logfile="$CS_STATE/log/$db.log"
    else
        cs_log "building $db (a copy of cs_bench_ours with $history tickets of history)"
        createdb -T cs_bench_ours "$db"
    fi
    "$CS_VENV/bin/python" "$CS_ROOT/bench/bench_tickets.py" -c "$CS_CONF" --history "$history"
done
exec "$CS_VENV/bin/python" "$CS_ROOT/bench/bench_tickets.py" -c "$CS_CONF" --size "$size" "${args[@]}"
