/**
 * gazetteerLoadMs: in Chromium, from asking the page's place finder to load (a new worker) to the
 * worker being ready to find: the world gazetteer fetched from the page's origin and read. The
 * test page of tests/e2e/place-finder/ is built and served from the same origin by routing.
 *
 * Run with `npx tsx bench/gazetteer-load.bench.ts`: prints the figures as JSON; a bench runner
 * can import `measureGazetteerLoad()` instead.
 */
import { chromium } from 'playwright-core';
import {
  buildPlaceFinderPage,
  PAGE_PATH,
  servePlaceFinderPage,
} from '../tests/e2e/place-finder/build.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ORIGIN = 'http://127.0.0.1:4402';

export interface GazetteerLoadResult {
  gazetteerLoadMs: number;
  runsMs: number[];
}

export async function measureGazetteerLoad(runs = 5): Promise<GazetteerLoadResult> {
  const outDir = await buildPlaceFinderPage();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const runsMs: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage();
      await servePlaceFinderPage(page, outDir);
      await page.goto(`${ORIGIN}${PAGE_PATH}`);
      await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
      runsMs.push(
        await page.evaluate(async () => {
          const started = performance.now();
          await window.placeFinder.load();
          return performance.now() - started;
        }),
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return {
    gazetteerLoadMs: Math.round(sorted[sorted.length >> 1]!),
    runsMs: runsMs.map(Math.round),
  };
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(JSON.stringify(await measureGazetteerLoad(), null, 2));
