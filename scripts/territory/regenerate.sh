#!/usr/bin/env bash
# Regenerates src/main/resources/territory/decoupage-administratif/ (the geography of Brittany
# shipped with Maillage) from the npm package @etalab/decoupage-administratif, and
# src/main/resources/territory/fr-bounding-boxes/ (a centre for each of those communes) from the npm
# package @etalab/fr-bounding-boxes. Needs node and npm (the npm registry); writes nothing else.
#   scripts/territory/regenerate.sh [version] [region]
set -euo pipefail
version="${1:-6.0.0}"
region="${2:-53}"
boxes_version="0.1.3" # @etalab/fr-bounding-boxes: its only version
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/src/main/resources/territory/decoupage-administratif"
centres="$root/src/main/resources/territory/fr-bounding-boxes"
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

(cd "$work" && npm pack --silent "@etalab/fr-bounding-boxes@$boxes_version" >/dev/null \
  && mkdir boxes && tar xzf etalab-fr-bounding-boxes-"$boxes_version".tgz -C boxes)
node "$root/scripts/territory/extract-centres.mjs" "$work/boxes/package" "$out/communes.json" \
  "$centres/communes-centres.json" "$boxes_version"
cp "$work/boxes/package/LICENSE" "$centres/LICENSE"
cat > "$centres/SOURCE.md" <<SOURCE
# Source of these files

\`communes-centres.json\` is computed by \`scripts/territory/regenerate.sh $version $region\`
(\`scripts/territory/extract-centres.mjs\`) from the npm package
[@etalab/fr-bounding-boxes](https://www.npmjs.com/package/@etalab/fr-bounding-boxes) version
$boxes_version (rectangles englobants of the communes, from IGN ADMIN EXPRESS, 2017), for the communes of
\`../decoupage-administratif/communes.json\`: the middle of each commune's bounding box (for a commune
nouvelle, of the union of the boxes of the communes it was made of), in WGS84 degrees rounded to
4 decimals. An approximate centre, for placing a commune, an EPCI or a pôle on a map; not a centroid
nor the position of the mairie.

- Package code: MIT licence (see LICENSE).
- Data: Licence Ouverte / Open Licence 2.0 (Etalab), source IGN (ADMIN EXPRESS).
SOURCE
echo "written to $centres"
