#!/usr/bin/env bash
# Odoo scaled out its own way, on one machine over loopback: a PostgreSQL
# primary and a streaming replica (pg_basebackup), two Odoo nodes in prefork
# mode sharing one filestore and sending read-only requests to the replica
# (db_replica_host), queue_job's runner on the first node, and nginx in front
# (the websocket route to the nodes' gevent ports). Serves the demo database,
# checks that a report request ran on the replica, and stops everything on
# Ctrl-C. Not part of CI. State in .cs/cluster/ (git-ignored).
#
# CS_DB (default cs_demo): the database served; built as setup/run.sh builds
# it, or copied once from CS_CLUSTER_SEED, a database of the server the PG*
# variables point to. CS_CLUSTER_PORT (nginx, default 8080), CS_WORKERS (HTTP
# workers a node, default 2), CS_CLUSTER_PG_PORT (primary, default 5433; the
# replica listens on the next port), CS_CLUSTER_NODE_PORTS (default
# "8269 8369"; each node's gevent port is its HTTP port + 3).
# CS_CLUSTER_CHECK_ONLY=1: start, check, stop (no waiting for Ctrl-C).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DB=${CS_DB:-cs_demo}
PROXY_PORT=${CS_CLUSTER_PORT:-8080}
PRIMARY_PORT=${CS_CLUSTER_PG_PORT:-5433}
REPLICA_PORT=$((PRIMARY_PORT + 1))
read -r -a NODE_PORTS <<< "${CS_CLUSTER_NODE_PORTS:-8269 8369}"
WORKERS=${CS_WORKERS:-2}
BASE=$CS_STATE/cluster
RUN=$BASE/run
LOG=$BASE/log
NODE_PIDS=()

cluster_log() { cs_log "[cluster] $*"; }

# --- stopping: whatever this run started, newest first ----------------------
cluster_stop() {
    trap - EXIT INT TERM
    cluster_log "stopping nginx, the Odoo nodes, the replica and the primary"
    [ -s "$RUN/nginx.pid" ] && kill -QUIT "$(cat "$RUN/nginx.pid")" 2>/dev/null || true
    local pid
    for pid in "${NODE_PIDS[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
    for pid in "${NODE_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    for role in replica primary; do
        [ -f "$BASE/$role/postmaster.pid" ] \
            && cs_as_pg_owner "$CS_PG_BINDIR/pg_ctl" -D "$BASE/$role" -m fast -w stop >/dev/null 2>&1 || true
    done
}

# --- PostgreSQL: primary and streaming replica ------------------------------
pg_conf() { # data directory, port
    cat >> "$1/postgresql.conf" <<EOF
# setup/cluster.sh
listen_addresses = '127.0.0.1'
port = $2
unix_socket_directories = '$RUN'
wal_level = replica
max_wal_senders = 5
hot_standby = on
max_connections = 200
logging_collector = off
include_if_exists = 'cluster_check.conf'
EOF
}

pg_start() { # role, port
    cs_as_pg_owner "$CS_PG_BINDIR/pg_ctl" -D "$BASE/$1" -l "$LOG/$1.log" -w -t 120 start >/dev/null \
        || cs_die "PostgreSQL ($1) did not start, see $LOG/$1.log"
    cluster_log "PostgreSQL $1 on 127.0.0.1:$2"
}

start_postgres() {
    CS_PG_BINDIR=$(cs_pg_bindir) || cs_die "no PostgreSQL server binaries found: install PostgreSQL 13+."
    mkdir -p "$RUN" "$LOG"
    if cs_is_root; then chown postgres "$BASE" "$RUN" "$LOG"; fi
    if [ ! -f "$BASE/primary/PG_VERSION" ]; then
        cluster_log "creating the primary in .cs/cluster/primary"
        cs_as_pg_owner "$CS_PG_BINDIR/initdb" -D "$BASE/primary" -U odoo --auth=trust -E UTF8 --no-locale \
            >"$LOG/initdb.log" 2>&1 || cs_die "initdb failed, see $LOG/initdb.log"
        pg_conf "$BASE/primary" "$PRIMARY_PORT"
    fi
    pg_start primary "$PRIMARY_PORT"
    if [ ! -f "$BASE/replica/PG_VERSION" ]; then
        cluster_log "cloning the replica with pg_basebackup (streaming, standby.signal)"
        cs_as_pg_owner "$CS_PG_BINDIR/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U odoo \
            -D "$BASE/replica" -R -X stream -c fast >"$LOG/basebackup.log" 2>&1 \
            || cs_die "pg_basebackup failed, see $LOG/basebackup.log"
        sed -i "s/^port = $PRIMARY_PORT$/port = $REPLICA_PORT/" "$BASE/replica/postgresql.conf"
    fi
    pg_start replica "$REPLICA_PORT"
    [ "$(replica_sql "SELECT pg_is_in_recovery()")" = t ] || cs_die "the replica is not in recovery"
}

