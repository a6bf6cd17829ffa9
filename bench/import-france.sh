#!/usr/bin/env bash
# Whole-of-France territory import (@etalab/decoupage-administratif): into a fresh database, then
# again into the same database (a new millésime over the old one). Baseline in the same run: the
# same command importing the Brittany extract shipped with Maillage (1,222 communes).
#   bench/import-france.sh [version]   (needs npm)
source "$(dirname "$0")/lib.sh"
require npm python3
version="${1:-6.0.0}"
build_jar
work="$(mktemp -d)"
db="$(mktemp -d)"
trap 'rm -rf "$work" "$db"' EXIT
(cd "$work" && npm pack --silent "@etalab/decoupage-administratif@$version" >/dev/null && tar xzf ./*.tgz)

now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.1f}')"; }

echo "# $(date -u +%FT%TZ) $(nproc) cores, @etalab/decoupage-administratif $version"
data="$work/package/data"
for run in baseline-brittany-fresh-db france-fresh-db france-same-db-again; do
  case $run in
    baseline-*) dir="$ROOT/src/main/resources/territory/decoupage-administratif"; target="$db/brittany" ;;
    *) dir="$data"; target="$db/france" ;;
  esac
  start=$(now)
  line=$(java -jar "$JAR" --import-territories="$dir" --import-territories-version="$version" \
    --spring.main.web-application-type=none --maillage.embedded-database.directory="$target" \
    --maillage.seed.brittany=false 2>&1 | grep -o 'Territory import finished in [0-9]* ms.*communes=[0-9]*' || true)
  end=$(now)
  echo "$run command-seconds=$(elapsed "$start" "$end") | $line"
done
