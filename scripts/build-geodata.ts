/**
 * npm run geodata: geodata/source + geodata/document-gazetteer.json → geodata/layers/*.geojson.
 * Byte-identical on every run; fails naming every gazetteer entry it cannot build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLayers, GazetteerError } from '../src/lib/geo/build-layers.ts';
import { formatJson } from '../src/lib/geo/layer-file.ts';
import { GEODATA_DIRECTORY, readBuildInput } from './geodata-files.ts';

try {
  const layers = buildLayers(readBuildInput());
  const directory = join(GEODATA_DIRECTORY, 'layers');
  mkdirSync(directory, { recursive: true });
  for (const layer of layers) {
    const file = join(directory, `${layer.layer}.geojson`);
    writeFileSync(file, formatJson(layer));
    console.log(`${file}: ${layer.features.length} features`);
  }
} catch (error) {
  if (error instanceof GazetteerError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
