/** The place finder's data read from geodata/world-gazetteer/ in Node (the CLI, the evaluation). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stateAbbreviations } from '../src/lib/places/state-abbreviations.ts';
import type { PlaceFinderData } from '../src/lib/places/find-places.ts';
import { WorldGazetteer, type GazetteerFiles } from '../src/lib/places/world-gazetteer.ts';
import { GEODATA_DIRECTORY } from './geodata-files.ts';

export const WORLD_GAZETTEER_FILES = join(GEODATA_DIRECTORY, 'world-gazetteer');
/** The gazetteer's file in that folder (world-gazetteer.ts says what is in it). */
export const GAZETTEER_FILE = 'gazetteer.bin';

const read = (file: string) => readFileSync(join(WORLD_GAZETTEER_FILES, file), 'utf8');

export function readGazetteerFiles(): GazetteerFiles {
  return {
    bytes: readFileSync(join(WORLD_GAZETTEER_FILES, GAZETTEER_FILE)),
    sources: JSON.parse(read('sources.json')),
  };
}

export function placeFinderData(files: GazetteerFiles = readGazetteerFiles()): PlaceFinderData {
  return {
    gazetteer: new WorldGazetteer(files),
    states: stateAbbreviations(JSON.parse(read('us-states.json'))),
    focusCountries: new Set(JSON.parse(read('regions.json')).focusCountries),
  };
}
