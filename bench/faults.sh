#!/usr/bin/env bash
# Faults under load, repeatable: the packaged application on its embedded PostgreSQL kept in a
# directory of its own (so that a restart finds the data), "Je porte un projet" requests sent by
# bench/intake_load.py (8 threads, each acknowledged key written down at once).
#   A. kill -9 of the application in the middle of the load, then a restart on the same database
#      (which stops the PostgreSQL the killed process left behind): every request that got its
#      thank-you page must be in the database.
#   B. PostgreSQL stopped for 15 s under load, then started again: here an external PostgreSQL, as in
#      production (Debian's server, a cluster of its own run by the postgres user; pg_ctl refuses to run
#      as root, and the embedded server cannot be restarted from outside): the node reports itself not ready
#      (503 on /actuator/health/readiness) meanwhile, answers errors rather than hanging, and serves
#      again without a restart.
#   C. The mail server down: emails wait in the outbox, retried; when a server comes back (a sink,
#      bench/smtp_sink.py), every one of them is delivered. The hour is compressed: retries every
#      2 to 5 s instead of 30 s to 1 h (the outbox gives up only after 7 days).
#   bench/faults.sh        (Debian: apt-get install curl python3 postgresql bc)
# Results: docs/BENCHMARKS.md §8; raw files in bench/out/faults-*.
source "$(dirname "$0")/lib.sh"
require curl python3 psql
db="$(mktemp -d)"
acked="$OUT/faults-acked.txt"
health="$OUT/faults-health.txt"
: > "$acked"
smtp_port=2525
sink_pid=
cleanup() {
  stop_app
  [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null || true
  # the PostgreSQL a killed application leaves behind, if any
  opts=$(find "$db" -name postmaster.pid 2>/dev/null | head -1)
  [ -n "$opts" ] && kill "$(head -1 "$opts")" 2>/dev/null || true
  [ -f "$db/external/data/postmaster.pid" ] && kill -INT "$(head -1 "$db/external/data/postmaster.pid")" 2>/dev/null || true
  [ -f "$db/external/data/postmaster.pid" ] && sleep 2
  sleep 1
  rm -rf "$db"
}
trap cleanup EXIT
options=(--maillage.journey.intakes-per-hour=100000000 --maillage.journey.jobs-enabled=false
  --spring.mail.host=localhost --spring.mail.port=$smtp_port --maillage.mail.log-only=false
  --maillage.mail.first-retry=2s --maillage.mail.max-retry=5s --maillage.mail.poll-interval=1s)
sql() { psql -h localhost -p "$PG_PORT" -U postgres -d maillage -Atc "$1"; }
base="http://localhost:$APP_PORT"

build_jar
echo "# $(date -u +%FT%TZ) $(nproc) cores"

# --- A. kill -9 under load -------------------------------------------------------------------------
APP_DB_DIR="$db" start_app "${options[@]}"
python3 "$BENCH_DIR/intake_load.py" "$base" 40 8 "$acked" > "$OUT/faults-load-a.txt" &
load=$!
sleep 15
before_kill=$(wc -l < "$acked")
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
killed_at=$(date +%s.%N)
echo "A. killed -9 after $before_kill acknowledged requests"
APP_DB_DIR="$db" start_app "${options[@]}"
back_at=$(date +%s.%N)
wait "$load"
cat "$OUT/faults-load-a.txt"
read -r total found < <(python3 "$BENCH_DIR/acked_check.py" "$acked" -h localhost -p "$PG_PORT" -U postgres -d maillage)
printf 'A. result acknowledged=%s in_database=%s lost=%s restart_s=%.1f\n' "$total" "$found" "$((total - found))" \
  "$(echo "$back_at - $killed_at" | bc -l)"

# --- B. PostgreSQL stopped for 15 s under load --------------------------------------------------------
stop_app
ext_dir="$db/external"; ext_port=54331
external_postgres "$ext_dir" "$ext_port"
PG_PORT=$ext_port
start_app "${options[@]}" --spring.datasource.url="jdbc:postgresql://localhost:$ext_port/maillage" \
  --spring.datasource.username=postgres
: > "$health"
# two probes, each on its own: the readiness a load balancer reads, and a page people read
probe() { # kind path
  local end=$((SECONDS + 50))
  while [ $SECONDS -lt $end ]; do
    printf '%s %s %s\n' "$(date +%s.%N)" "$1" "$(curl -s -m 10 -o /dev/null -w '%{http_code}:%{time_total}' "$base$2")" >> "$health"
    sleep 0.2
  done
}
probe ready /actuator/health/readiness & ready_poller=$!
probe page "/annuaire?q=epicerie" & page_poller=$!
python3 "$BENCH_DIR/intake_load.py" "$base" 45 4 "$acked" > "$OUT/faults-load-b.txt" &
load=$!
sleep 8
stopped_at=$(date +%s.%N)
external_postgres_stop "$ext_dir"
sleep 15
started_at=$(date +%s.%N)
external_postgres_start "$ext_dir" "$ext_port"
wait "$load"; wait "$ready_poller"; wait "$page_poller"
cat "$OUT/faults-load-b.txt"
python3 - "$health" "$stopped_at" "$started_at" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1])]
stopped, started = float(sys.argv[2]), float(sys.argv[3])
def of(kind, frm, to=1e18):
    return [(float(r[0]), r[2].split(":")[0], float(r[2].split(":")[1])) for r in rows if r[1] == kind and frm <= float(r[0]) < to]
