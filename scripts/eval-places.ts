/**
 * npm run eval:places [-- FILE.jsonl ...]: the place finder on annotated texts, a table of
 * precision, recall, F1, Acc@161 and Acc@20 per corpus. Without files: the development set
 * (../shared/eval/dev.jsonl beside the repository) and the atlas's own South Caucasus texts
 * (tests/fixtures/caucasus/texts.jsonl). `--json` prints the scores as JSON.
 */
import { existsSync } from 'node:fs';
import {
  CAUCASUS_TEXTS,
  devSetFile,
  readEvalTexts,
  scoreTable,
  scoreTexts,
} from './eval-places-metrics.ts';
import { placeFinderData } from './place-finder-data.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
let files = args.filter((arg) => !arg.startsWith('--'));
if (files.length === 0) {
  const dev = devSetFile();
  if (!dev) console.error("No development set beside the repository: the atlas's own texts only.");
  files = [...(dev ? [dev] : []), CAUCASUS_TEXTS];
}
const missing = files.filter((file) => !existsSync(file));
if (missing.length > 0) {
  console.error(`No such file: ${missing.join(', ')}`);
  process.exit(2);
}
const started = performance.now();
const data = placeFinderData();
const loaded = performance.now();
const scores = scoreTexts(files.flatMap(readEvalTexts), data);
if (json) {
  console.log(JSON.stringify(scores, null, 2));
} else {
  console.log(scoreTable(scores));
  console.log(
    `\ngazetteer read in ${Math.round(loaded - started)} ms; texts read in ${Math.round(performance.now() - loaded)} ms`,
  );
}
