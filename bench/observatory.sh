#!/usr/bin/env bash
# The regional dashboard of the observatory (GET /espace/observatoire?territoire=REGION:53, signed in
# as the demonstration coordinator of Brittany) on generated data at national scale: 300 pôles in the
# 13 metropolitan regions (Brittany's 20 real pôles and 280 generated ones in 12 generated regional
# networks), 300,000 projects over ten years and 1,000,000 referrals, thousands of member structures
# and the pôles' funding lines. Brittany holds a national share of it (its 20 pôles of 300).
#
# Measured, on a database kept between three starts of the application (APP_DB_DIR, else a temporary
# directory removed at the end):
#   1. start, generate the data (psql, set-based), VACUUM ANALYZE, stop;
#   2. start with the dashboard cache on (maillage.observatory.cache-ttl, 5 min by default): 10
#      sequential requests (the first one cold: new JVM, new PostgreSQL, its buffers empty; the next
#      ones from the cache), then wrk on the cached dashboard, a static file of the same server
#      (baseline) and, through pgbench, the SQL a cached request still runs (baseline);
#   3. start with the cache off (cache-ttl=0s): 10 sequential requests, each computed from the
#      database, wrk on it, and through pgbench the SQL of one computed request (baseline), captured
#      from PostgreSQL's own log (log_min_duration_statement=0 during one request), with the time of
#      each statement and the plans (EXPLAIN ANALYZE) of the slowest ones.
# A kept APP_DB_DIR keeps the data (generated again only when short), the helper tables public.bench_*
# and PostgreSQL's log settings (logging_collector on, to log/postgresql.csv; nothing is logged unless
# asked). Results: docs/BENCHMARKS.md §7; raw files in bench/out/observatory-*.
#   bench/observatory.sh [projects, default 300000] [referrals, default 1000000] [poles, default 300]
#   DURATION=20s (wrk and pgbench runs), REQUESTS=10 (sequential requests)  (Debian: apt-get install wrk postgresql)
source "$(dirname "$0")/lib.sh"
require wrk pgbench psql curl python3
projects="${1:-300000}"
referrals="${2:-1000000}"
poles="${3:-300}"
duration="${DURATION:-20s}"
requests="${REQUESTS:-10}"
year=$(TZ=Europe/Paris date +%Y)
page="/espace/observatoire?territoire=REGION:53&annee=$year"

if [ -z "${APP_DB_DIR:-}" ]; then
  scratch=$(mktemp -d /tmp/maillage-observatory-XXXXXX)
  export APP_DB_DIR="$scratch/pg"
fi
cleanup() { stop_app; [ -n "${scratch:-}" ] && rm -rf "$scratch"; return 0; }
trap cleanup EXIT
psql() { command psql -h localhost -p "$PG_PORT" -U postgres -d maillage -v ON_ERROR_STOP=1 -Atq "$@"; }
# The journeys' jobs (expiry of referrals, surveys, retention) would change the data while it is measured.
app_options=(--maillage.account.demo-accounts=true --maillage.journey.jobs-enabled=false)

build_jar
commit=$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(cd "$ROOT" && git status --porcelain 2>/dev/null | grep -c . || true)
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(free -g | awk '/^Mem/ { print $2 }') GiB, commit $commit (+$dirty changed files), $(java -version 2>&1 | head -1)"

# --- 1. Data ----------------------------------------------------------------------------------------
start_app "${app_options[@]}"
started=$(date +%s.%N)
step() { echo "generate: $1 $(python3 -c "print(round($(date +%s.%N) - $started, 1))") s"; }

source "$BENCH_DIR/generate.sh"
psql <<SQL
select 'data: ' || (select count(*) from network.network) || ' networks, ' || (select count(*) from network.pole) || ' pôles, '
    || (select count(*) from journey.project) || ' projects, ' || (select count(*) from journey.referral) || ' referrals, '
    || (select count(*) from directory.structure) || ' structures, ' || (select count(*) from directory.membership)
    || ' memberships, ' || (select count(*) from network.pole_funding) || ' funding lines';
select 'region 53: ' || count(*) || ' projects, ' || count(*) filter (where created_at >= make_timestamptz($year - 4, 1, 1, 0, 0, 0, 'Europe/Paris'))
    || ' in the 5 years shown, ' || count(*) filter (where created_at >= make_timestamptz($year, 1, 1, 0, 0, 0, 'Europe/Paris'))
    || ' in $year; ' || (select count(*) from journey.referral r join journey.project p on p.id = r.project_id where p.region_code = '53')
    || ' referrals'
