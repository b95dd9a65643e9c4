/** Where the geodata lives, and reading the build's inputs from it. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildInput } from '../src/lib/geo/build-layers.ts';
import type { Gazetteer } from '../src/lib/geo/gazetteer.ts';
import { loadCountriesTopology, sharedBorder } from './natural-earth.ts';

export const GEODATA_DIRECTORY = join(dirname(fileURLToPath(import.meta.url)), '..', 'geodata');

export function readGazetteer(): Gazetteer {
  return JSON.parse(readFileSync(join(GEODATA_DIRECTORY, 'document-gazetteer.json'), 'utf8'));
}

export function readBuildInput(): BuildInput {
  const gazetteer = readGazetteer();
  const bytes = readFileSync(join(GEODATA_DIRECTORY, 'source', gazetteer.document.file));
  const topology = loadCountriesTopology();
  return {
    text: bytes.toString('utf8'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    gazetteer,
    resolveSharedBorder: (countries) => sharedBorder(topology, countries),
  };
}
