# Shared bootstrap of setup/run.sh and setup/test.sh: sourced, not executed.
#
# Provides: the system packages, the Odoo 18.0 source, the virtualenv with
# Odoo, the OCA addons and ours, a PostgreSQL server, and an Odoo config.
# Every step is skipped when its result is already there, so a second run
# only starts the database.

CS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CS_STATE=$CS_ROOT/.cs                 # git-ignored: cluster, filestore, logs
CS_VENV=$CS_ROOT/.venv
CS_CONF=$CS_STATE/odoo.conf
mapfile -t CS_ADDONS < <(grep -v '^#' "$CS_ROOT/setup/addons.txt" | grep .)  # our addons, in dependency order
CS_ODOO_SERIES=18.0
CS_ODOO_CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/odoo-src/$CS_ODOO_SERIES
CS_ODOO_ARCHIVE_URL=${CS_ODOO_ARCHIVE_URL:-https://nightly.odoo.com/$CS_ODOO_SERIES/nightly/src/odoo_$CS_ODOO_SERIES.latest.tar.gz}
CS_PG_STARTED=0

cs_log() { printf '\033[1;36m[cs]\033[0m %s\n' "$*" >&2; }
cs_die() { printf '\033[1;31m[cs] error:\033[0m %s\n' "$*" >&2; exit 1; }
cs_is_root() { [ "$(id -u)" = 0 ]; }
cs_addons_csv() { local IFS=,; echo "${CS_ADDONS[*]}"; }

# --- system packages --------------------------------------------------------
cs_apt_install() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if cs_is_root && command -v apt-get >/dev/null; then
        cs_log "installing Debian packages: ${missing[*]}"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        cs_log "warning: missing system packages ${missing[*]} (install them, e.g. with apt-get, if a step fails)"
    fi
}

cs_system_packages() {
    command -v dpkg-query >/dev/null || return 0
    # build dependencies of psycopg2 and python-ldap (Odoo's requirements)
    [ -x "$CS_VENV/bin/odoo" ] || cs_apt_install libpq-dev libldap2-dev libsasl2-dev
    # PDF reports, with the CJK fonts the report layout names; pdftotext
    # for the test that reads a printed report back
    cs_apt_install wkhtmltopdf fonts-noto-cjk poppler-utils
    if [ -z "${PGHOST:-}${PGPORT:-}${PGUSER:-}" ] && ! cs_pg_bindir >/dev/null; then
        cs_apt_install postgresql
    fi
}

cs_browser() {
    command -v chromium >/dev/null || command -v google-chrome >/dev/null \
        || command -v chromium-browser >/dev/null || cs_apt_install chromium
}

# --- Odoo source ------------------------------------------------------------
cs_odoo_src() {
    if [ -n "${ODOO_SRC:-}" ]; then
        [ -f "$ODOO_SRC/odoo/release.py" ] || cs_die "ODOO_SRC=$ODOO_SRC is not an Odoo source tree (no odoo/release.py)."
    elif [ -f "$CS_ODOO_CACHE/odoo/release.py" ]; then
        ODOO_SRC=$CS_ODOO_CACHE
    else
        cs_log "downloading the Odoo $CS_ODOO_SERIES source into $CS_ODOO_CACHE"
        mkdir -p "$CS_ODOO_CACHE"
        if ! curl -fsSL --retry 2 "$CS_ODOO_ARCHIVE_URL" | tar -xz --strip-components=1 -C "$CS_ODOO_CACHE"; then
            rm -rf "$CS_ODOO_CACHE"
            cs_die "could not get the Odoo $CS_ODOO_SERIES source. Set ODOO_SRC to an Odoo $CS_ODOO_SERIES checkout (or unpack one into $CS_ODOO_CACHE) and run again."
        fi
        ODOO_SRC=$CS_ODOO_CACHE
    fi
    grep -Eq "^version_info = \(${CS_ODOO_SERIES%.*}, ${CS_ODOO_SERIES#*.}," "$ODOO_SRC/odoo/release.py" \
        || cs_die "$ODOO_SRC is not Odoo $CS_ODOO_SERIES: point ODOO_SRC at an Odoo $CS_ODOO_SERIES source tree."
    export ODOO_SRC
}

