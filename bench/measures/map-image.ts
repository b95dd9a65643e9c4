/**
 * The map as a PNG fit to publish, made from the page as a reader does (a real click on "Map as
 * PNG"): the longest main-thread task from the click to the download, against the
 * straightforward way in the same page — the reader's own map set to the image's pixel ratio,
 * its canvas copied in the frame it is drawn, and set back.
 */
import type { Page } from 'playwright-core';
import { atMost, type BrowserMeasurement } from '../harness/measurement.ts';
import { openCold } from '../harness/page-load.ts';
import { timedDownload } from '../harness/timed-download.ts';
import { log, longestIn, median, round } from '../harness/util.ts';
import { quietPage } from './export-page.ts';

const IMAGE_RUNS = 3;
const IMAGE_TIMEOUT_MS = 180_000;

interface ImageRun {
  ms: number;
  longestTaskMs: number;
}

export const mapImageMeasurement: BrowserMeasurement = {
  name: 'image',
  kind: 'browser',
  goals: { imageLongestTaskMs: atMost(200), imageTaskRatio: atMost(0.25) },
  async run({ browser, appOrigin }) {
    log(`map image: ${IMAGE_RUNS} images from the page, ${IMAGE_RUNS} the straightforward way`);
    const load = await openCold(browser, `${appOrigin}/`);
    try {
      const { page } = load;
      const runs: ImageRun[] = [];
      const straightforward: ImageRun[] = [];
      for (let run = 0; run < IMAGE_RUNS; run++) {
        await quietPage(page);
        runs.push(await imageFromThePage(page));
        await quietPage(page);
        straightforward.push(await imageTheStraightforwardWay(page));
      }
      const longest = Math.max(...runs.map((run) => run.longestTaskMs));
      const baseline = Math.max(...straightforward.map((run) => run.longestTaskMs));
      return {
        values: {
          imageLongestTaskMs: round(longest),
          imageTaskRatio: baseline > 0 ? round(longest / baseline, 3) : null,
        },
        baseline: { straightforwardLongestTaskMs: round(baseline) },
        details: {
          mapImage: {
            runs: runs.map((run) => ({
              ms: round(run.ms),
              longestTaskMs: round(run.longestTaskMs),
            })),
            straightforward: straightforward.map((run) => ({
              ms: round(run.ms),
              longestTaskMs: round(run.longestTaskMs),
            })),
            clickToDownloadMedianMs: round(median(runs.map((run) => run.ms))),
          },
        },
      };
    } finally {
      await load.context.close();
    }
  },
};

/** A real click on "Map as PNG", timed in the page to its download. */
async function imageFromThePage(page: Page): Promise<ImageRun> {
  const { ms, longestTaskMs } = await timedDownload(
    page,
    'button.map-image-button',
    IMAGE_TIMEOUT_MS,
  );
  return { ms, longestTaskMs };
}

/**
 * The same pixels the straightforward way: the reader's map at the image's ratio (as
 * src/lib/map/map-snapshot.ts works it out), copied in the frame it is drawn, encoded, set back.
 */
async function imageTheStraightforwardWay(page: Page): Promise<ImageRun> {
  const span = await page.evaluate(async () => {
    const map = window.passageAtlas!.map;
    const container = map.getContainer();
    const ratio = Math.min(
      Math.max(2 * devicePixelRatio, 2000 / container.clientWidth),
      4096 / container.clientWidth,
      4096 / container.clientHeight,
    );
    const start = performance.now();
    map.setPixelRatio(ratio);
    const copy = await new Promise<HTMLCanvasElement>((resolve) => {
      map.once('idle', () => {
        const canvas = map.getCanvas();
        const target = document.createElement('canvas');
        target.width = canvas.width;
        target.height = canvas.height;
        target.getContext('2d')!.drawImage(canvas, 0, 0);
        resolve(target);
      });
    });
    const restored = new Promise<void>((resolve) => map.once('idle', () => resolve()));
    map.setPixelRatio(devicePixelRatio);
    await new Promise<Blob | null>((resolve) => copy.toBlob(resolve, 'image/png'));
    await restored;
    return { start, end: performance.now() };
  });
  const longTasks = await page.evaluate(() => window.__bench!.longTasks);
  return { ms: span.end - span.start, longestTaskMs: longestIn(longTasks, span.start, span.end) };
}
