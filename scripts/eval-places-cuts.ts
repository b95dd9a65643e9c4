/**
 * npm run eval:places:cuts: the trade-off behind the gazetteer's cut (scripts/gazetteer-files.ts):
 * for each population threshold outside the region, the files' size (gzip) and the finder's
 * scores on the development set and the atlas's own texts, with gazetteers built in memory by
 * the build's own code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { stateAbbreviations } from '../src/lib/places/state-abbreviations.ts';
import { WorldGazetteer } from '../src/lib/places/world-gazetteer.ts';
import { readEvalTexts, scoreTexts } from './eval-places-metrics.ts';
import { commonEnglishWords, GAZETTEER_CUT, gazetteerFiles } from './gazetteer-files.ts';
import {
  readCities,
  readCountries,
  readCuratedRegions,
  readUsAreas,
  WORLD_GAZETTEER_DIRECTORY,
} from './gazetteer-sources.ts';

const THRESHOLDS = [1000, 2500, 5000, 10000, 15000, 50000];
const ROOT = join(import.meta.dirname, '..');
const dev = [join(ROOT, '..', 'shared', 'eval', 'dev.jsonl'), '/work/shared/eval/dev.jsonl'].find(
  (file) => existsSync(file),
);
const texts = [
  ...(dev ? readEvalTexts(dev) : []),
  ...readEvalTexts(join(ROOT, 'tests', 'fixtures', 'caucasus', 'texts.jsonl')),
];
const read = (file: string) => readFileSync(join(WORLD_GAZETTEER_DIRECTORY, file), 'utf8');

const cities = readCities();
const countries = readCountries(cities);
const areas = [...readCuratedRegions(countries), ...countries, ...readUsAreas(cities)];
const words = {
  common: commonEnglishWords(),
  notPlaces: new Set<string>(JSON.parse(read('not-places.json')).names),
};
const states = stateAbbreviations(JSON.parse(read('us-states.json')));
const sources = JSON.parse(read('sources.json'));

console.log('| min. population | records | MB gzip | corpus | P | R | F1 | Acc@161 | Acc@20 |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const minPopulation of THRESHOLDS) {
  const files = gazetteerFiles(areas, cities, { ...GAZETTEER_CUT, minPopulation }, words);
  const gzip = (gzipSync(files.records).length + gzipSync(files.names).length) / 1e6;
  const gazetteer = new WorldGazetteer({ records: files.records, names: files.names, sources });
  for (const score of scoreTexts(texts, {
    gazetteer,
    states,
    focusCountries: new Set<string>(JSON.parse(read('regions.json')).focusCountries),
  })) {
    console.log(
      `| ${minPopulation} | ${files.recordCount} | ${gzip.toFixed(2)} | ${score.corpus} | ${score.precision.toFixed(2)} | ${score.recall.toFixed(2)} | ${score.f1.toFixed(2)} | ${score.acc161.toFixed(2)} | ${score.acc20.toFixed(2)} |`,
    );
  }
}
