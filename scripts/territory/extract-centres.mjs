// Computes a centre (WGS84 latitude/longitude) for each commune actuelle of a communes.json in the
// format of @etalab/decoupage-administratif, from the npm package @etalab/fr-bounding-boxes
// (rectangles englobants of the communes, IGN ADMIN EXPRESS 2017).
//
// The centre is the middle of the commune's bounding box; for a commune nouvelle, of the union of
// the boxes of the communes it was made of (its former codes and its communes déléguées/associées),
// as the package's geometry predates most mergers. Not a centroid, nor the mairie: good enough to
// place a bubble on a map of EPCI or pôles, not to tell in which commune a point lies.
// Rounded to 4 decimals (about 10 m).
//
// Usage: node extract-centres.mjs <fr-bounding-boxes package dir> <communes.json> <output file> <package version>
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';

const [boxesDir, communesFile, outFile, version] = process.argv.slice(2);
if (!boxesDir || !communesFile || !outFile || !version) {
  console.error('usage: node extract-centres.mjs <fr-bounding-boxes package dir> <communes.json> <output file> <version>');
  process.exit(2);
}
const boxes = new Map(JSON.parse(readFileSync(join(boxesDir, 'dist', 'communes.json'), 'utf8'))
  .map((b) => [b.id.replace(/^fr:commune:/, ''), b.bbox]));
const communes = JSON.parse(readFileSync(communesFile, 'utf8'));

// Every code that once named a piece of each commune actuelle.
const parts = new Map();
const partsOf = (code) => parts.get(code) ?? parts.set(code, new Set([code])).get(code);
for (const c of communes) {
  if (c.type === 'commune-actuelle') {
    (c.anciensCodes ?? []).forEach((old) => partsOf(c.code).add(old));
  } else if (c.type === 'commune-deleguee' || c.type === 'commune-associee') {
    partsOf(c.chefLieu).add(c.code);
  }
}

const round = (x) => Math.round(x * 1e4) / 1e4;
const rows = [];
const missing = [];
for (const c of communes.filter((c) => c.type === 'commune-actuelle')) {
  const found = [...partsOf(c.code)].map((code) => boxes.get(code)).filter(Boolean);
  if (found.length === 0) {
    missing.push(`${c.code} ${c.nom}`);
    continue;
  }
  const [west, south, east, north] = [0, 1, 2, 3].map((i) =>
    (i < 2 ? Math.min : Math.max)(...found.map((box) => box[i])));
  rows.push({ code: c.code, latitude: round((south + north) / 2), longitude: round((west + east) / 2) });
}

// One commune per line: readable diffs when a package is updated.
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `{"source":"@etalab/fr-bounding-boxes","version":${JSON.stringify(version)},"centres":[\n`
  + rows.map((r) => JSON.stringify(r)).join(',\n') + '\n]}\n');
console.log(`${rows.length} commune centres written to ${outFile}; ${missing.length} communes without a box`
  + (missing.length ? `: ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? '…' : ''}` : ''));
