#!/usr/bin/env bash
# Prove that a backup of Open Wmo's PostgreSQL database can be restored.
#
# Creates a scratch database, migrates it and loads the reference data through the `openwmo` CLI, makes a backup
# with pg_dump (custom format, as in docs/security.md), restores it into a second scratch database with
# pg_restore, compares the row count of every table in both, and drops both databases (also on failure).
#
# Usage:   scripts/backup-test.sh
# Settings (environment):
#   PGHOST (127.0.0.1) PGPORT (5432) PGUSER (postgres)   the server; a password comes from PGPASSWORD or ~/.pgpass
#   OPENWMO      how to run the CLI (default: `python -m openwmo.cli` with this checkout's src/ on PYTHONPATH)
#   PYTHON       the interpreter for that default (default: python3)
set -euo pipefail

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
if [ -z "${OPENWMO:-}" ]; then
  export PYTHONPATH="$ROOT/src${PYTHONPATH:+:$PYTHONPATH}"
  OPENWMO="$PYTHON -m openwmo.cli"
fi

SUFFIX="$(date +%s)_$$"
BRON="openwmo_backuptest_bron_$SUFFIX"
DOEL="openwmo_backuptest_doel_$SUFFIX"
WERK="$(mktemp -d)"
DUMP="$WERK/openwmo.dump"

opruimen() {
  dropdb --if-exists "$BRON" || true
  dropdb --if-exists "$DOEL" || true
  rm -rf "$WERK"
}
trap opruimen EXIT

url() { echo "postgres://$PGUSER${PGPASSWORD:+:$PGPASSWORD}@$PGHOST:$PGPORT/$1"; }

echo "1. Scratch database $BRON: migrate and load the reference data"
createdb "$BRON"
DATABASE_URL="$(url "$BRON")" OPENWMO_VAR_DIR="$WERK/var" $OPENWMO manage migrate --no-input -v 0
DATABASE_URL="$(url "$BRON")" OPENWMO_VAR_DIR="$WERK/var" $OPENWMO manage load_reference

echo "2. Backup with pg_dump (custom format)"
pg_dump --format=custom --no-owner --file="$DUMP" "$BRON"
ls -l "$DUMP" | awk '{print "   " $5 " bytes"}'

echo "3. Restore into $DOEL with pg_restore"
createdb "$DOEL"
pg_restore --no-owner --exit-on-error --dbname="$DOEL" "$DUMP"

echo "4. Compare row counts of every table"
tellingen() {
  local db="$1" tabel
  for tabel in $(psql -d "$db" -tAc \
      "select tablename from pg_tables where schemaname = 'public' order by tablename"); do
    echo "$tabel $(psql -d "$db" -tAc "select count(*) from \"$tabel\"")"
  done
}
tellingen "$BRON" > "$WERK/bron.txt"
tellingen "$DOEL" > "$WERK/doel.txt"
if ! diff -u "$WERK/bron.txt" "$WERK/doel.txt"; then
  echo "FOUT: de teruggezette database wijkt af van het origineel." >&2
  exit 1
fi
for tabel in core_gemeente core_wijk catalogus_product catalogus_codewaarde auth_permission django_migrations; do
  grep "^$tabel " "$WERK/doel.txt" | awk '{printf "   %-24s %s rows\n", $1, $2}'
done
echo "   $(wc -l < "$WERK/doel.txt") tables, $(awk '{s += $2} END {print s}' "$WERK/doel.txt") rows in total: identical."
echo "OK: backup restored and verified; scratch databases are dropped."
