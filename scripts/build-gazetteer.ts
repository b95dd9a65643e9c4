/**
 * npm run gazetteer: the world gazetteer (geodata/world-gazetteer/records.tsv and names.tsv) from
 * GeoNames cities500, Natural Earth countries, US Census states and counties, and the curated
 * regions. Byte-identical on every run. The sources are devDependencies: the page loads only
 * the files written here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { commonEnglishWords, GAZETTEER_CUT, gazetteerFiles } from './gazetteer-files.ts';
import {
  readCities,
  readCountries,
  readCuratedRegions,
  readUsAreas,
  WORLD_GAZETTEER_DIRECTORY,
} from './gazetteer-sources.ts';

const cities = readCities();
const countries = readCountries(cities);
const areas = [...readCuratedRegions(countries), ...countries, ...readUsAreas(cities)];
const notPlaces = new Set<string>(
  JSON.parse(readFileSync(join(WORLD_GAZETTEER_DIRECTORY, 'not-places.json'), 'utf8')).names,
);
const files = gazetteerFiles(areas, cities, GAZETTEER_CUT, {
  common: commonEnglishWords(),
  notPlaces,
});
for (const [file, text] of [
  ['records.tsv', files.records],
  ['names.tsv', files.names],
] as const) {
  writeFileSync(join(WORLD_GAZETTEER_DIRECTORY, file), text);
  const gzip = gzipSync(text, { level: 9 }).length;
  console.log(`${file}: ${(text.length / 1e6).toFixed(2)} MB, ${(gzip / 1e6).toFixed(2)} MB gzip`);
}
console.log(`${files.recordCount} records, ${files.nameCount} names`);
