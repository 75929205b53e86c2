#!/usr/bin/env bash
# Build DATABASE (default cs_test_upgrade) with the previous release of our
# addons (the commit named in setup/previous_release) and its demo data, take
# a snapshot of its data (.cs/DATABASE-before.json), then upgrade it to the
# current code with -u. tests_upgrade/ checks the result.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DB=${1:-cs_test_upgrade}
if [ -z "${CS_BOOTSTRAPPED:-}" ]; then
    trap cs_pg_stop EXIT
    cs_bootstrap
fi
release=$(cat "$CS_ROOT/setup/previous_release")
previous=$CS_STATE/previous-release
rm -rf "$previous"; mkdir -p "$previous"
git -C "$CS_ROOT" cat-file -e "$release^{commit}" 2>/dev/null \
    || cs_die "the previous release $release is not in this clone's history: fetch it (git fetch --unshallow)"
released=()  # our addons that existed in that release (bridges came later)
for addon in "${CS_ADDONS[@]}"; do
    git -C "$CS_ROOT" cat-file -e "$release:$addon/__manifest__.py" 2>/dev/null && released+=("$addon")
done
git -C "$CS_ROOT" archive "$release" "${released[@]}" | tar -x -C "$previous"
conf=$CS_STATE/odoo-previous.conf
sed "s|^addons_path = $CS_ROOT,|addons_path = $previous,|" "$CS_CONF" > "$conf"
grep -q "^addons_path = $previous," "$conf" || cs_die "could not point $conf at the previous release"

cs_drop_db "$DB"
cs_log "building $DB with our addons as released in ${release:0:8}, with demo data"
"$CS_VENV/bin/odoo" -c "$conf" -d "$DB" -i "$(IFS=,; echo "${released[*]}")" --load-language=en_US,zh_CN,zh_TW \
    --stop-after-init --logfile="$CS_STATE/log/$DB-previous.log"
"$CS_VENV/bin/python" "$CS_ROOT/setup/upgrade_snapshot.py" "$conf" "$DB" "$CS_STATE/$DB-before.json"
cs_log "upgrading $DB to the current code"
cs_odoo -d "$DB" -u "$(cs_addons_csv)" --stop-after-init --logfile="$CS_STATE/log/$DB-update.log"
echo "built from ${release:0:8} and upgraded"
