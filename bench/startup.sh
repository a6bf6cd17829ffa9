#!/usr/bin/env bash
# Time from `./mvnw spring-boot:run` to the first HTTP 200 of a page that needs the data (the pôle
# of Loudéac, /trouver-mon-pole/22136), on a fresh clone of
# this repository, Maven dependencies already cached (~/.m2): run 1 compiles, creates ./data/pg
# and loads the sample data; run 2 finds them. Baseline in the same run: `./mvnw -q validate`
# (the wrapper and Maven starting, no application).
#   bench/startup.sh
source "$(dirname "$0")/lib.sh"
require git curl
port=18081
clone="$(mktemp -d)"
trap 'rm -rf "$clone"' EXIT
git clone -q "$ROOT" "$clone/maillage"
cd "$clone/maillage"

now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.1f}')"; }

start=$(now); ./mvnw -q -B -ntp validate; end=$(now)
echo "# $(date -u +%FT%TZ) $(nproc) cores, commit $(git rev-parse --short HEAD)"
echo "baseline mvnw-validate seconds=$(elapsed "$start" "$end")"

for run in 1 2; do
  start=$(now)
  SERVER_PORT=$port setsid ./mvnw -q -B -ntp spring-boot:run >"$OUT/startup-run$run.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://localhost:$port/trouver-mon-pole/22136"; do
    kill -0 "$pid" 2>/dev/null || { echo "bench: spring-boot:run died, see $OUT/startup-run$run.log" >&2; exit 1; }
    sleep 0.1
  done
  end=$(now)
  started=$(grep -o 'Started MaillageApplication in [0-9.]* seconds' "$OUT/startup-run$run.log" | grep -o '[0-9.]*' | head -1)
  echo "run$run first-200 seconds=$(elapsed "$start" "$end") spring-started-in=${started}s"
  kill -TERM -- -"$pid"
  wait "$pid" 2>/dev/null || true
done
