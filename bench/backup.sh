#!/usr/bin/env bash
# Backup and restore, tested: the application on a PostgreSQL of its own (Debian's server, as in
# production) takes "Je porte un projet" requests for a while; pg_dump -Fc saves the database while
# it runs; pg_restore loads the dump into a new database; a second application started on that
# database must find every request acknowledged before the dump, and sign a person in.
#   bench/backup.sh      (Debian: apt-get install curl python3 postgresql)
# Results: docs/BENCHMARKS.md §10.
source "$(dirname "$0")/lib.sh"
require curl python3 psql pg_dump pg_restore
work="$(mktemp -d)"
pg_port=54333
cleanup() {
  stop_app
  [ -f "$work/pg/data/postmaster.pid" ] && external_postgres_stop "$work/pg" || true
  rm -rf "$work"
}
trap cleanup EXIT
acked="$OUT/backup-acked.txt"; : > "$acked"
options=(--spring.datasource.username=postgres --maillage.account.demo-accounts=true
  --maillage.journey.intakes-per-hour=100000000 --maillage.mail.log-only=true)

build_jar
echo "# $(date -u +%FT%TZ) $(nproc) cores"
external_postgres "$work/pg" "$pg_port"
start_app "${options[@]}" --spring.datasource.url="jdbc:postgresql://localhost:$pg_port/maillage"
python3 "$BENCH_DIR/intake_load.py" "http://localhost:$APP_PORT" 20 4 "$acked" > "$OUT/backup-load.txt" &
load=$!
sleep 10
cp "$acked" "$OUT/backup-acked-before-dump.txt"   # acknowledged before the dump began
started=$SECONDS
pg_dump -h localhost -p "$pg_port" -U postgres -Fc -f "$work/maillage.dump" maillage
dump_s=$((SECONDS - started))
wait "$load"
cat "$OUT/backup-load.txt"
stop_app
psql -h localhost -p "$pg_port" -U postgres -Atc "create database maillage_restored" >/dev/null
started=$SECONDS
pg_restore -h localhost -p "$pg_port" -U postgres -d maillage_restored --no-owner "$work/maillage.dump"
restore_s=$((SECONDS - started))
start_app "${options[@]}" --spring.datasource.url="jdbc:postgresql://localhost:$pg_port/maillage_restored"
read -r total found < <(python3 "$BENCH_DIR/acked_check.py" "$OUT/backup-acked-before-dump.txt" -h localhost -p "$pg_port" -U postgres -d maillage_restored)
cookie=$(session_cookie coordination@demo.maillage.localhost)
signed=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "http://localhost:$APP_PORT/espace")
echo "result dump_size=$(du -h "$work/maillage.dump" | cut -f1) dump_s=$dump_s restore_s=$restore_s requests_in_restored=$(psql -h localhost -p "$pg_port" -U postgres -d maillage_restored -Atc 'select count(*) from journey.project') acknowledged_before_dump=$total found_after_restore=$found missing=$((total - found)) sign_in_on_restored=$signed"
