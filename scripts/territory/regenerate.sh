#!/usr/bin/env bash
# Regenerates src/main/resources/territory/decoupage-administratif/ (the geography of Brittany
# shipped with Maillage) from the npm package @etalab/decoupage-administratif.
# Needs node and npm (the npm registry); writes nothing else.
#   scripts/territory/regenerate.sh [version] [region]
set -euo pipefail
version="${1:-6.0.0}"
region="${2:-53}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/src/main/resources/territory/decoupage-administratif"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "@etalab/decoupage-administratif@$version" >/dev/null && tar xzf etalab-decoupage-administratif-"$version".tgz)
node "$root/scripts/territory/extract-region.mjs" "$work/package/data" "$out" "$region"
cp "$work/package/LICENSE" "$out/LICENSE"
cat > "$out/SOURCE.md" <<SOURCE
# Source of these files

Extracted by \`scripts/territory/regenerate.sh $version $region\` from the npm package
[@etalab/decoupage-administratif](https://www.npmjs.com/package/@etalab/decoupage-administratif)
version $version (millésime of the Code officiel géographique of INSEE and of the DGCL list of
EPCI for that year), keeping région $region, its communes, every EPCI with a member in it and all
the members of those EPCI.

- Package code: MIT licence (see LICENSE).
- Data: Licence Ouverte / Open Licence (Etalab), sources INSEE (COG, populations), DGCL (EPCI),
  La Poste (codes postaux).
SOURCE
echo "$version" > "$out/VERSION"
echo "written to $out"
