/**
 * The app's import of a 100 000-point file, from the file input's `change` to the map's `idle`
 * after it, against the bare page's JSON.parse + addSource of the same text; and the longest
 * main-thread task meanwhile.
 */
import { linkSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { atMost, type BrowserMeasurement } from '../harness/measurement.ts';
import { openCold } from '../harness/page-load.ts';
import { ROOT } from '../harness/processes.ts';
import { log, longestIn, median, round, sleep } from '../harness/util.ts';
import { benchPoints, pointsFileText, POINT_LAYER } from '../points.ts';

const IMPORT_RUNS = 3;
const IMPORT_TIMEOUT_MS = 120_000;
const POINTS_FILE = join(ROOT, 'bench', 'results', 'points-100k.geojson.tmp');
/** The same file under a .geojson name (a hard link), as a reader would pick it. */
const UPLOAD_FILE = join(ROOT, 'bench', 'results', 'upload.tmp', `${POINT_LAYER}.geojson`);

interface ImportRun {
  ms: number;
  longestTaskMs: number;
  stages?: Record<string, number>;
}

export const import100k: BrowserMeasurement = {
  name: 'import',
  kind: 'browser',
  goals: { import100kRatio: atMost(1.2), longestTaskMs: atMost(200) },
  async run({ browser, appOrigin, bareUrl }) {
    const text = pointsFileText(benchPoints());
    writeFileSync(POINTS_FILE, text);
    mkdirSync(dirname(UPLOAD_FILE), { recursive: true });
    rmSync(UPLOAD_FILE, { force: true });
    linkSync(POINTS_FILE, UPLOAD_FILE);
    log(`import of 100 000 points: ${IMPORT_RUNS} runs each, alternating`);
    const appImports: ImportRun[] = [];
    const bareImports: ImportRun[] = [];
    for (let run = 0; run < IMPORT_RUNS; run++) {
      appImports.push(await importInApp(browser, `${appOrigin}/`));
      bareImports.push(await importInBare(browser, bareUrl, text));
    }
    const appMs = median(appImports.map((run) => run.ms));
    const bareMs = median(bareImports.map((run) => run.ms));
    return {
      values: {
        import100kRatio: round(appMs / bareMs, 3),
        longestTaskMs: round(Math.max(...appImports.map((run) => run.longestTaskMs))),
      },
      baseline: { appImport100kMs: round(appMs), bareAddSourceMs: round(bareMs) },
      details: {
        points: {
          count: benchPoints().length,
          megabytes: round(statSync(POINTS_FILE).size / 1e6, 2),
        },
        import100k: {
          app: appImports.map((run) => ({
            ...run,
            ms: round(run.ms),
            longestTaskMs: round(run.longestTaskMs),
          })),
          bare: bareImports.map((run) => ({
            ms: round(run.ms),
            longestTaskMs: round(run.longestTaskMs),
          })),
          longestTaskNote: 'the longest over all app runs',
        },
      },
    };
  },
};

/** The app's import of the 100k file: from the input's `change` to the map's `idle` after it. */
async function importInApp(browser: Browser, appUrl: string): Promise<ImportRun> {
  const load = await openCold(browser, appUrl);
  const { page } = load;
  try {
    await page.evaluate(() => {
      const map = window.passageAtlas!.map;
      const initial = new Set(Object.keys(map.getStyle().sources));
      const timing = { changeAt: NaN, listedAt: NaN, sourceAt: NaN, idleAt: NaN };
      window.__importTiming = timing;
      let waiting = false;
      const finish = () => {
        if (waiting || Number.isNaN(timing.listedAt) || Number.isNaN(timing.sourceAt)) return;
        waiting = true;
        map.once('idle', () => (timing.idleAt = performance.now()));
        map.triggerRepaint();
      };
      window.addEventListener(
        'change',
        (event) => {
          if (
            (event.target as Element | null)?.id === 'import-file' &&
            Number.isNaN(timing.changeAt)
          )
            timing.changeAt = performance.now();
        },
        { capture: true },
      );
      map.on('sourcedata', (event) => {
        if (Number.isNaN(timing.sourceAt) && !initial.has(event.sourceId)) {
          timing.sourceAt = performance.now();
          finish();
        }
      });
      const listed = new MutationObserver(() => {
        if (document.querySelector('[data-imported-layer]')) {
          timing.listedAt = performance.now();
          listed.disconnect();
          finish();
        }
      });
      listed.observe(document.body, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['data-imported-layer'],
      });
    });
    await page.setInputFiles('#import-file', UPLOAD_FILE);
    const deadline = Date.now() + IMPORT_TIMEOUT_MS;
    let timing = await page.evaluate(() => ({ ...window.__importTiming! }));
    while (Number.isNaN(timing.idleAt) && Date.now() < deadline) {
      await sleep(100);
      timing = await page.evaluate(() => ({ ...window.__importTiming! }));
    }
    if (Number.isNaN(timing.idleAt)) {
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll('[role="alert"], [role="status"]')]
          .map((element) => element.textContent?.trim())
          .filter(Boolean)
          .join(' | '),
      );
      throw new Error(
        `the import did not finish in ${IMPORT_TIMEOUT_MS / 1000} s (change ${timing.changeAt}, listed ${timing.listedAt}, source ${timing.sourceAt}; page says: ${shown || 'nothing'}; errors: ${load.errors.join('; ') || 'none'})`,
      );
    }
    const longTasks = await page.evaluate(() => window.__bench!.longTasks);
    return {
      ms: timing.idleAt - timing.changeAt,
      longestTaskMs: longestIn(longTasks, timing.changeAt, timing.idleAt),
      stages: {
        listedMs: round(timing.listedAt - timing.changeAt),
        sourceAddedMs: round(timing.sourceAt - timing.changeAt),
        idleMs: round(timing.idleAt - timing.changeAt),
      },
    };
  } finally {
    await load.context.close();
  }
}

/** The bare page's baseline: JSON.parse + map.addSource + a circle layer, to the next `idle`. */
async function importInBare(browser: Browser, url: string, text: string): Promise<ImportRun> {
  const load = await openCold(browser, url);
  try {
    const result = await load.page.evaluate(async (geojson) => {
      const start = performance.now();
      const ms = await window.bareAddSource!(geojson);
      return { ms, start, end: performance.now(), longTasks: window.__bench!.longTasks };
    }, text);
    return { ms: result.ms, longestTaskMs: longestIn(result.longTasks, result.start, result.end) };
  } finally {
    await load.context.close();
  }
}