primary_sql() { psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U odoo -d "${2:-postgres}" -tAc "$1"; }
replica_sql() { psql -h 127.0.0.1 -p "$REPLICA_PORT" -U odoo -d "${2:-postgres}" -tAc "$1"; }

# --- the database served ----------------------------------------------------
node_conf() { echo "$BASE/node$1.conf"; }

write_node_conf() { # node number, HTTP port, server-wide modules
    local conf; conf=$(node_conf "$1")
    cat > "$conf" <<EOF
[options]
db_host = 127.0.0.1
db_port = $PRIMARY_PORT
db_user = odoo
db_password = False
db_replica_host = 127.0.0.1
db_replica_port = $REPLICA_PORT
db_name = $DB
dbfilter = ^$DB\$
list_db = False
admin_passwd = $ADMIN_PASSWD
data_dir = $BASE/data
addons_path = $CS_ROOT,$ODOO_SRC/odoo/addons,$ODOO_SRC/addons
http_interface = 127.0.0.1
http_port = $2
gevent_port = $(($2 + 3))
proxy_mode = True
workers = $WORKERS
max_cron_threads = 1
db_maxconn = 16
limit_memory_soft = 1073741824
limit_memory_hard = 2684354560
limit_time_cpu = 120
limit_time_real = 240
limit_request = 8192
server_wide_modules = $3
logfile = $LOG/node$1.log
pidfile = $RUN/node$1.pid

[queue_job]
channels = root:2
scheme = http
host = 127.0.0.1
port = $PROXY_PORT
EOF
    chmod 600 "$conf"
}

prepare_database() {
    local stamp=$BASE/$DB.fingerprint fingerprint odoo=("$CS_VENV/bin/odoo" -c "$(node_conf 1)" --workers=0 --no-http --stop-after-init)
    fingerprint=$(cs_addons_fingerprint)
    if [ -z "$(primary_sql "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]; then
        if [ -n "${CS_CLUSTER_SEED:-}" ]; then
            cluster_log "copying $CS_CLUSTER_SEED into the primary as $DB"
            primary_sql "CREATE DATABASE \"$DB\"" >/dev/null
            pg_dump -Fc --no-owner -d "$CS_CLUSTER_SEED" \
                | pg_restore --no-owner -h 127.0.0.1 -p "$PRIMARY_PORT" -U odoo -d "$DB"
            local filestore=$CS_STATE/data/filestore/$CS_CLUSTER_SEED
            if [ -d "$filestore" ]; then
                mkdir -p "$BASE/data/filestore" && cp -a "$filestore" "$BASE/data/filestore/$DB"
            else
                # no files to go with the copy: the web assets are built again
                primary_sql "DELETE FROM ir_attachment WHERE url LIKE '/web/assets/%'" "$DB" >/dev/null
            fi
        else
            cluster_log "creating the demo database $DB: our addons, demo data, zh_CN and zh_TW (a few minutes)"
            "${odoo[@]}" -i "$(cs_addons_csv)" --load-language=en_US,zh_CN,zh_TW --logfile="$LOG/$DB-install.log" \
                || { tail -n 40 "$LOG/$DB-install.log"; cs_die "installing the addons failed"; }
            primary_sql "UPDATE ir_config_parameter SET value = 'b2b' WHERE key = 'auth_signup.invitation_scope'" "$DB" >/dev/null
            echo "$fingerprint" > "$stamp"
        fi
    fi
    if [ "$(cat "$stamp" 2>/dev/null)" != "$fingerprint" ]; then
        cluster_log "updating our addons in $DB"
        "${odoo[@]}" -u "$(cs_addons_csv)" --logfile="$LOG/$DB-update.log" \
            || { tail -n 40 "$LOG/$DB-update.log"; cs_die "updating the addons failed"; }
        echo "$fingerprint" > "$stamp"
    fi
}

