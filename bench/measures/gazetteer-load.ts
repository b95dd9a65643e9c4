/**
 * gazetteerLoadMs: in Chromium, from asking the page's place finder to load (a new worker) to the
 * worker being ready to find: the world gazetteer fetched from the page's own origin, unpacked
 * and read. The test page of tests/e2e/place-finder/ is built and served by vite preview; each
 * run is a fresh browser context with the cache off (a reader's first open of a text).
 */
import type { Browser } from 'playwright-core';
import {
  buildPlaceFinderPage,
  PAGE_PATH,
  previewPlaceFinderPage,
} from '../../tests/e2e/place-finder/build.ts';
import { atMost, type BrowserMeasurement } from '../harness/measurement.ts';
import { log, median, round } from '../harness/util.ts';

const LOAD_RUNS = 7;

interface LoadRun {
  ms: number;
  /** In the worker's clock, from its start: the files fetched and unpacked, the gazetteer read. */
  fetchedMs: number;
  readMs: number;
}

async function loadOnce(browser: Browser, url: string): Promise<LoadRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    await session.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    return await page.evaluate(async () => {
      const started = performance.now();
      const { fetchedMs, readMs } = await window.placeFinder.load();
      return { ms: performance.now() - started, fetchedMs, readMs };
    });
  } finally {
    await context.close();
  }
}

export const gazetteerLoad: BrowserMeasurement = {
  name: 'gazetteer-load',
  kind: 'browser',
  goals: { gazetteerLoadMs: atMost(400) },
  async run({ browser }) {
    log(`gazetteer-load: building the place finder's test page, ${LOAD_RUNS} loads`);
    const server = await previewPlaceFinderPage(await buildPlaceFinderPage(), 0);
    try {
      const origin = server
        .resolvedUrls!.local[0]!.replace(/\/place-finder\/?$/, '')
        .replace(/\/$/, '');
      const runs: LoadRun[] = [];
      for (let run = 0; run < LOAD_RUNS; run++)
        runs.push(await loadOnce(browser, `${origin}${PAGE_PATH}`));
      return {
        values: { gazetteerLoadMs: round(median(runs.map((run) => run.ms)), 0) },
        details: { gazetteerLoad: { runs: runs.map((run) => ({ ...run, ms: round(run.ms, 0) })) } },
      };
    } finally {
      await server.close();
    }
  },
};
