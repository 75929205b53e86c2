#!/usr/bin/env bash
# Run the product: a demo database with our addons and demo data, served on
# http://localhost:8069. A second run reuses the virtualenv, the cluster and
# the database (updated when our addons changed). Extra arguments go to Odoo.
# CS_WORKERS=N (N > 0): prefork mode, to sit behind a reverse proxy (README,
# Deploying): N HTTP workers, cron workers and a websocket (gevent) process.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DB=${CS_DB:-cs_demo}
PORT=${CS_HTTP_PORT:-8069}
CS_SERVED_DB=$DB   # for cs_odoo_conf: the database served, the only one in prefork mode
trap cs_pg_stop EXIT
# A SIGTERM (kill -- -PGID, a service manager) must not stop PostgreSQL under
# a running Odoo: trapped, it takes effect once the command running has ended.
trap 'exit 143' TERM

cs_bootstrap
stamp=$CS_STATE/$DB.fingerprint
fingerprint=$(cs_addons_fingerprint)
install_log=$CS_STATE/log/$DB-install.log
if ! cs_db_exists "$DB"; then
    cs_log "creating the demo database $DB: our addons, demo data, zh_CN and zh_TW (a few minutes, log in .cs/log)"
    # en_US first: the first language loaded becomes the default of new users
    cs_odoo -d "$DB" -i "$(cs_addons_csv)" --load-language=en_US,zh_CN,zh_TW --stop-after-init \
        --logfile="$install_log" || { tail -n 40 "$install_log"; cs_die "installing the addons failed, see $install_log"; }
    cs_close_signup "$DB"
    echo "$fingerprint" > "$stamp"
elif [ "$(cat "$stamp" 2>/dev/null)" != "$fingerprint" ]; then
    cs_log "our addons changed since $DB was built: updating it"
    cs_odoo -d "$DB" -u "$(cs_addons_csv)" --stop-after-init --logfile="$install_log" \
        || { tail -n 40 "$install_log"; cs_die "updating the addons failed, see $install_log"; }
    echo "$fingerprint" > "$stamp"
fi

conf() { sed -n "s/^$1 = //p" "$CS_CONF"; }
prefork_banner() {
    [ -n "$(conf workers)" ] || return 0
    cat <<PREFORK

  Prefork: $(conf workers) HTTP workers on $(conf http_interface):$PORT, $(conf max_cron_threads) cron worker(s), websocket
  (gevent) on port $(conf gevent_port): route /websocket there from the reverse proxy (README, Deploying).
  Master password in $([ -n "${CS_ADMIN_PASSWD:-}" ] && echo CS_ADMIN_PASSWD || echo "$CS_STATE/admin-passwd"); database manager and list disabled.
PREFORK
}

cat >&2 <<BANNER

  Customer Service suite on Odoo 18: http://localhost:$PORT   (database $DB, stop with Ctrl-C)$(prefork_banner)

  Demo logins (password = login):
    admin            Administrator (everything)
    cs.manager       CS Manager, head office
    store.manager    Store Manager, Taipei Xinyi store
    supervisor       CS Supervisor, Taipei Xinyi store
    presales         Pre-sales agent, Taipei Xinyi store
    aftersales       After-sales agent, Taipei Xinyi store
    specialist       CS Specialist, head-office service centre
    social           Social-media agent, head office
    trainer          Trainer
    auditor          Auditor (reads everything, changes nothing)

BANNER
cs_odoo -d "$DB" --db-filter="^$DB\$" --http-port="$PORT" "$@"