# --- virtualenv -------------------------------------------------------------
# Everything pip installs follows from these files: when none changed, skip pip.
cs_venv_fingerprint() {
    {
        echo "$ODOO_SRC"
        cat "$ODOO_SRC/requirements.txt" "$CS_ROOT"/setup/{installer,constraints-build,constraints,requirements-test}.txt
        for addon in "${CS_ADDONS[@]}"; do cat "$CS_ROOT/$addon/__manifest__.py" "$CS_ROOT/$addon/pyproject.toml"; done
    } | sha256sum | cut -d' ' -f1
}

# pip as pinned in setup/installer.txt, with the build constraint given
# explicitly: pip 25.3 and later no longer read PIP_CONSTRAINT inside build
# isolation, and some of Odoo's pinned requirements need pkg_resources
# (setuptools<80) to build.
cs_pip() {
    "$CS_VENV/bin/python" -m pip install -q --disable-pip-version-check \
        --build-constraint "$CS_ROOT/setup/constraints-build.txt" "$@"
}

# Installs Odoo's requirements, Odoo itself and the packages our addons and
# tests need. $1: a constraints file for the latter (the lock), or empty.
cs_venv_install() {
    local lock=$1 requirements
    local pip=("$CS_VENV/bin/python" -m pip install -q --disable-pip-version-check)
    "${pip[@]}" -r "$CS_ROOT/setup/installer.txt" &&
    cs_pip ${lock:+-c "$lock"} -r "$ODOO_SRC/requirements.txt" &&
    # compat mode: OCA wheels add site-packages/odoo/addons, which a
    # modern editable finder would hide behind the source tree's package;
    # built with the pinned setuptools of the virtualenv itself
    "${pip[@]}" --no-build-isolation -e "$ODOO_SRC" --config-settings editable_mode=compat &&
    cs_pip ${lock:+-c "$lock"} manifestoo-core &&
    requirements=$("$CS_VENV/bin/python" "$CS_ROOT/setup/addon_requirements.py" "${CS_ADDONS[@]}") &&
    # shellcheck disable=SC2086
    cs_pip ${lock:+-c "$lock"} $requirements -r "$CS_ROOT/setup/requirements-test.txt"
}

cs_venv() {
    local python=${CS_PYTHON:-python3} stamp=$CS_VENV/.cs-fingerprint fingerprint
    fingerprint=$(cs_venv_fingerprint)
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$fingerprint" ]; then
        return 0
    fi
    [ -x "$CS_VENV/bin/python" ] || { cs_log "creating the virtualenv in .venv"; "$python" -m venv "$CS_VENV"; }
    local log=$CS_STATE/log/pip.log
    mkdir -p "$CS_STATE/log"; : > "$log"
    cs_log "installing Odoo $CS_ODOO_SERIES, the OCA addons and the test tools into .venv (log in .cs/log/pip.log)"
    cs_venv_install "$CS_ROOT/setup/constraints.txt" >>"$log" 2>&1 \
        || { tail -n 30 "$log"; cs_die "pip failed, see $log"; }
    echo "$fingerprint" > "$stamp"
}

# --- PostgreSQL -------------------------------------------------------------
cs_pg_bindir() {
    local dir
    if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then
        pg_config --bindir; return 0
    fi
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    command -v initdb >/dev/null && { dirname "$(command -v initdb)"; return 0; }
    return 1
}

