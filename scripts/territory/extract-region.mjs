// Extracts the geography of one region from @etalab/decoupage-administratif, in the package's own
// format, so that Maillage's importer reads the subset and the whole of France the same way.
//
// Kept: the region's communes (with their communes déléguées/associées), every EPCI that has a
// member in the region, and all members of those EPCI, even outside the region (Redon
// Agglomération reaches into Loire-Atlantique), with the départements and régions they need.
//
// Usage: node extract-region.mjs <package data dir> <output dir> <region code>
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [dataDir, outDir, region] = process.argv.slice(2);
if (!dataDir || !outDir || !region) {
  console.error('usage: node extract-region.mjs <package data dir> <output dir> <region code>');
  process.exit(2);
}
const read = (name) => JSON.parse(readFileSync(join(dataDir, name), 'utf8'));
const communes = read('communes.json');
const epcis = read('epci.json');
const departements = read('departements.json');
const regions = read('regions.json');

const parentOf = (c) => (c.type === 'commune-actuelle' ? c.code : c.chefLieu || c.commune);
const inRegion = new Set(communes.filter((c) => c.type === 'commune-actuelle' && c.region === region).map((c) => c.code));
const keptEpcis = epcis.filter((e) => e.membres.some((m) => inRegion.has(m.code)));
const kept = new Set(inRegion);
keptEpcis.forEach((e) => e.membres.forEach((m) => kept.add(m.code)));
const keptCommunes = communes.filter((c) => kept.has(parentOf(c)));
const keptDepartements = new Set(keptCommunes.map((c) => c.departement));
const keptRegions = new Set(keptCommunes.map((c) => c.region));

// One record per line: readable diffs when the package is updated.
const write = (name, rows) => writeFileSync(join(outDir, name), '[\n' + rows.map((r) => JSON.stringify(r)).join(',\n') + '\n]\n');
mkdirSync(outDir, { recursive: true });
write('regions.json', regions.filter((r) => keptRegions.has(r.code)));
write('departements.json', departements.filter((d) => keptDepartements.has(d.code)));
write('epci.json', keptEpcis);
write('communes.json', keptCommunes);
console.log(`region ${region}: ${inRegion.size} communes in the region, ${kept.size} communes kept, ` +
  `${keptEpcis.length} EPCI, ${keptDepartements.size} départements, ${keptRegions.size} régions`);
