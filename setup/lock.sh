#!/usr/bin/env bash
# Rewrites setup/constraints.txt, the lock of every Python package the set-up
# installs beyond Odoo's own pinned requirements (the OCA addons our manifests
# name, their dependencies, the test tools): resolves them afresh in a scratch
# virtualenv and pins what was installed. Run it to take newer releases, then
# run ./setup/test.sh and commit the lock with the result.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

mkdir -p "$CS_STATE/log"
cs_system_packages
cs_odoo_src
CS_VENV=$CS_STATE/lock-venv
rm -rf "$CS_VENV"
"${CS_PYTHON:-python3}" -m venv "$CS_VENV"
cs_log "resolving the addons' and test tools' requirements afresh (log in .cs/log/lock.log)"
cs_venv_install "" >"$CS_STATE/log/lock.log" 2>&1 \
    || { tail -n 30 "$CS_STATE/log/lock.log"; cs_die "pip failed, see .cs/log/lock.log"; }
"$CS_VENV/bin/python" "$CS_ROOT/setup/lock_filter.py" "$ODOO_SRC/requirements.txt" "$CS_ROOT/setup/installer.txt" \
    < <("$CS_VENV/bin/python" -m pip freeze --exclude-editable) > "$CS_ROOT/setup/constraints.txt"
rm -rf "$CS_VENV"
cs_log "setup/constraints.txt: $(grep -c '==' "$CS_ROOT/setup/constraints.txt") packages pinned"