# --- Odoo nodes -------------------------------------------------------------
start_nodes() {
    local i
    for i in "${!NODE_PORTS[@]}"; do
        "$CS_VENV/bin/odoo" -c "$(node_conf $((i + 1)))" &
        NODE_PIDS+=($!)
    done
    for i in "${!NODE_PORTS[@]}"; do
        wait_http "http://127.0.0.1:${NODE_PORTS[$i]}/web/login" "node $((i + 1))"
    done
}

wait_http() { # url, what
    local tries=0
    until curl -fsS -o /dev/null "$1" 2>/dev/null; do
        tries=$((tries + 1))
        [ "$tries" -lt 120 ] || cs_die "$2 does not answer on $1 (see $LOG)"
        sleep 1
    done
    cluster_log "$2 serves $1"
}

# --- nginx ------------------------------------------------------------------
start_nginx() {
    command -v nginx >/dev/null || cs_apt_install nginx
    command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || cs_die "nginx is missing: install the Debian package nginx."
    local nginx; nginx=$(command -v nginx || echo /usr/sbin/nginx)
    mkdir -p "$BASE/nginx"
    local upstream="" chat="" port
    for port in "${NODE_PORTS[@]}"; do
        # never marked down: a node that is only busy stays in (its queue
        # full, a connection times out), a dead one refuses at once and the
        # request goes to the other
        upstream+="        server 127.0.0.1:$port max_fails=0;"$'\n'
        chat+="        server 127.0.0.1:$((port + 3)) max_fails=0;"$'\n'
    done
    cat > "$BASE/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $RUN/nginx.pid;
error_log $LOG/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log $LOG/nginx-access.log;
    client_body_temp_path $BASE/nginx/body;
    proxy_temp_path $BASE/nginx/proxy;
    fastcgi_temp_path $BASE/nginx/fastcgi;
    uwsgi_temp_path $BASE/nginx/uwsgi;
    scgi_temp_path $BASE/nginx/scgi;
    upstream odoo {
$upstream    }
    upstream odoochat {
$chat    }
    map \$http_upgrade \$connection_upgrade {
        default upgrade;
        ''      close;
    }
    server {
        listen 127.0.0.1:$PROXY_PORT;
        client_max_body_size 64m;
        proxy_read_timeout 720s;
        proxy_connect_timeout 60s;
        proxy_send_timeout 720s;
        # a node that refuses the connection: the request goes to the other
        # one (a request already sent to a node is never sent twice)
        proxy_next_upstream error timeout;
        location /websocket {
            proxy_pass http://odoochat;
            proxy_http_version 1.1;
            proxy_set_header Upgrade \$http_upgrade;
            proxy_set_header Connection \$connection_upgrade;
            proxy_set_header X-Forwarded-Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header X-Real-IP \$remote_addr;
        }
        location / {
            proxy_pass http://odoo;
            proxy_redirect off;
            proxy_set_header X-Forwarded-Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header X-Real-IP \$remote_addr;
        }
    }
}
EOF
    "$nginx" -t -c "$BASE/nginx.conf" -p "$BASE/nginx" >"$LOG/nginx-test.log" 2>&1 \
        || { cat "$LOG/nginx-test.log"; cs_die "nginx refused its configuration"; }
    "$nginx" -c "$BASE/nginx.conf" -p "$BASE/nginx" &
    wait_http "http://127.0.0.1:$PROXY_PORT/web/login" "nginx"
}

# --- checks -----------------------------------------------------------------
jsonrpc() { # cookie jar, route, params (JSON)
    curl -fsS -b "$1" -c "$1" -H 'Content-Type: application/json' \
        -d "{\"jsonrpc\": \"2.0\", \"method\": \"call\", \"id\": 1, \"params\": $3}" \
        "http://127.0.0.1:$PROXY_PORT$2"
}

