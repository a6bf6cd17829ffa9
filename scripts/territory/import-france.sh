#!/usr/bin/env bash
# Imports the whole French geography (~35,000 communes, ~1,250 EPCI, all départements and régions)
# from the npm package @etalab/decoupage-administratif into the database Maillage uses: the
# embedded one in ./data/pg, or the server of SPRING_DATASOURCE_URL; with the communes' centres
# computed from the npm package @etalab/fr-bounding-boxes (see extract-centres.mjs). Safe to run again.
#   scripts/territory/import-france.sh [version]
# Needs node and npm (the npm registry) and Java 17+.
set -euo pipefail
version="${1:-6.0.0}"
boxes_version="0.1.3" # @etalab/fr-bounding-boxes: its only version
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "@etalab/decoupage-administratif@$version" >/dev/null \
  && tar xzf etalab-decoupage-administratif-"$version".tgz \
  && npm pack --silent "@etalab/fr-bounding-boxes@$boxes_version" >/dev/null \
  && mkdir boxes && tar xzf etalab-fr-bounding-boxes-"$boxes_version".tgz -C boxes)
# Read by the import next to the package's files (--import-territories picks it up when present).
node "$root/scripts/territory/extract-centres.mjs" "$work/boxes/package" "$work/package/data/communes.json" \
  "$work/package/data/communes-centres.json" "$boxes_version"
cd "$root"
./mvnw -q -B spring-boot:run -Dspring-boot.run.arguments="--import-territories=$work/package/data --import-territories-version=$version --spring.main.web-application-type=none"
