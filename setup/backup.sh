#!/usr/bin/env bash
# Back up a database and its filestore into one archive (DATA-3).
#   setup/backup.sh [DATABASE [ARCHIVE]]   defaults: cs_demo, backups/<db>-<time>.tar
# The archive holds dump.sql (pg_dump, custom format) and filestore/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DB=${1:-${CS_DB:-cs_demo}}
ARCHIVE=${2:-$CS_ROOT/backups/$DB-$(date +%Y%m%d-%H%M%S).tar}
trap cs_pg_stop EXIT
cs_bootstrap
cs_db_exists "$DB" || cs_die "no database $DB to back up"
work=$(mktemp -d); trap 'rm -rf "$work"; cs_pg_stop' EXIT
pg_dump -Fc --no-owner -f "$work/dump.sql" "$DB"
mkdir -p "$work/filestore"
[ -d "$CS_STATE/data/filestore/$DB" ] && cp -a "$CS_STATE/data/filestore/$DB/." "$work/filestore/"
mkdir -p "$(dirname "$ARCHIVE")"
tar -C "$work" -cf "$ARCHIVE" dump.sql filestore
cs_log "backed up $DB to $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1))"
echo "$ARCHIVE"
