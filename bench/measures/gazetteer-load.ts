/**
 * gazetteerLoadMs: in Chromium, from asking the page's place finder to load (a new worker) to the
 * worker being ready to find: the world gazetteer fetched from the page's own origin, unpacked
 * and read. The test page of tests/e2e/place-finder/ is built and served by vite preview; each
 * run is a fresh browser context with the cache off (a reader's first open of a text).
 *
 * The page asks once the browser is quiet, as a reader's is when they open a text: each new
 * context is a new window, for which headless Chromium builds its omnibox popup (a WebUI page
 * of its own, 300–900 ms of CPU on this machine) just as the page is ready, and on two busy
 * cores that work would be timed too. The browser's CPU during the load is kept with each run
 * (`cpuMs`, all its processes): it varies far less than the time with the machine's load.
 */
import type { Browser } from 'playwright-core';
import {
  buildPlaceFinderPage,
  PAGE_PATH,
  previewPlaceFinderPage,
} from '../../tests/e2e/place-finder/build.ts';
import { atMost, type BrowserMeasurement } from '../harness/measurement.ts';
import { log, median, round, sleep } from '../harness/util.ts';
import { browserCpuMs } from '../process-cpu.ts';

const LOAD_RUNS = 7;
/** Quiet: the browser's processes use under a tenth of a core over this window. */
const QUIET_WINDOW_MS = 500;
const QUIET_CPU_MS = QUIET_WINDOW_MS / 10;
const QUIET_TIMEOUT_MS = 15_000;

interface LoadRun {
  ms: number;
  /** In the worker's clock, from its start: the file fetched and unpacked, the gazetteer read. */
  fetchedMs: number;
  readMs: number;
  /** CPU the browser used meanwhile (all its processes), or null without /proc. */
  cpuMs: number | null;
  /** How long the page waited, once ready, for the browser to be quiet. */
  quietAfterMs: number;
}

/** Waits until the browser is quiet (or QUIET_TIMEOUT_MS); returns how long that took. */
async function browserQuiet(): Promise<number> {
  const started = Date.now();
  let before = browserCpuMs();
  if (before === null) return 0;
  while (Date.now() - started < QUIET_TIMEOUT_MS) {
    await sleep(QUIET_WINDOW_MS);
    const now = browserCpuMs()!;
    if (now - before < QUIET_CPU_MS) break;
    before = now;
  }
  return Date.now() - started;
}

async function loadOnce(browser: Browser, url: string): Promise<LoadRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    await session.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    const quietAfterMs = await browserQuiet();
    const cpuBefore = browserCpuMs();
    const run = await page.evaluate(async () => {
      const started = performance.now();
      const { fetchedMs, readMs } = await window.placeFinder.load();
      return { ms: performance.now() - started, fetchedMs, readMs };
    });
    const cpuAfter = browserCpuMs();
    const cpuMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
    return { ...run, cpuMs, quietAfterMs };
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
      const cpu = runs.map((run) => run.cpuMs).filter((value) => value !== null);
      return {
        values: { gazetteerLoadMs: round(median(runs.map((run) => run.ms)), 0) },
        details: {
          gazetteerLoad: {
            runs: runs.map((run) => ({ ...run, ms: round(run.ms, 0) })),
            cpuMedianMs: cpu.length > 0 ? median(cpu) : null,
          },
        },
      };
    } finally {
      await server.close();
    }
  },
};
