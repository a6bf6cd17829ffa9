#!/usr/bin/env bash
# Imports the whole French geography (~35,000 communes, ~1,250 EPCI, all départements and régions)
# from the npm package @etalab/decoupage-administratif into the database Maillage uses: the
# embedded one in ./data/pg, or the server of SPRING_DATASOURCE_URL. Safe to run again.
#   scripts/territory/import-france.sh [version]
# Needs npm (the npm registry) and Java 17+.
set -euo pipefail
version="${1:-6.0.0}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "@etalab/decoupage-administratif@$version" >/dev/null \
  && tar xzf etalab-decoupage-administratif-"$version".tgz)
cd "$root"
./mvnw -q -B spring-boot:run -Dspring-boot.run.arguments="--import-territories=$work/package/data --import-territories-version=$version --spring.main.web-application-type=none"
