/**
 * Exporting the bench's 100 000 imported points from the page, as a reader does (a real click
 * on the layer's "Export"): the longest main-thread task from the click to the file's download,
 * which is how long the page stops answering at worst. The page exports in a worker; the goal is
 * that no task of the page's is long (the browser reports tasks over 50 ms).
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { atMost, type BrowserMeasurement } from '../harness/measurement.ts';
import { openCold } from '../harness/page-load.ts';
import { ROOT } from '../harness/processes.ts';
import { timedDownload } from '../harness/timed-download.ts';
import { log, median, round, sleep } from '../harness/util.ts';
import { benchPoints, pointsFileText, POINT_LAYER } from '../points.ts';

/** Exports per page: the first also loads the export's code. */
const EXPORT_RUNS = 3;
const IMPORT_TIMEOUT_MS = 120_000;
const EXPORT_TIMEOUT_MS = 60_000;
/**
 * Time an export only once the page is quiet: no long task for this long (after the import the
 * map draws its clusters and the panel lists the layer).
 */
const QUIET_MS = 2_000;
const QUIET_TIMEOUT_MS = 60_000;
/** The points as a reader's file (a path: Playwright sends a path faster than 12 MB of bytes). */
const UPLOAD_FILE = join(ROOT, 'bench', 'results', 'export-upload.tmp', `${POINT_LAYER}.geojson`);

export interface ExportRun {
  /** From the click on "Export" to the page's click on the download link. */
  ms: number;
  /** The longest main-thread task meanwhile; 0 when none was long (over 50 ms). */
  longestTaskMs: number;
  fileName: string;
  megabytes: number;
}

export const exportPage: BrowserMeasurement = {
  name: 'export',
  kind: 'browser',
  goals: { exportLongestTaskMs: atMost(50) },
  async run({ browser, appOrigin }) {
    log(`export of 100 000 imported points from the page: ${EXPORT_RUNS} exports`);
    const runs = await exportsInApp(browser, `${appOrigin}/`, EXPORT_RUNS);
    return {
      values: { exportLongestTaskMs: round(Math.max(...runs.map((run) => run.longestTaskMs))) },
      details: {
        exportPage: {
          runs: runs.map((run) => ({
            ...run,
            ms: round(run.ms),
            longestTaskMs: round(run.longestTaskMs),
          })),
          clickToDownloadMedianMs: round(median(runs.map((run) => run.ms))),
          note: 'the longest task over all exports; 0 means none over 50 ms',
        },
      },
    };
  },
};

/** Imports the bench's points into the app at `appUrl`, then exports them `count` times. */
export async function exportsInApp(
  browser: Browser,
  appUrl: string,
  count: number,
): Promise<ExportRun[]> {
  const load = await openCold(browser, appUrl);
  const { page } = load;
  try {
    mkdirSync(dirname(UPLOAD_FILE), { recursive: true });
    writeFileSync(UPLOAD_FILE, pointsFileText(benchPoints()));
    await page.setInputFiles('#import-file', UPLOAD_FILE);
    await page.waitForSelector('[data-imported-layer] .layer-export', {
      timeout: IMPORT_TIMEOUT_MS,
    });
    await quietPage(page);
    const runs: ExportRun[] = [];
    for (let run = 0; run < count; run++) {
      await quietPage(page);
      runs.push(await exportOnce(page));
    }
    return runs;
  } catch (error) {
    throw new Error(
      `${(error as Error).message} (page errors: ${load.errors.join('; ') || 'none'})`,
      { cause: error },
    );
  } finally {
    await load.context.close();
  }
}

/** Waits until the page has had no long task for QUIET_MS (or QUIET_TIMEOUT_MS passed). */
export async function quietPage(page: Page): Promise<void> {
  const deadline = Date.now() + QUIET_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const quietFor = await page.evaluate(() => {
      const ends = window.__bench!.longTasks.map((task) => task.start + task.duration);
      return performance.now() - Math.max(0, ...ends);
    });
    if (quietFor >= QUIET_MS) return;
    await sleep(QUIET_MS - quietFor);
  }
}

/** One real click on the imported layer's "Export", timed in the page to its download. */
async function exportOnce(page: Page): Promise<ExportRun> {
  const { download, ms, longestTaskMs } = await timedDownload(
    page,
    '[data-imported-layer] .layer-export',
    EXPORT_TIMEOUT_MS,
  );
  const { size } = statSync(await download.path());
  return {
    ms,
    longestTaskMs,
    fileName: download.suggestedFilename(),
    megabytes: round(size / 1e6, 2),
  };
}
