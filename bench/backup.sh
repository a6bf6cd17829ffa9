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
python3 - "$OUT/backup-acked-before-dump.txt" <<'PY' > "$OUT/backup-keys.sql"
import sys
keys = [line.strip() for line in open(sys.argv[1]) if line.strip()]
print("create temporary table acked (key uuid);")
for i in range(0, len(keys), 500):
    print("insert into acked values " + ",".join("('%s')" % k for k in keys[i:i + 500]) + ";")
print("select count(*), count(p.submission_key) from acked a left join journey.project p on p.submission_key = a.key;")
PY
read -r total found < <(psql -h localhost -p "$pg_port" -U postgres -d maillage_restored -At -F ' ' -f "$OUT/backup-keys.sql" | tail -1)
cookie=$(session_cookie coordination@demo.maillage.localhost)
signed=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "http://localhost:$APP_PORT/espace")
echo "result dump_size=$(du -h "$work/maillage.dump" | cut -f1) dump_s=$dump_s restore_s=$restore_s requests_in_restored=$(psql -h localhost -p "$pg_port" -U postgres -d maillage_restored -Atc 'select count(*) from journey.project') acknowledged_before_dump=$total found_after_restore=$found missing=$((total - found)) sign_in_on_restored=$signed"
