/**
 * gazetteerLoadMs: in Chromium, from asking the page's place finder to load (a new worker) to the
 * worker being ready to find: the world gazetteer fetched from the page's origin and read. The
 * test page of tests/e2e/place-finder/ is built and served by vite preview; each run is a fresh
 * page and a fresh worker, with the browser's cache off (a reader's first open of a text).
 *
 * Run with `npx tsx bench/gazetteer-load.bench.ts`: prints the figures as JSON; a bench runner
 * can import `measureGazetteerLoad()` instead.
 */
import { chromium } from 'playwright-core';
import {
  buildPlaceFinderPage,
  PAGE_PATH,
  previewPlaceFinderPage,
} from '../tests/e2e/place-finder/build.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The port the page is served on (PREVIEW_PORT, as the browser tests use). */
const PORT = Number(process.env.PREVIEW_PORT ?? 4391);

export interface GazetteerLoadResult {
  gazetteerLoadMs: number;
  runsMs: number[];
  /** Each run, in the worker's clock: files fetched and unpacked, gazetteer read. */
  phases: { fetchedMs: number; readMs: number }[];
}

export async function measureGazetteerLoad(runs = 5): Promise<GazetteerLoadResult> {
  const outDir = await buildPlaceFinderPage();
  const server = await previewPlaceFinderPage(outDir, PORT);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const runsMs: number[] = [];
  const phases: { fetchedMs: number; readMs: number }[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const session = await context.newCDPSession(page);
      await session.send('Network.setCacheDisabled', { cacheDisabled: true });
      await page.goto(`http://127.0.0.1:${PORT}${PAGE_PATH}`);
      await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
      const run = await page.evaluate(async () => {
        const started = performance.now();
        const { fetchedMs, readMs } = await window.placeFinder.load();
        return { ms: performance.now() - started, fetchedMs, readMs };
      });
      runsMs.push(run.ms);
      phases.push({ fetchedMs: run.fetchedMs, readMs: run.readMs });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return {
    gazetteerLoadMs: Math.round(sorted[sorted.length >> 1]!),
    runsMs: runsMs.map(Math.round),
    phases,
  };
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(JSON.stringify(await measureGazetteerLoad(), null, 2));
