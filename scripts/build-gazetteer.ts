/**
 * npm run gazetteer: the world gazetteer (geodata/world-gazetteer/gazetteer.bin) from GeoNames
 * cities500, world-countries' countries, US Census states and counties, and the curated regions.
 * Byte-identical on every run. The sources are devDependencies: the page loads only the file
 * written here.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { GAZETTEER_CUT, gazetteerFiles } from './gazetteer-files.ts';
import { readGazetteerSources, WORLD_GAZETTEER_DIRECTORY } from './gazetteer-sources.ts';
import { GAZETTEER_FILE } from './place-finder-data.ts';

const { cities, areas, words } = readGazetteerSources();
const file = gazetteerFiles(areas, cities, GAZETTEER_CUT, words);
writeFileSync(join(WORLD_GAZETTEER_DIRECTORY, GAZETTEER_FILE), file.bytes);
const megabytes = (bytes: number) => (bytes / 1e6).toFixed(2);
console.log(
  `${GAZETTEER_FILE}: ${megabytes(file.bytes.length)} MB, ${megabytes(gzipSync(file.bytes, { level: 9 }).length)} MB gzip; ${file.recordCount} records, ${file.nameCount} names`,
);
