/**
 * A real click on a button that saves a file, timed in the page from the click to the page's
 * click on the download link (src/lib/ui/download.ts), with the longest main-thread task
 * meanwhile: how long the page stops answering at worst while it makes the file.
 */
import type { Download, Page } from 'playwright-core';
import { longestIn } from './util.ts';

export interface TimedDownload {
  download: Download;
  /** From the click to the page's click on the download link. */
  ms: number;
  /** The longest main-thread task meanwhile; 0 when none was long (over 50 ms). */
  longestTaskMs: number;
}

export async function timedDownload(
  page: Page,
  buttonSelector: string,
  timeoutMs: number,
): Promise<TimedDownload> {
  await page.evaluate((selector) => {
    const timing = { clickAt: NaN, savedAt: NaN };
    window.__downloadTiming = timing;
    const button = document.querySelector(selector)!;
    button.addEventListener('click', () => (timing.clickAt = performance.now()), {
      capture: true,
      once: true,
    });
    const saved = (event: Event) => {
      if (!(event.target instanceof HTMLAnchorElement) || !event.target.download) return;
      timing.savedAt = performance.now();
      window.removeEventListener('click', saved, true);
    };
    window.addEventListener('click', saved, true);
  }, buttonSelector);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: timeoutMs }),
    page.click(buttonSelector),
  ]);
  const timing = await page.evaluate(() => ({ ...window.__downloadTiming! }));
  if (Number.isNaN(timing.clickAt) || Number.isNaN(timing.savedAt)) {
    throw new Error(`the click or the download was not seen (${JSON.stringify(timing)})`);
  }
  // The download's own task ends after savedAt: take the tasks that began up to then.
  const longTasks = await page.evaluate(() => window.__bench!.longTasks);
  return {
    download,
    ms: timing.savedAt - timing.clickAt,
    longestTaskMs: longestIn(longTasks, timing.clickAt, timing.savedAt),
  };
}
