# Shared helpers of the benchmark scripts (sourced, not run).
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
OUT="$BENCH_DIR/out"
mkdir -p "$OUT"
APP_PORT="${APP_PORT:-18080}"
PG_PORT="${PG_PORT:-54329}"
JAR="$ROOT/target/maillage.jar"

require() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool is missing (Debian: apt-get install $tool)" >&2; exit 1; }
  done
}

build_jar() {
  (cd "$ROOT" && ./mvnw -q -B -ntp package -DskipTests)
}

# Starts the packaged application on an embedded PostgreSQL (fixed port, for pgbench): in
# $APP_DB_DIR when set, else in a temporary directory.
start_app() {
  APP_LOG="$OUT/app.log"
  local database="--maillage.embedded-database.temporary=true"
  [ -n "${APP_DB_DIR:-}" ] && database="--maillage.embedded-database.directory=$APP_DB_DIR"
  # as deploy/maillage.service runs it (two arenas of the C library)
  MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$APP_PORT" "$database" \
    --maillage.embedded-database.port="$PG_PORT" --logging.level.root=WARN "$@" >"$APP_LOG" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    if curl -fs -o /dev/null "http://localhost:$APP_PORT/actuator/health"; then return 0; fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "bench: the application died, see $APP_LOG" >&2; exit 1; }
    sleep 0.5
  done
  echo "bench: the application did not start, see $APP_LOG" >&2
  exit 1
}

stop_app() {
  if [ -n "${APP_PID:-}" ]; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
  fi
}

# wrk with the Lua script that prints RESULT lines (p50/p95/p99 in ms, requests/s).
run_wrk() { # name connections duration url-path
  local name=$1 connections=$2 duration=$3 path=$4 before result
  before=$(cpu_snapshot)
  result=$(wrk -t2 -c"$connections" -d"$duration" -s "$BENCH_DIR/percentiles.lua" "http://localhost:$APP_PORT$path" \
    | awk -v name="$name" -v c="$connections" '/^RESULT/ { $1 = ""; print name, "c=" c, $0 }')
  echo "$result steal_pct=$(steal_since "$before")"
}

# CPU time stolen by the hypervisor between two snapshots of /proc/stat, in percent: on a shared
# virtual machine it says how much of a run's time the machine was not ours.
cpu_snapshot() { awk '/^cpu / { total = 0; for (i = 2; i <= 9; i++) total += $i; print total, $9 }' /proc/stat; }
steal_since() { # snapshot taken before
  local before=($1) after=($(cpu_snapshot))
  awk -v t="$(( after[0] - before[0] ))" -v s="$(( after[1] - before[1] ))" 'BEGIN { printf "%.0f", (t > 0 ? 100 * s / t : 0) }'
}

# pgbench with its per-transaction log, summarised like run_wrk: p50/p95/p99 in ms, requests/s; as
# many threads as clients, up to 2 (one client: the statements one after the other). With PGBENCH_RATE
# (transactions/s) at that rate, each latency counted from the transaction's actual start (its
# schedule lag taken off), as wrk counts it from the request's send.
run_pgbench() { # name connections duration script-options...
  local name=$1 connections=$2 seconds=${3%s} before rate=()
  shift 3
  [ "${PGBENCH_RATE:-0}" -gt 0 ] && rate=(-R "$PGBENCH_RATE")
  rm -f "$OUT"/pgbench_log.*
  before=$(cpu_snapshot)
  pgbench -h localhost -p "$PG_PORT" -U postgres -n -M simple -c "$connections" -j "$(( connections < 2 ? connections : 2 ))" \
    -T "$seconds" "${rate[@]}" -l --log-prefix="$OUT/pgbench_log" "$@" maillage >/dev/null 2>"$OUT/pgbench.err" \
    || { cat "$OUT/pgbench.err" >&2; return 1; }
  cat "$OUT"/pgbench_log.* | python3 -c "
import sys
lat = []
for line in sys.stdin:
    f = line.split()
    lat.append(max(0, int(f[2]) - (int(f[6]) if len(f) > 6 else 0)))
lat.sort()
n = len(lat)
pct = lambda p: lat[min(n - 1, int(p / 100 * n))] / 1000
print(f'$name c=$connections requests={n} rps={n / float($seconds):.1f} p50_ms={pct(50):.2f} p95_ms={pct(95):.2f} p99_ms={pct(99):.2f} steal_pct=$(steal_since "$before")')
"
}

# Signs a demonstration account in (password Demo-Maillage-2026, maillage.account.demo-accounts=true)
# and prints its session cookie, "MAILLAGE_SESSION=…", for curl -H "Cookie: …" or sqlmap --cookie.
session_cookie() { # email
  local jar token
  jar="$(mktemp)"
  token=$(curl -s -c "$jar" -b "$jar" "http://localhost:$APP_PORT/connexion" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" --data-urlencode "email=$1" \
    --data-urlencode "motDePasse=Demo-Maillage-2026" "http://localhost:$APP_PORT/connexion"
  echo "MAILLAGE_SESSION=$(awk '$6 == "MAILLAGE_SESSION" { print $7 }' "$jar")"
  rm -f "$jar"
}

# A PostgreSQL of its own from Debian's server (apt-get install postgresql), as in production, in
# $1/data on port $2, run by the postgres user when we are root (pg_ctl refuses root). Sets PG_HOME.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
external_postgres() { # directory port
  PG_HOME=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  mkdir -p "$1"; chmod 755 "$(dirname "$1")" "$1"; chown postgres "$1" 2>/dev/null || true
  as_postgres "$PG_HOME/initdb" -D "$1/data" -U postgres -A trust >/dev/null
  external_postgres_start "$1" "$2"
  psql -h localhost -p "$2" -U postgres -Atc "create database maillage" >/dev/null
}
external_postgres_start() { as_postgres "$PG_HOME/pg_ctl" -D "$1/data" -o "-p $2 -k /tmp" -l "$1/log" -w start >/dev/null; }
external_postgres_stop() { as_postgres "$PG_HOME/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null; }

# PostgreSQL of the running application (embedded, port $PG_PORT) writes its log to a CSV file from its
# next start, $APP_DB_DIR/log/postgresql.csv (nothing is logged until a script asks, statement by
# statement: log_min_duration_statement), to capture the SQL of a request.
csv_log_from_next_start() {
  local setting
  for setting in "logging_collector = on" "log_destination = 'csvlog'" "log_directory = 'log'" \
      "log_filename = 'postgresql.log'" "log_parameter_max_length = -1"; do
    command psql -h localhost -p "$PG_PORT" -U postgres -d maillage -Atqc "alter system set $setting"
  done
}

# PostgreSQL's log of one request (curl arguments) into a file, for bench/capture_sql.py: the log is on
# (log_min_duration_statement=0) for that request only (after csv_log_from_next_start and a restart).
request_log() { # file curl-arguments...
  local file=$1 log="$APP_DB_DIR/log/postgresql.csv" offset
  shift
  offset=$(stat -c %s "$log" 2>/dev/null || echo 0)
  command psql -h localhost -p "$PG_PORT" -U postgres -d maillage -Atq -c "alter system set log_min_duration_statement = 0" \
    -c "select pg_reload_conf()" >/dev/null
  sleep 0.5
  curl -s -o /dev/null "$@"
  command psql -h localhost -p "$PG_PORT" -U postgres -d maillage -Atq -c "alter system reset log_min_duration_statement" \
    -c "select pg_reload_conf()" >/dev/null
  sleep 0.5
  tail -c +"$((offset + 1))" "$log" >"$file"
}
