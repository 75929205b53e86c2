#!/usr/bin/env bash
# Load test (issue 18): N simulated service agents (default 50, think time
# 1-3 s) drive the web client's JSON-RPC through Locust against the product
# in prefork mode (4 workers) on 1,000,000 tickets, then against plain
# helpdesk (helpdesk_mgmt + sla + rating, set up as in bench/tickets.sh) on
# the same volume; prints p50/p95/p99 per action, throughput and errors side
# by side, then checks that every write acknowledged is in the database.
# Exits non-zero on errors of ours or a lost write of either. Not part of CI.
#
#   bench/load.sh [--users N] [--duration 3m] [--only ours|plain] [--build-only]
#
# Locust lives in its own virtualenv (.cs/locust-venv): its gevent and
# requests are newer than Odoo's pins. The databases cs_bench_load and
# cs_bench_load_plain are built once and reused. Odoo runs on its own port
# and config (.cs/load/), never the demo's.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../setup/lib.sh"

USERS=50
DURATION=3m
ONLY=""
BUILD_ONLY=0
WORKERS=${CS_LOAD_WORKERS:-4}
PORT=${CS_LOAD_PORT:-8269}
LOAD=$CS_STATE/load
LOCUST_VENV=$CS_STATE/locust-venv
DB_OURS=cs_bench_load
DB_PLAIN=cs_bench_load_plain
while [ $# -gt 0 ]; do
    case $1 in
        --users) USERS=$2; shift 2 ;;
        --duration) DURATION=$2; shift 2 ;;
        --only) ONLY=$2; shift 2 ;;
        --build-only) BUILD_ONLY=1; shift ;;
        *) cs_die "unknown option $1 (see the head of bench/load.sh)" ;;
    esac
done
mkdir -p "$LOAD"

trap 'load_stop_odoo; cs_pg_stop' EXIT
trap 'exit 143' TERM INT

# our own config: cs_odoo_conf writes to $CS_CONF, so point it elsewhere
# than the demo's .cs/odoo.conf
# No cron worker: a new database's first runs of the monthly jobs (ours opens
# a month of appraisals over 1,000,000 tickets, killed at 240 s and started
# again) would load one product and not the other (CS_LOAD_CRON=1 keeps one).
load_conf() {  # $1: database served, $2: workers
    CS_CONF=$LOAD/odoo-$1.conf CS_SERVED_DB=$1 CS_WORKERS=$2 CS_GEVENT_PORT=$((PORT + 1)) \
        CS_CRON_WORKERS=${CS_LOAD_CRON:-0} cs_odoo_conf
    echo "$LOAD/odoo-$1.conf"
}

load_locust_venv() {
    if ! "$LOCUST_VENV/bin/locust" --version >/dev/null 2>&1; then
        cs_log "installing Locust into its own virtualenv .cs/locust-venv (log in .cs/load/pip.log)"
        rm -rf "$LOCUST_VENV"
        python3 -m venv "$LOCUST_VENV"
        "$LOCUST_VENV/bin/python" -m pip install -q --disable-pip-version-check locust >"$LOAD/pip.log" 2>&1 \
            || { tail -n 20 "$LOAD/pip.log"; cs_die "installing Locust failed, see .cs/load/pip.log"; }
    fi
}

load_build() {  # $1: database, $2: addons, $3: product (ours|plain)
    local db=$1 conf log=$CS_STATE/log/$1.log
    conf=$(load_conf "$db" 0)
    if ! cs_db_exists "$db"; then
        cs_log "building $db ($2 without demo data; log in .cs/log/$db.log)"
        "$CS_VENV/bin/odoo" -c "$conf" -d "$db" -i "$2" --without-demo=all --stop-after-init --logfile="$log" \
            || { tail -n 30 "$log"; cs_die "installing $2 into $db failed"; }
        cs_close_signup "$db"
    fi
    (cd "$CS_ROOT/bench" && "$CS_VENV/bin/python" load_build.py -c "$conf" -d "$db" --product "$3" --out "$LOAD")
    # the SQL-generated rows were updated in place, ours three times over
    # (their table four times its live size): both products start compact,
    # as a table grown over years under autovacuum is
    psql -d "$db" -qc "VACUUM FULL ANALYZE helpdesk_ticket" -c "VACUUM ANALYZE helpdesk_ticket_sla" -c "VACUUM ANALYZE mail_message"
}

ODOO_PID=""
load_start_odoo() {  # $1: database
    local db=$1 conf
    conf=$(load_conf "$db" "$WORKERS")
    cs_log "starting Odoo on $db in prefork mode ($WORKERS workers, port $PORT; log in .cs/load/odoo-$db.log)"
    setsid "$CS_VENV/bin/odoo" -c "$conf" -d "$db" --http-port="$PORT" --logfile="$LOAD/odoo-$db.log" &
    ODOO_PID=$!
    for _ in $(seq 120); do
        curl -fs -o /dev/null "http://127.0.0.1:$PORT/web/login" && break
        sleep 1
    done
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/web/login" || cs_die "Odoo did not answer on port $PORT, see .cs/load/odoo-$db.log"
    # every worker loads the registry on its first request: not the agents' wait
    local pids=()
    for _ in $(seq "$((WORKERS * 4))"); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/web/login" & pids+=($!); done
    wait "${pids[@]}" || true
}

load_stop_odoo() {
    [ -n "$ODOO_PID" ] || return 0
    kill -TERM -- "-$ODOO_PID" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$ODOO_PID" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$ODOO_PID" 2>/dev/null || true
    ODOO_PID=""
}

load_seconds() {  # 3m, 90s, 120 -> seconds
    case $1 in
        *m) echo $(( ${1%m} * 60 )) ;;
        *s) echo "${1%s}" ;;
        *) echo "$1" ;;
    esac
}

load_run() {  # $1: product (ours|plain), $2: database
    local product=$1 db=$2 out=$LOAD/$1
    rm -rf "$out"; mkdir -p "$out"
    load_start_odoo "$db"
    cs_log "$product: $USERS agents for $DURATION (think time 1-3 s)"
    # the locustfile stops the run $DURATION after the last agent logged in;
    # --run-time only bounds a run whose logins never end
    LOAD_PRODUCT=$product LOAD_DB=$db LOAD_OUT=$out LOAD_USERS=$USERS LOAD_SECONDS=$(load_seconds "$DURATION") \
        "$LOCUST_VENV/bin/locust" -f "$CS_ROOT/bench/locustfile.py" \
        --headless --exit-code-on-error 1 --users "$USERS" --spawn-rate 2 --run-time "$(( $(load_seconds "$DURATION") + 900 ))s" --stop-timeout 30 \
        --host "http://127.0.0.1:$PORT" --csv "$out/locust" --only-summary >"$out/locust.log" 2>&1 || true
    load_stop_odoo
}

cs_odoo_src
cs_venv
cs_pg_start
load_locust_venv
[ "$ONLY" = plain ] || load_build "$DB_OURS" "$(cs_addons_csv)" ours
[ "$ONLY" = ours ] || load_build "$DB_PLAIN" helpdesk_mgmt,helpdesk_mgmt_sla,helpdesk_mgmt_rating plain
[ "$BUILD_ONLY" = 0 ] || exit 0
[ "$ONLY" = plain ] || load_run ours "$DB_OURS"
[ "$ONLY" = ours ] || load_run plain "$DB_PLAIN"
"$CS_VENV/bin/python" "$CS_ROOT/bench/load_report.py" --out "$LOAD" --users "$USERS" --duration "$DURATION"