from journey.project where region_code = '53';
SQL
csv_log_from_next_start
stop_app

# --- Helpers ----------------------------------------------------------------------------------------
sign_in() {
  local jar="$OUT/cookies.txt" token
  rm -f "$jar"
  token=$(curl -s -c "$jar" -b "$jar" "http://localhost:$APP_PORT/connexion" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" \
    --data-urlencode "email=coordination@demo.maillage.localhost" --data-urlencode "motDePasse=Demo-Maillage-2026" \
    "http://localhost:$APP_PORT/connexion"
  COOKIE="MAILLAGE_SESSION=$(awk '$6 == "MAILLAGE_SESSION" { print $7 }' "$jar")"
}
# N sequential requests of the dashboard: time of each (curl's time_total), status and size.
sequential() { # name
  local i line times=()
  for i in $(seq 1 "$requests"); do
    line=$(curl -s -o "$OUT/observatory-page.html" -H "Cookie: $COOKIE" -w '%{http_code} %{time_total} %{size_download}' "http://localhost:$APP_PORT$page")
    [ "${line%% *}" = 200 ] || { echo "bench: $page answered ${line%% *} (request $i), see $APP_LOG" >&2; exit 1; }
    times+=("$(echo "$line" | awk '{ printf "%.3f", $2 }')")
  done
  grep -q 'REGION:53' "$OUT/observatory-page.html" || { echo "bench: the page is not the dashboard of region 53" >&2; exit 1; }
  echo "$1 requests=$requests bytes=$(echo "$line" | awk '{ print $3 }') times_s=$(IFS=,; echo "${times[*]}")" \
    "first_s=${times[0]} rest_median_s=$(printf '%s\n' "${times[@]:1}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
}
run_wrk_cookie() { # name connections path [duration]
  local before result
  before=$(cpu_snapshot)
  result=$(wrk -t"$(( $2 < 2 ? $2 : 2 ))" -c"$2" -d"${4:-$duration}" --timeout 30s -H "Cookie: $COOKIE" -s "$BENCH_DIR/percentiles.lua" "http://localhost:$APP_PORT$3" \
    | awk -v name="$1" -v c="$2" '/^RESULT/ { $1 = ""; print name, "c=" c, $0 }')
  echo "$result steal_pct=$(steal_since "$before")"
}
# The statements of one request (its reads), from PostgreSQL's log: each with its parameters written
# in, its time, in order (bench/capture_sql.py).
capture() { # name
  request_log "$OUT/observatory-$1.log" -H "Cookie: $COOKIE" "http://localhost:$APP_PORT$page"
  python3 "$BENCH_DIR/capture_sql.py" "$OUT/observatory-$1.sql" --reads <"$OUT/observatory-$1.log"
}

# --- 2. Cache on: cold first request, then cached -----------------------------------------------------
start_app "${app_options[@]}"
sign_in
sequential "cache-on sequential"
echo "capture cache-on (a cached request): $(capture cached)"
for path in "/css/maillage.css"; do run_wrk warmup 4 10s "$path" >/dev/null; done
run_wrk_cookie warmup 4 "$page" 10s >/dev/null
run_wrk static-file 4 "$duration" "/css/maillage.css"
run_wrk_cookie dashboard-cached 4 "$page"
run_pgbench sql-cached-request 4 "$duration" -f "$OUT/observatory-cached.sql"
stop_app

# --- 3. Cache off: every request computed -------------------------------------------------------------
start_app "${app_options[@]}" --maillage.observatory.cache-ttl=0s
sign_in
sequential "cache-off sequential"
echo "capture cache-off (a computed request): $(capture computed)"
run_wrk_cookie dashboard-computed 1 "$page"
run_pgbench sql-computed-request 1 "$duration" -f "$OUT/observatory-computed.sql"
run_wrk_cookie dashboard-computed 2 "$page"
run_pgbench sql-computed-request 2 "$duration" -f "$OUT/observatory-computed.sql"
# The plans of the three slowest statements of a computed request.
awk '{ sub(/^ *[0-9.]+ ms  /, "") } /^(select|with) / && n++ < 3' "$OUT/observatory-computed-timed.txt" | while read -r sql; do
  echo "--- $sql"
  psql -c "explain (analyze, buffers) $sql"
done > "$OUT/observatory-plans.txt"
echo "plans of the slowest statements: $OUT/observatory-plans.txt; statements by time: $OUT/observatory-computed-timed.txt"
stop_app
