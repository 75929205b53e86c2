#!/usr/bin/env bash
# The load test (bench/locustfile.py, as bench/load.sh runs it) against the
# cluster setup/cluster.sh is running: the same agents on one node (node 1
# directly) and on two (through nginx), then on two with node 2 killed
# (SIGKILL, its master and workers) in the middle of the run while it
# performs a queue job. Prints each run's figures, checks that every write
# acknowledged is in the database and that the job was done once. Not in CI.
#
#   bench/cluster_load.sh [--users N] [--duration 1m] [--employees 100] [--tickets 20000]
#                         [--runs "one-node two-nodes node-killed"]
#
# The dataset (bench/load_build.py's organisation and tickets, at the given
# size) is added once to the database the cluster serves.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../setup/lib.sh"

USERS=20
DURATION=1m
EMPLOYEES=100
TICKETS=20000
RUNS="one-node two-nodes node-killed"
while [ $# -gt 0 ]; do
    case $1 in
        --users) USERS=$2; shift 2 ;;
        --duration) DURATION=$2; shift 2 ;;
        --employees) EMPLOYEES=$2; shift 2 ;;
        --tickets) TICKETS=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        *) cs_die "unknown option $1 (see the head of bench/cluster_load.sh)" ;;
    esac
done
BASE=$CS_STATE/cluster
OUT=$BASE/load
LOCUST_VENV=$CS_STATE/locust-venv
conf_value() { sed -n "s/^$1 = //p" "$BASE/node$2.conf"; }
[ -f "$BASE/node1.conf" ] && [ -f "$BASE/node2.conf" ] || cs_die "start setup/cluster.sh first"
DB=$(conf_value db_name 1)
NODE1=http://127.0.0.1:$(conf_value http_port 1)
PROXY=http://127.0.0.1:$(sed -n 's/^port = //p' "$BASE/node1.conf")
curl -fs -o /dev/null "$PROXY/web/login" || cs_die "the cluster does not answer on $PROXY: start setup/cluster.sh first"
export PGHOST=127.0.0.1 PGPORT=$(conf_value db_port 1) PGUSER=odoo
mkdir -p "$OUT"

"$LOCUST_VENV/bin/locust" --version >/dev/null 2>&1 \
    || cs_die "Locust is missing: bench/load.sh --build-only installs it into .cs/locust-venv"
cs_log "the dataset in $DB: $EMPLOYEES employees, $TICKETS tickets (built once)"
(cd "$CS_ROOT/bench" && "$CS_VENV/bin/python" load_build.py -c "$BASE/node1.conf" -d "$DB" --product ours \
    --employees "$EMPLOYEES" --tickets "$TICKETS" --out "$OUT") >"$OUT/build.log" 2>&1 \
    || { tail -n 20 "$OUT/build.log"; cs_die "building the dataset failed"; }

seconds() { case $1 in *m) echo $(( ${1%m} * 60 )) ;; *s) echo "${1%s}" ;; *) echo "$1" ;; esac; }

locust_run() { # name, host
    local out=$OUT/$1
    rm -rf "$out"; mkdir -p "$out"
    cs_log "$1: $USERS agents for $DURATION against $2"
    LOAD_PRODUCT=ours LOAD_DB=$DB LOAD_OUT=$out LOAD_AGENTS=$OUT/ours-agents.json LOAD_USERS=$USERS \
        LOAD_SECONDS=$(seconds "$DURATION") "$LOCUST_VENV/bin/locust" -f "$CS_ROOT/bench/locustfile.py" \
        --headless --users "$USERS" --spawn-rate 2 --run-time "$(( $(seconds "$DURATION") + 600 ))s" \
        --stop-timeout 30 --host "$2" --csv "$out/locust" --only-summary >"$out/locust.log" 2>&1 || true
}

# a job for node 2 to be killed in: opening a new period's forms, one batch
# for every employee of the dataset, queued until one runs on node 2
node2_master=$(cat "$BASE/run/node2.pid")
job_on_node2() {
    local month=1 job pid
    while [ "$month" -le 12 ]; do
        job=$("$CS_VENV/bin/python" - "$BASE/node1.conf" "$DB" "$month" <<'EOF'
import sys
import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
odoo.tools.config.parse_config(["-c", sys.argv[1], "--log-level=warn"])
with Registry(sys.argv[2]).cursor() as cr:
    env = api.Environment(cr, SUPERUSER_ID, {})
    manager = env.ref("base.user_admin")
    period = env["cs.appraisal.period"]._ensure(env.company, "monthly", f"2020-{int(sys.argv[3]):02d}-01")
    if period.appraisal_ids:  # used by an earlier run
        raise SystemExit()
    period.with_user(manager).action_open_forms()
    cr.commit()
    print(env["queue.job"].search([("cs_res_id", "=", period.id), ("model_name", "=", period._name)]).uuid)
EOF
)
        for _ in $(seq 60); do
            pid=$(psql -d "$DB" -tAc "SELECT worker_pid FROM queue_job WHERE uuid = '$job' AND state = 'started'")
            [ -n "$pid" ] && break
            sleep 0.5
        done
        if [ -n "$pid" ] && [ "$(ps -o ppid= -p "$pid" | tr -d ' ')" = "$node2_master" ]; then
            echo "$job"; return 0
        fi
        month=$((month + 1))
    done
    return 1
}

kill_node2_mid_run() {
    # once every agent has logged in and the figures count
    until grep -qs '"measured": true' "$OUT/node-killed/actions.jsonl"; do sleep 1; done
    sleep "$(( $(seconds "$DURATION") / 4 ))"
    local job children
    job=$(job_on_node2) || { cs_log "no job ran on node 2: node 2 killed without one"; job=""; }
    children=$(ps -o pid= --ppid "$node2_master" | tr '\n' ' ')
    kill -KILL "$node2_master" $children 2>/dev/null || true
    cs_log "node 2 killed (master $node2_master, workers $children) at $(date +%T)${job:+ while it ran job $job}"
    echo "$job" > "$OUT/killed-job"
}

[[ " $RUNS " == *" one-node "* ]] && locust_run one-node "$NODE1"
[[ " $RUNS " == *" two-nodes "* ]] && locust_run two-nodes "$PROXY"
[[ " $RUNS " == *" node-killed "* ]] || exit 0
rm -rf "$OUT/node-killed"
kill_node2_mid_run &
killer=$!
locust_run node-killed "$PROXY"
wait "$killer"
job=$(cat "$OUT/killed-job")
if [ -n "$job" ]; then
    for _ in $(seq 180); do
        [ "$(psql -d "$DB" -tAc "SELECT state FROM queue_job WHERE uuid = '$job'")" = done ] && break
        sleep 1
    done
fi
"$CS_VENV/bin/python" "$CS_ROOT/bench/cluster_load_report.py" --out "$OUT" --db "$DB" --job "$job"