check_report_on_replica() {
    local jar=$BASE/check.cookies answer
    rm -f "$jar"
    answer=$(jsonrpc "$jar" /web/session/authenticate \
        "{\"db\": \"$DB\", \"login\": \"cs.manager\", \"password\": \"cs.manager\"}")
    grep -q '"uid": *[0-9]' <<< "$answer" || cs_die "the CS manager could not log in through nginx: $answer"
    cluster_log "JSON-RPC through nginx: cs.manager logged in"
    # the replica logs its statements for the time of one report request
    echo "log_statement = 'all'" > "$BASE/replica/cluster_check.conf"
    cs_as_pg_owner "$CS_PG_BINDIR/pg_ctl" -D "$BASE/replica" reload >/dev/null
    sleep 1
    local before; before=$(wc -l < "$LOG/replica.log")
    answer=$(jsonrpc "$jar" /web/dataset/call_kw/cs.kpi.report/read_group \
        '{"model": "cs.kpi.report", "method": "read_group", "args": [[], ["customers_served:sum", "complaint_rate"], ["store_id"]], "kwargs": {"lazy": false}}')
    : > "$BASE/replica/cluster_check.conf"
    cs_as_pg_owner "$CS_PG_BINDIR/pg_ctl" -D "$BASE/replica" reload >/dev/null
    grep -q '"result"' <<< "$answer" || cs_die "the KPI pivot request failed: $answer"
    local statements; statements=$(tail -n +"$((before + 1))" "$LOG/replica.log" | grep -c 'cs_kpi_report' || true)
    [ "$statements" -gt 0 ] || cs_die "the KPI pivot request did not read on the replica (see $LOG/replica.log)"
    cluster_log "KPI pivot through nginx: $(grep -o '"store_id"' <<< "$answer" | wc -l) store rows, read on the replica ($statements statements on cs_kpi_report in the replica's log; pg_is_in_recovery() = $(replica_sql "SELECT pg_is_in_recovery()"))"
}

# --- main -------------------------------------------------------------------
trap cluster_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -p "$CS_STATE"
if [ -z "${CS_BOOTSTRAPPED:-}" ]; then
    cs_system_packages
    cs_odoo_src
    cs_venv
fi
CS_ADMIN_PASSWD_FILE=$CS_STATE/admin-passwd
if [ -n "${CS_ADMIN_PASSWD:-}" ]; then
    ADMIN_PASSWD=$CS_ADMIN_PASSWD
else
    [ -s "$CS_ADMIN_PASSWD_FILE" ] || (umask 077; head -c 18 /dev/urandom | base64 | tr '+/' '-_' > "$CS_ADMIN_PASSWD_FILE")
    ADMIN_PASSWD=$(cat "$CS_ADMIN_PASSWD_FILE")
fi
start_postgres
mkdir -p "$BASE/data"
# the first node runs queue_job's runner, which hands the jobs to either node through nginx
write_node_conf 1 "${NODE_PORTS[0]}" base,web,queue_job
for i in "${!NODE_PORTS[@]}"; do
    [ "$i" = 0 ] || write_node_conf $((i + 1)) "${NODE_PORTS[$i]}" base,web
done
prepare_database
start_nodes
start_nginx
check_report_on_replica
cat >&2 <<BANNER

  Customer Service suite on a cluster: http://127.0.0.1:$PROXY_PORT (nginx; database $DB)
    PostgreSQL primary 127.0.0.1:$PRIMARY_PORT, streaming replica 127.0.0.1:$REPLICA_PORT (read-only requests)
    Odoo nodes: $(for p in "${NODE_PORTS[@]}"; do printf '127.0.0.1:%s (websocket %s) ' "$p" $((p + 3)); done)
    $WORKERS HTTP workers and a cron worker each; queue_job's runner on node 1
    Logs in .cs/cluster/log; stop with Ctrl-C.

BANNER
[ -n "${CS_CLUSTER_CHECK_ONLY:-}" ] && exit 0
wait "${NODE_PIDS[@]}"
