/**
 * npm run eval:places:cuts: the trade-off behind the gazetteer's cut (scripts/gazetteer-files.ts):
 * for each population threshold outside the region, the file's size (gzip) and the finder's
 * scores on the development set and the atlas's own texts, with gazetteers built in memory by
 * the build's own code.
 */
import { gzipSync } from 'node:zlib';
import { CAUCASUS_TEXTS, devSetFile, readEvalTexts, scoreTexts } from './eval-places-metrics.ts';
import { GAZETTEER_CUT, gazetteerFiles } from './gazetteer-files.ts';
import { readGazetteerSources } from './gazetteer-sources.ts';
import { placeFinderData, readGazetteerFiles } from './place-finder-data.ts';

const THRESHOLDS = [1000, 2500, 5000, 10000, 15000, 50000];
const dev = devSetFile();
const texts = [...(dev ? readEvalTexts(dev) : []), ...readEvalTexts(CAUCASUS_TEXTS)];
const { cities, areas, words } = readGazetteerSources();
const { sources } = readGazetteerFiles();

console.log('| min. population | records | MB gzip | corpus | P | R | F1 | Acc@161 | Acc@20 |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const minPopulation of THRESHOLDS) {
  const file = gazetteerFiles(areas, cities, { ...GAZETTEER_CUT, minPopulation }, words);
  const gzip = gzipSync(file.bytes, { level: 9 }).length / 1e6;
  const data = placeFinderData({ bytes: file.bytes, sources });
  for (const score of scoreTexts(texts, data)) {
    console.log(
      `| ${minPopulation} | ${file.recordCount} | ${gzip.toFixed(2)} | ${score.corpus} | ${score.precision.toFixed(2)} | ${score.recall.toFixed(2)} | ${score.f1.toFixed(2)} | ${score.acc161.toFixed(2)} | ${score.acc20.toFixed(2)} |`,
    );
  }
}
