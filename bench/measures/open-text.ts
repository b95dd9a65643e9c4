/**
 * openTextMs: a reader pastes a 100 KB news text (bench/news-text.ts) and asks for its places;
 * from the form's `submit` to the map's `idle` once their source is on the map — the text read,
 * its places found in the worker (the world gazetteer loaded first: a fresh page), the layer
 * added, the reading panel filled, the places drawn. Then the same again in the same page, the
 * gazetteer loaded (openTextWarmMs); and the longest main-thread task over all of it.
 */
import type { Browser, Page } from 'playwright-core';
import { atMost, type BrowserMeasurement } from '../harness/measurement.ts';
import { openCold } from '../harness/page-load.ts';
import { log, longestIn, median, round, sleep } from '../harness/util.ts';
import { newsText } from '../news-text.ts';

const RUNS = 3;
const OPEN_TIMEOUT_MS = 60_000;

interface OpenRun {
  ms: number;
  longestTaskMs: number;
  places: number;
  stages: { sourceMs: number; idleMs: number };
}

/** Pastes the text, asks for its places, and times it to the map's idle. */
async function openText(page: Page, text: string): Promise<OpenRun> {
  await page.locator('#paste-text').fill(text);
  await page.evaluate(() => {
    const map = window.passageAtlas!.map;
    const before = new Set(Object.keys(map.getStyle().sources));
    const timing = { submitAt: NaN, sourceAt: NaN, idleAt: NaN, source: '' };
    window.__openTextTiming = timing;
    window.addEventListener('submit', () => (timing.submitAt = performance.now()), {
      capture: true,
      once: true,
    });
    const onSource = (event: { sourceId: string }) => {
      if (before.has(event.sourceId) || !event.sourceId.startsWith('text-')) return;
      map.off('sourcedata', onSource);
      timing.sourceAt = performance.now();
      timing.source = event.sourceId;
      map.once('idle', () => (timing.idleAt = performance.now()));
      map.triggerRepaint();
    };
    map.on('sourcedata', onSource);
  });
  await page.getByRole('button', { name: 'Find its places' }).click();
  const deadline = Date.now() + OPEN_TIMEOUT_MS;
  let timing = await page.evaluate(() => ({ ...window.__openTextTiming! }));
  while (Number.isNaN(timing.idleAt) && Date.now() < deadline) {
    await sleep(25);
    timing = await page.evaluate(() => ({ ...window.__openTextTiming! }));
  }
  if (Number.isNaN(timing.idleAt))
    throw new Error(`the text did not open in ${OPEN_TIMEOUT_MS} ms`);
  const { longTasks, places } = await page.evaluate((source) => {
    const layer = window.passageAtlas!.atlas.layer(source);
    return {
      longTasks: window.__bench!.longTasks,
      places: layer?.origin === 'text' ? layer.data.features.length : 0,
    };
  }, timing.source);
  return {
    ms: timing.idleAt - timing.submitAt,
    longestTaskMs: longestIn(longTasks, timing.submitAt, timing.idleAt),
    places,
    stages: {
      sourceMs: round(timing.sourceAt - timing.submitAt),
      idleMs: round(timing.idleAt - timing.submitAt),
    },
  };
}

async function openTwice(browser: Browser, url: string, text: string) {
  const load = await openCold(browser, url);
  try {
    await load.page.locator('#paste-text').waitFor({ timeout: OPEN_TIMEOUT_MS });
    const cold = await openText(load.page, text);
    const warm = await openText(load.page, text);
    return { cold, warm };
  } finally {
    await load.context.close();
  }
}

const rounded = (run: OpenRun) => ({
  ...run,
  ms: round(run.ms),
  longestTaskMs: round(run.longestTaskMs),
});

export const openTextMeasurement: BrowserMeasurement = {
  name: 'open-text',
  kind: 'browser',
  goals: {
    openTextMs: atMost(1500),
    openTextWarmMs: atMost(500),
    openTextLongestTaskMs: atMost(100),
  },
  async run({ browser, appOrigin }) {
    const text = newsText();
    log(`open-text: ${RUNS} pages, a ${round(text.length / 1000, 0)} kB text pasted twice in each`);
    const runs = [];
    for (let run = 0; run < RUNS; run++) runs.push(await openTwice(browser, `${appOrigin}/`, text));
    const all = runs.flatMap((run) => [run.cold, run.warm]);
    return {
      values: {
        openTextMs: round(median(runs.map((run) => run.cold.ms))),
        openTextWarmMs: round(median(runs.map((run) => run.warm.ms))),
        openTextLongestTaskMs: round(Math.max(...all.map((run) => run.longestTaskMs))),
      },
      details: {
        openText: {
          textBytes: text.length,
          cold: runs.map((run) => rounded(run.cold)),
          warm: runs.map((run) => rounded(run.warm)),
        },
      },
    };
  },
};
