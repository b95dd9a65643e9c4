/**
 * Benchmark of the data core's mention finding: `findMentions(indexDocument(text), places)` over
 * the real document repeated ×1, ×100 and ×1000 (copies joined with a blank line).
 *
 * Run with `npx tsx bench/mentions.bench.ts`: prints a table to stderr and the results as JSON to
 * stdout. A bench runner can import `measureMentions()` instead.
 *
 * - mentionsMBps: megabytes (10^6 UTF-16 code units) of document per second at ×1000.
 * - mentionsLinearity: time per MB at ×1000 ÷ time per MB at ×100 (1 = linear; > 1 = worse than
 *   linear).
 * - the phase figures split the ×1000 time: indexDocument (the sections and the line feeds that
 *   join lines), findMentions on an index built beforehand (which segments the lines that name
 *   a place as it goes), and of that the alias search alone (searchAliases).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { searchAliases } from '../src/lib/text/aliases.ts';
import { findMentions, indexDocument } from '../src/lib/text/mentions.ts';
import type { Gazetteer } from '../src/lib/geo/gazetteer.ts';

const GEODATA = join(dirname(fileURLToPath(import.meta.url)), '..', 'geodata');
const MEGABYTE = 1_000_000;

export interface SizeMeasurement {
  copies: number;
  characters: number;
  runs: number;
  /** Median over the runs, in milliseconds. */
  medianMs: number;
  mbPerSecond: number;
  msPerMb: number;
}

export interface MentionsBenchResult {
  mentionsMBps: number;
  mentionsLinearity: number;
  /** ×1000: median milliseconds spent in indexDocument (sections, joined line feeds). */
  indexMs: number;
  /** ×1000: median milliseconds spent in findMentions given the index. */
  findMentionsMs: number;
  /** ×1000: of findMentionsMs, median milliseconds of the alias search alone (searchAliases). */
  aliasSearchMs: number;
  mentionsFound: number;
  sizes: SizeMeasurement[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The time of one run of `work`, `runs` times over. Each timed sample repeats the work
 * `repeat` times and divides: a short run alone (×100 takes about 9 ms) is at the mercy of
 * whether the garbage collector happens to run during it.
 */
function timeRuns(runs: number, work: () => unknown, repeat = 1): number[] {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    for (let time = 0; time < repeat; time++) work();
    times.push((performance.now() - started) / repeat);
  }
  return times;
}

function readInputs() {
  const gazetteer = JSON.parse(
    readFileSync(join(GEODATA, 'document-gazetteer.json'), 'utf8'),
  ) as Gazetteer;
  const text = readFileSync(join(GEODATA, 'source', gazetteer.document.file), 'utf8');
  return { text, places: gazetteer.entries };
}

const RUNS: Record<number, number> = { 1: 11, 100: 11, 1000: 7 };
/** Each sample reads the document about as much as one run at ×1000 does. */
const REPEATS: Record<number, number> = { 1: 1000, 100: 10, 1000: 1 };

export async function measureMentions(): Promise<MentionsBenchResult> {
  const { text, places } = readInputs();
  const countMentions = (document: string) =>
    [...findMentions(indexDocument(document), places).values()].reduce((n, m) => n + m.length, 0);
  const perCopy = countMentions(text);

  const sizes: SizeMeasurement[] = [];
  let indexMs = 0;
  let findMentionsMs = 0;
  let aliasSearchMs = 0;
  let mentionsFound = 0;
  for (const copies of [1, 100, 1000]) {
    const document = Array.from({ length: copies }, () => text).join('\n\n');
    const runs = RUNS[copies]!;
    // One untimed run to warm up the JIT and check the answer scales with the copies.
    mentionsFound = countMentions(document);
    if (mentionsFound !== perCopy * copies) {
      throw new Error(`×${copies}: found ${mentionsFound} mentions, expected ${perCopy * copies}`);
    }
    const medianMs = median(
      timeRuns(runs, () => findMentions(indexDocument(document), places), REPEATS[copies]),
    );
    const megabytes = document.length / MEGABYTE;
    sizes.push({
      copies,
      characters: document.length,
      runs,
      medianMs,
      mbPerSecond: megabytes / (medianMs / 1000),
      msPerMb: medianMs / megabytes,
    });
    if (copies === 1000) {
      indexMs = median(timeRuns(runs, () => indexDocument(document)));
      const index = indexDocument(document);
      findMentionsMs = median(timeRuns(runs, () => findMentions(index, places)));
      // As findMentions searches them: each list of aliases once.
      const aliasLists = [
        ...new Map(places.map((place) => [JSON.stringify(place.aliases), place.aliases])).values(),
      ];
      aliasSearchMs = median(timeRuns(runs, () => searchAliases(document, aliasLists, () => {})));
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  const at = (copies: number) => sizes.find((size) => size.copies === copies)!;
  return {
    mentionsMBps: round(at(1000).mbPerSecond, 2),
    mentionsLinearity: round(at(1000).msPerMb / at(100).msPerMb, 3),
    indexMs: round(indexMs, 1),
    findMentionsMs: round(findMentionsMs, 1),
    aliasSearchMs: round(aliasSearchMs, 1),
    mentionsFound,
    sizes: sizes.map((size) => ({
      ...size,
      medianMs: round(size.medianMs, 3),
      mbPerSecond: round(size.mbPerSecond, 2),
      msPerMb: round(size.msPerMb, 2),
    })),
  };
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function printTable(result: MentionsBenchResult): void {
  const rows = result.sizes.map((size) =>
    [
      `×${size.copies}`.padEnd(7),
      String(size.characters).padStart(10),
      String(size.runs).padStart(5),
      size.medianMs.toFixed(2).padStart(11),
      size.mbPerSecond.toFixed(2).padStart(8),
      size.msPerMb.toFixed(1).padStart(8),
    ].join(' '),
  );
  console.error(
    [
      'copies  characters  runs  median ms     MB/s    ms/MB',
      ...rows,
      `×1000 split: indexDocument ${result.indexMs} ms; findMentions ${result.findMentionsMs} ms, of which alias search (searchAliases) ${result.aliasSearchMs} ms, the rest segmenting the lines that name a place and building the mentions`,
      `linearity (ms/MB ×1000 ÷ ×100): ${result.mentionsLinearity}`,
    ].join('\n'),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await measureMentions();
  printTable(result);
  console.log(JSON.stringify(result, null, 2));
}
