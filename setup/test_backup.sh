#!/usr/bin/env bash
# Prove a backup restores whole: back up DATABASE, restore it under another
# name, and compare row counts of every table and the filestore's files.
#   setup/test_backup.sh [DATABASE]   default: cs_test
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DB=${1:-${CS_TEST_DB:-cs_test}}
COPY=${DB}_restore_check
trap cs_pg_stop EXIT
cs_bootstrap
work=$(mktemp -d); trap 'rm -rf "$work"; dropdb --if-exists "$COPY" >/dev/null 2>&1; rm -rf "$CS_STATE/data/filestore/$COPY"; cs_pg_stop' EXIT
dropdb --if-exists "$COPY"
"$CS_ROOT/setup/backup.sh" "$DB" "$work/backup.tar" >/dev/null
"$CS_ROOT/setup/restore.sh" "$work/backup.tar" "$COPY" >/dev/null
counts() {
    psql -d "$1" -tA -c "SELECT string_agg(format('%s=%s', table_name,
        (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I', table_name), false, true, '')))[1]::text), ',' ORDER BY table_name)
        FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
}
files() { (cd "$CS_STATE/data/filestore/$1" 2>/dev/null && find . -type f -exec sha256sum {} + | sort) || true; }
[ "$(counts "$DB")" = "$(counts "$COPY")" ] || cs_die "row counts differ after restore"
[ "$(files "$DB")" = "$(files "$COPY")" ] || cs_die "filestore differs after restore"
tables=$(psql -d "$COPY" -tA -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
cs_log "backup of $DB restored whole: $tables tables and the filestore match"
