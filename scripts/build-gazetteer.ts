/**
 * npm run gazetteer: the world gazetteer (geodata/world-gazetteer/records.tsv and names.tsv) from
 * GeoNames cities500, world-countries' countries, US Census states and counties, and the curated
 * regions. Byte-identical on every run. The sources are devDependencies: the page loads only
 * the files written here.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { GAZETTEER_CUT, gazetteerFiles } from './gazetteer-files.ts';
import { readGazetteerSources, WORLD_GAZETTEER_DIRECTORY } from './gazetteer-sources.ts';

const { cities, areas, words } = readGazetteerSources();
const files = gazetteerFiles(areas, cities, GAZETTEER_CUT, words);
for (const [file, text] of [
  ['records.tsv', files.records],
  ['names.tsv', files.names],
] as const) {
  writeFileSync(join(WORLD_GAZETTEER_DIRECTORY, file), text);
  const gzip = gzipSync(text, { level: 9 }).length;
  console.log(`${file}: ${(text.length / 1e6).toFixed(2)} MB, ${(gzip / 1e6).toFixed(2)} MB gzip`);
}
console.log(`${files.recordCount} records, ${files.nameCount} names`);
