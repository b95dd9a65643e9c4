/**
 * Scoring the place finder against hand-annotated texts (the evaluation's format: one JSON object
 * a line, `{id, title, text, places: [{name, start, end, lat?, lon?}], routes?: [...]}`): per
 * corpus, precision, recall and F1 of the names found (a found mention counts where its span
 * overlaps a gold one), Acc@161 and Acc@20 (the share of found names that overlap a gold one
 * with coordinates and are placed within 161 / 20 km of it), and the routes drawn.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distance } from '@turf/distance';
import { findPlaces, type PlaceFinderData } from '../src/lib/places/find-places.ts';

const ROOT = join(import.meta.dirname, '..');
/** The atlas's own South Caucasus texts (tests/fixtures/caucasus/texts.md, written for it). */
export const CAUCASUS_TEXTS = join(ROOT, 'tests', 'fixtures', 'caucasus', 'texts.jsonl');
const DEV_SET_PLACES = [
  join(ROOT, '..', 'shared', 'eval', 'dev.jsonl'),
  '/work/shared/eval/dev.jsonl',
];

/** The development set (../shared/eval/dev.jsonl beside the repository), if it is there. */
export const devSetFile = (): string | undefined => DEV_SET_PLACES.find((file) => existsSync(file));

export interface GoldSpan {
  name: string;
  start: number;
  end: number;
  lat?: number;
  lon?: number;
}

export interface EvalText {
  id: string;
  title?: string;
  text: string;
  places: GoldSpan[];
  /** "X–Y road" spans whose route must be drawn with both ends placed. */
  routes?: GoldSpan[];
}

export interface CorpusScore {
  corpus: string;
  texts: number;
  gold: number;
  found: number;
  precision: number;
  recall: number;
  f1: number;
  acc161: number;
  acc20: number;
  routesGold: number;
  routesDrawn: number;
}

export function readEvalTexts(file: string): EvalText[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

/** The corpus of a text: its id up to the first dash (lgl, gwn, caucasus). */
export const corpusOf = (text: EvalText) => text.id.split('-')[0]!;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

interface Tally {
  texts: number;
  gold: number;
  found: number;
  foundRight: number;
  goldFound: number;
  placed: number;
  within161: number;
  within20: number;
  routesGold: number;
  routesDrawn: number;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export function scoreTexts(texts: readonly EvalText[], data: PlaceFinderData): CorpusScore[] {
  const tallies = new Map<string, Tally>();
  for (const text of texts) {
    const corpus = corpusOf(text);
    let tally = tallies.get(corpus);
    if (!tally) {
      tally = {
        texts: 0,
        gold: 0,
        found: 0,
        foundRight: 0,
        goldFound: 0,
        placed: 0,
        within161: 0,
        within20: 0,
        routesGold: 0,
        routesDrawn: 0,
      };
      tallies.set(corpus, tally);
    }
    const features = findPlaces(text.text, data);
    const found = features
      .filter((feature) => feature.properties.kind !== 'route')
      .flatMap((feature) =>
        feature.properties.mentions.map((mention) => ({
          start: mention.start,
          end: mention.end,
          point: feature.geometry.coordinates as number[],
        })),
      );
    const routeMentions = features
      .filter((feature) => feature.geometry.type === 'LineString')
      .flatMap((feature) => feature.properties.mentions);
    tally.texts++;
    tally.gold += text.places.length;
    tally.found += found.length;
    for (const mention of found) {
      const gold = text.places.find((place) => overlaps(place, mention));
      if (!gold) continue;
      tally.foundRight++;
      if (gold.lat === undefined || gold.lon === undefined) continue;
      tally.placed++;
      const km = distance([gold.lon, gold.lat], mention.point);
      if (km <= 161) tally.within161++;
      if (km <= 20) tally.within20++;
    }
    tally.goldFound += text.places.filter((place) =>
      found.some((mention) => overlaps(place, mention)),
    ).length;
    for (const route of text.routes ?? []) {
      tally.routesGold++;
      if (routeMentions.some((mention) => overlaps(route, mention))) tally.routesDrawn++;
    }
  }
  return [...tallies].map(([corpus, tally]) => {
    const precision = ratio(tally.foundRight, tally.found);
    const recall = ratio(tally.goldFound, tally.gold);
    return {
      corpus,
      texts: tally.texts,
      gold: tally.gold,
      found: tally.found,
      precision,
      recall,
      f1: ratio(2 * precision * recall, precision + recall),
      acc161: ratio(tally.within161, tally.placed),
      acc20: ratio(tally.within20, tally.placed),
      routesGold: tally.routesGold,
      routesDrawn: tally.routesDrawn,
    };
  });
}

export function scoreTable(scores: readonly CorpusScore[]): string {
  const rows = [
    '| corpus   | texts | gold | found | P    | R    | F1   | Acc@161 | Acc@20 | routes drawn |',
    '| -------- | ----- | ---- | ----- | ---- | ---- | ---- | ------- | ------ | ------------ |',
  ];
  for (const score of scores) {
    const routes = score.routesGold > 0 ? `${score.routesDrawn}/${score.routesGold}` : '–';
    rows.push(
      `| ${score.corpus.padEnd(8)} | ${String(score.texts).padStart(5)} | ${String(score.gold).padStart(4)} | ${String(score.found).padStart(5)} | ${score.precision.toFixed(2)} | ${score.recall.toFixed(2)} | ${score.f1.toFixed(2)} | ${score.acc161.toFixed(2).padStart(7)} | ${score.acc20.toFixed(2).padStart(6)} | ${routes.padStart(12)} |`,
    );
  }
  return rows.join('\n');
}
