/**
 * geoparseMBps: the place finder with the whole world gazetteer on a 10 MB text of mixed news
 * (the atlas's own test texts, tests/fixtures/caucasus/, repeated: never the development set),
 * and geoparseLinearity: time per MB at 10 MB ÷ at 1 MB (1 = linear), both timed once the finder is
 * warm.
 *
 * Run with `npx tsx bench/geoparse.bench.ts`: prints the figures as JSON; a bench runner can
 * import `measureGeoparse()` instead.
 */
import { join } from 'node:path';
import { findPlaces } from '../src/lib/places/find-places.ts';
import { readEvalTexts } from '../scripts/eval-places-metrics.ts';
import { placeFinderData } from '../scripts/place-finder-data.ts';

const MEGABYTE = 1_000_000;

export interface GeoparseBenchResult {
  geoparseMBps: number;
  geoparseLinearity: number;
  /** Milliseconds for 1 MB and 10 MB, the median of the runs. */
  oneMbMs: number;
  tenMbMs: number;
  /** CPU time of the process for 10 MB (all its threads, the collector's too): on a shared
   * machine the wall clock also counts other work. */
  tenMbCpuMs: number;
  features: number;
}

/** Mixed news of about `size` characters: the texts in turn, paragraphs apart. */
export function mixedNews(size: number): string {
  const texts = readEvalTexts(
    join(import.meta.dirname, '..', 'tests', 'fixtures', 'caucasus', 'texts.jsonl'),
  ).map((text) => text.text);
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < size; index++) {
    const text = texts[index % texts.length]!;
    parts.push(text);
    length += text.length + 2;
  }
  return parts.join('\n\n');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

export function measureGeoparse(runs = 3): GeoparseBenchResult {
  const data = placeFinderData();
  const time = (text: string) => {
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let features = 0;
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      features = findPlaces(text, data).length;
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000);
    }
    return { ms: median(times), cpuMs: median(cpuTimes), features };
  };
  // Linearity is about how the finder scales, not about the JavaScript engine's warm-up: the
  // first megabytes run before V8 has optimised the finder (1 MB took 147 ms cold, 90 warm),
  // which made 10 MB look faster per MB than 1. So the 1 MB text is run until warm first.
  const oneMegabyte = mixedNews(MEGABYTE);
  time(oneMegabyte);
  const one = time(oneMegabyte);
  const ten = time(mixedNews(10 * MEGABYTE));
  return {
    geoparseMBps: Math.round((10 / (ten.ms / 1000)) * 10) / 10,
    geoparseLinearity: Math.round((ten.ms / 10 / one.ms) * 100) / 100,
    oneMbMs: Math.round(one.ms),
    tenMbMs: Math.round(ten.ms),
    tenMbCpuMs: Math.round(ten.cpuMs),
    features: ten.features,
  };
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(JSON.stringify(measureGeoparse(), null, 2));
