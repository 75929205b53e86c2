#!/usr/bin/env bash
# Refresh the translation templates (i18n/<addon>.pot) from the code and data,
# and merge them into zh_CN.po and zh_TW.po. Arguments: addons (default: all).
# Uses a database without demo data so that only shipped strings are exported.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DB=${CS_I18N_DB:-cs_i18n}
trap cs_pg_stop EXIT
cs_bootstrap
addons=("$@"); [ ${#addons[@]} -gt 0 ] || addons=("${CS_ADDONS[@]}")
log=$CS_STATE/log/$DB.log
# always a fresh database: an updated one keeps the old text of a template
# whose body is one translated string, and gets no addon added since
cs_drop_db "$DB"
cs_odoo -d "$DB" -i "$(cs_addons_csv)" --without-demo=all --stop-after-init --logfile="$log"
for addon in "${addons[@]}"; do
    mkdir -p "$CS_ROOT/$addon/i18n"
    cs_odoo -d "$DB" --i18n-export="$CS_ROOT/$addon/i18n/$addon.pot" --modules="$addon" \
        --stop-after-init --logfile="$log"
    # the creation date changes on every export: keep it out of the diff
    sed -i '/^"POT-Creation-Date\|^"PO-Revision-Date/d' "$CS_ROOT/$addon/i18n/$addon.pot"
    "$CS_VENV/bin/python" "$CS_ROOT/setup/i18n_merge.py" "$CS_ROOT/$addon"
done
