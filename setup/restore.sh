#!/usr/bin/env bash
# Restore an archive of setup/backup.sh into a database (DATA-3).
#   setup/restore.sh ARCHIVE DATABASE
# Refuses to overwrite an existing database: drop it first (dropdb) if meant.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ $# -eq 2 ] || cs_die "usage: setup/restore.sh ARCHIVE DATABASE"
ARCHIVE=$1 DB=$2
[ -f "$ARCHIVE" ] || cs_die "no archive $ARCHIVE"
trap cs_pg_stop EXIT
cs_bootstrap
cs_db_exists "$DB" && cs_die "database $DB exists: drop it first or restore under another name"
work=$(mktemp -d); trap 'rm -rf "$work"; cs_pg_stop' EXIT
tar -C "$work" -xf "$ARCHIVE"
createdb "$DB"
pg_restore --no-owner -d "$DB" "$work/dump.sql"
rm -rf "$CS_STATE/data/filestore/$DB"
mkdir -p "$CS_STATE/data/filestore/$DB"
cp -a "$work/filestore/." "$CS_STATE/data/filestore/$DB/"
cs_log "restored $ARCHIVE into $DB"
