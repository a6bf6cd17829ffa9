#!/usr/bin/env bash
# Commune autocomplete under load, with wrk on loopback, next to two baselines measured in the same
# run: a static file of the same server (HTTP + security filters, no SQL), and the same SQL through
# pgbench on the same embedded PostgreSQL (the query alone, no HTTP).
#   bench/autocomplete.sh [duration, default 20s]   (Debian: apt-get install wrk postgresql)
#   FRANCE=1 bench/autocomplete.sh   also imports all of France first (needs npm)
source "$(dirname "$0")/lib.sh"
require wrk pgbench psql curl python3
duration="${1:-20s}"
export QUERIES="loudeac plo rennes 35000 st+malo quimper brest vannes lor ploeuc saint 22600 carhaix lannion"

build_jar
trap stop_app EXIT
if [ "${FRANCE:-0}" = 1 ]; then
  work="$(mktemp -d)"
  (cd "$work" && npm pack --silent @etalab/decoupage-administratif@6.0.0 >/dev/null && tar xzf ./*.tgz)
  keep="$OUT/pg-france"; rm -rf "$keep"
  java -jar "$JAR" --import-territories="$work/package/data" --spring.main.web-application-type=none \
    --maillage.embedded-database.directory="$keep" --logging.level.root=WARN >/dev/null
  APP_DB_DIR="$keep" start_app
else
  start_app
fi
communes=$(psql -h localhost -p "$PG_PORT" -U postgres -d maillage -Atc "select count(*) from territory.commune")
echo "# $(date -u +%FT%TZ) $(nproc) cores, $communes communes loaded, duration $duration per run"

# pgbench scripts: one file per query, picked at random with equal weight.
scripts=()
for q in $QUERIES; do
  text="${q//+/ }"
  # The application's own SQL files, with the parameters the application binds written in.
  template="$ROOT/src/main/resources/territory/sql/communes-by-name-prefix.sql"
  [[ "$text" =~ ^[0-9]+$ ]] && template="$ROOT/src/main/resources/territory/sql/communes-by-postal-code-prefix.sql"
  file="$OUT/query-$q.sql"
  sed -e '/^--/d' -e "s/:q\b/'$text'/g" -e "s/:home\b/'53'/g" -e "s/:limit\b/10/g" "$template" | tr '\n' ' ' > "$file"
  echo >> "$file"
  scripts+=(-f "$file")
done

# The JIT needs a while: warm every measured path up before measuring.
for path in "/css/maillage.css" "/api/v1/territories/communes?limit=10&q=" "/territoires/communes/suggestions?q="; do
  run_wrk warmup 16 15s "$path" >/dev/null
done
for connections in 8 64; do
  run_wrk static-file "$connections" "$duration" "/css/maillage.css"
  run_wrk api-json "$connections" "$duration" "/api/v1/territories/communes?limit=10&q="
  run_wrk htmx-fragment "$connections" "$duration" "/territoires/communes/suggestions?q="
  rm -f "$OUT"/pgbench_log.*
  before=$(cpu_snapshot)
  pgbench -h localhost -p "$PG_PORT" -U postgres -n -M prepared -c "$connections" -j 2 -T "${duration%s}" \
    -l --log-prefix="$OUT/pgbench_log" "${scripts[@]}" maillage >/dev/null 2>"$OUT/pgbench.err"
  cat "$OUT"/pgbench_log.* | python3 -c "
import sys
lat = sorted(int(line.split()[2]) for line in sys.stdin)
first, last = None, None
n = len(lat)
pct = lambda p: lat[min(n - 1, int(p / 100 * n))] / 1000
print(f'sql-pgbench c=$connections requests={n} rps={n / float(\"${duration%s}\"):.0f} p50_ms={pct(50):.2f} p95_ms={pct(95):.2f} p99_ms={pct(99):.2f} steal_pct=$(steal_since "$before")')
"
done