cs_as_pg_owner() {
    if cs_is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

cs_pg_start() {
    if [ -n "${PGHOST:-}${PGPORT:-}${PGUSER:-}" ]; then
        [ "${PGUSER:-$USER}" != postgres ] || cs_die "Odoo refuses the database role 'postgres': set PGUSER to another role."
        cs_log "using your PostgreSQL server (PGHOST=${PGHOST:-default} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-$USER})"
        CS_DB_HOST=${PGHOST:-}; CS_DB_PORT=${PGPORT:-}; CS_DB_USER=${PGUSER:-}
        return 0
    fi
    local bindir pgdir=$CS_STATE/pg
    bindir=$(cs_pg_bindir) || cs_die "no PostgreSQL server found: install PostgreSQL 13+ or set PGHOST/PGPORT/PGUSER."
    mkdir -p "$pgdir/run"
    if cs_is_root; then
        id postgres >/dev/null 2>&1 || cs_die "running as root needs the 'postgres' system user to own the private cluster."
        chown postgres "$pgdir" "$pgdir/run"
    fi
    if [ ! -f "$pgdir/data/PG_VERSION" ]; then
        cs_log "creating a private PostgreSQL cluster in .cs/pg"
        cs_as_pg_owner "$bindir/initdb" -D "$pgdir/data" -U odoo --auth=trust -E UTF8 --no-locale >"$CS_STATE/initdb.log" 2>&1 \
            || cs_die "initdb failed, see $CS_STATE/initdb.log"
    fi
    export PGHOST=$pgdir/run PGPORT=5432 PGUSER=odoo
    CS_DB_HOST=$PGHOST; CS_DB_PORT=$PGPORT; CS_DB_USER=$PGUSER
    if ! cs_as_pg_owner "$bindir/pg_ctl" -D "$pgdir/data" status >/dev/null 2>&1; then
        cs_log "starting PostgreSQL (unix socket in .cs/pg/run)"
        cs_as_pg_owner "$bindir/pg_ctl" -D "$pgdir/data" -l "$pgdir/postgres.log" -w -t 60 \
            -o "-c listen_addresses='' -k $PGHOST -p $PGPORT" start >/dev/null \
            || cs_die "PostgreSQL did not start, see $pgdir/postgres.log"
        CS_PG_STARTED=1
    fi
    CS_PG_BINDIR=$bindir
}

cs_pg_stop() {
    [ "$CS_PG_STARTED" = 1 ] || return 0
    cs_log "stopping PostgreSQL"
    cs_as_pg_owner "$CS_PG_BINDIR/pg_ctl" -D "$CS_STATE/pg/data" -m fast -w stop >/dev/null || true
    CS_PG_STARTED=0
}

cs_db_exists() {
    psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1
}

# A benchmark database: built once with the addons $2 and no demo data; on
# later runs the addons $3 (default: $2; none when empty) are updated.
cs_bench_db() {
    local db=$1 install=$2 update=${3-$2} log=$CS_STATE/log/$1.log
    if ! cs_db_exists "$db"; then
        cs_log "building $db ($install without demo data)"
        cs_odoo -d "$db" -i "$install" --without-demo=all --stop-after-init --logfile="$log"
    elif [ -n "$update" ]; then
        cs_odoo -d "$db" -u "$update" --stop-after-init --logfile="$log"
    fi
}

# Odoo's auth_signup opens free portal sign-up on install (b2c): a database
# we create starts on invitation instead. Settings > Customer Account opens
# it again; a database the company already runs is never touched.
cs_close_signup() {
    psql -d "$1" -qc "UPDATE ir_config_parameter SET value = 'b2b' WHERE key = 'auth_signup.invitation_scope'"
}

cs_drop_db() {
    dropdb --if-exists "$1"
    rm -rf "$CS_STATE/data/filestore/$1"
}

# --- Odoo -------------------------------------------------------------------
cs_odoo_conf() {
    # One process serving every database by default (the demo). When
    # setup/run.sh sets CS_SERVED_DB and CS_WORKERS=N (N > 0): prefork mode
    # for production behind a reverse proxy, serving CS_SERVED_DB only.
    # Secure by default in every mode: a random master password (never the
    # well-known "admin"), no database manager or list, only localhost.
    local workers=0 admin_passwd passwd_file=$CS_STATE/admin-passwd
    if [ -n "${CS_SERVED_DB:-}" ]; then workers=${CS_WORKERS:-0}; fi
    [[ $workers =~ ^[0-9]+$ ]] || cs_die "CS_WORKERS=$workers: give a number of worker processes (0: one process, no workers)"
    mkdir -p "$CS_STATE/data" "$CS_STATE/log"
    if [ -n "${CS_ADMIN_PASSWD:-}" ]; then
        [ "$CS_ADMIN_PASSWD" != admin ] || cs_die "CS_ADMIN_PASSWD=admin is the well-known default: choose another, or leave it unset to generate one"
        admin_passwd=$CS_ADMIN_PASSWD
    else
        if [ ! -s "$passwd_file" ]; then
            (umask 077; head -c 18 /dev/urandom | base64 | tr '+/' '-_' > "$passwd_file")
            cs_log "generated a random master password into .cs/admin-passwd: $(cat "$passwd_file")"
        fi
        admin_passwd=$(cat "$passwd_file")
    fi
    cat > "$CS_CONF" <<EOF
[options]
db_host = ${CS_DB_HOST:-False}
db_port = ${CS_DB_PORT:-False}
db_user = ${CS_DB_USER:-False}
db_password = ${PGPASSWORD:-False}
data_dir = $CS_STATE/data
addons_path = $CS_ROOT,$ODOO_SRC/odoo/addons,$ODOO_SRC/addons
admin_passwd = $admin_passwd
list_db = False
http_interface = ${CS_HTTP_INTERFACE:-127.0.0.1}
EOF
    if [ -n "${CS_SERVED_DB:-}" ]; then
        echo "dbfilter = ^$CS_SERVED_DB\$" >> "$CS_CONF"
    fi
    if [ "$workers" -gt 0 ]; then
        cat >> "$CS_CONF" <<EOF
workers = $workers
max_cron_threads = ${CS_CRON_WORKERS:-1}
gevent_port = ${CS_GEVENT_PORT:-8072}
proxy_mode = True
db_maxconn = 16
limit_memory_soft = 1073741824
limit_memory_hard = 2684354560
limit_time_cpu = 120
limit_time_real = 240
limit_request = 8192
EOF
    fi
    if [ -n "${CS_SERVED_DB:-}" ]; then
        # queue_job's runner, in the server's main process, runs the jobs
        # our heavy buttons queue (the test command performs them itself)
        printf 'server_wide_modules = base,web,queue_job\n\n[queue_job]\nchannels = root:%s\n' \
            "${CS_JOB_CHANNELS:-1}" >> "$CS_CONF"
    fi
    chmod 600 "$CS_CONF"
}

cs_odoo() { "$CS_VENV/bin/odoo" -c "$CS_CONF" "$@"; }

# The directory of an installed addon (ours, Odoo's or an OCA wheel's).
cs_addon_dir() {
    "$CS_VENV/bin/python" -c "import importlib.util as u, sys; sys.stdout.write(u.find_spec('odoo.addons.$1').submodule_search_locations[0])"
}

# Hash of our addons' files: an installed database older than it gets updated.
cs_addons_fingerprint() {
    (cd "$CS_ROOT" && find "${CS_ADDONS[@]}" -type f \( -name '*.py' -o -name '*.xml' -o -name '*.csv' -o -name '*.po' -o -name '*.js' -o -name '*.scss' \) \
        -not -path '*/build/*' -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -d' ' -f1
}

cs_bootstrap() {
    mkdir -p "$CS_STATE"
    cs_system_packages
    cs_odoo_src
    cs_venv
    cs_pg_start
    cs_odoo_conf
}