ready_down, page_down = of("ready", stopped, started), of("page", stopped, started)
first_back = lambda kind: next((t - started for t, code, _ in of(kind, started) if code == "200"), None)
show = lambda v: "never" if v is None else "%.1f" % v
print("B. result readiness_probes_while_down=%d of_them_503=%d page_probes_while_down=%d of_them_5xx=%d "
      "slowest_page_while_down_s=%.1f ready_again_after_s=%s page_again_after_s=%s"
      % (len(ready_down), sum(c == "503" for _, c, _ in ready_down), len(page_down),
         sum(c.startswith("5") for _, c, _ in page_down), max((d for _, _, d in page_down), default=0),
         show(first_back("ready")), show(first_back("page"))))
PY

# --- C. the mail server down, then back -------------------------------------------------------------
sleep 3
emails_before=$(sql "select count(*) from platform.outbox_email")
python3 "$BENCH_DIR/intake_load.py" "$base" 10 2 "$acked" > "$OUT/faults-load-c.txt"
cat "$OUT/faults-load-c.txt"
sleep 30  # the outage: nobody listens on the mail port, every attempt fails and is retried later
read -r waiting failed attempts < <(sql "select count(*) filter (where status = 'PENDING'), count(*) filter (where status = 'FAILED'), coalesce(max(attempts), 0) from platform.outbox_email where id > 0" | tr '|' ' ')
echo "C. during the outage: pending=$waiting failed=$failed most_attempts=$attempts"
python3 "$BENCH_DIR/smtp_sink.py" "$smtp_port" "$OUT/faults-smtp-count.txt" &
sink_pid=$!
back_at=$SECONDS
for _ in $(seq 1 900); do
  [ "$(sql "select count(*) from platform.outbox_email where status = 'PENDING'")" = 0 ] && break
  sleep 1
done
delivered_in=$((SECONDS - back_at))
read -r sent pending failed < <(sql "select count(*) filter (where status = 'SENT'), count(*) filter (where status = 'PENDING'), count(*) filter (where status = 'FAILED') from platform.outbox_email" | tr '|' ' ')
echo "C. result requests=$(sql "select count(*) from journey.project") emails=$(sql "select count(*) from platform.outbox_email") sent=$sent pending=$pending failed=$failed received_by_the_server=$(cat "$OUT/faults-smtp-count.txt") delivered_in_s=$delivered_in"
