/** Real clicks on the Lachin road: from the `click` event to the popup in the DOM. */
import type { Page } from 'playwright-core';
import { atMost, type BrowserMeasurement } from '../harness/measurement.ts';
import { openCold } from '../harness/page-load.ts';
import { log, median, round, sleep } from '../harness/util.ts';

const POPUP_RUNS = 9;
/** The Lachin road seen close up. */
const POPUP_VIEW = { center: [46.6, 39.64] as [number, number], zoom: 10 };
const POPUP_FEATURE = 'lachin-road';

interface PopupRun {
  clickToPopupMs: number;
  mousedownToPopupMs: number;
  clickToNextFrameMs: number;
  picked: string | null;
}

export const popup: BrowserMeasurement = {
  name: 'popup',
  kind: 'browser',
  goals: { popupMs: atMost(50) },
  async run({ browser, appOrigin }) {
    log(`popup: ${POPUP_RUNS} clicks on ${POPUP_FEATURE}`);
    const load = await openCold(browser, `${appOrigin}/`);
    try {
      const { runs, point } = await clickTheRoute(load.page);
      const missed = runs.filter((run) => run.picked !== POPUP_FEATURE).length;
      return {
        values: { popupMs: round(median(runs.map((run) => run.clickToPopupMs)), 1) },
        notes:
          missed > 0 ? [`popupMs: ${missed} of ${runs.length} clicks picked another feature`] : [],
        details: { popup: { runs, point } },
      };
    } finally {
      await load.context.close();
    }
  },
};

/** The view the clicks are made in, drawn. */
function showPopupView(page: Page): Promise<void> {
  return page.evaluate(
    (view) =>
      new Promise<void>((done) => {
        const map = window.passageAtlas!.map;
        map.jumpTo(view);
        map.once('idle', () => done());
        map.triggerRepaint();
      }),
    POPUP_VIEW,
  );
}

async function clickTheRoute(
  page: Page,
): Promise<{ runs: PopupRun[]; point: { x: number; y: number } }> {
  await showPopupView(page);
  const point = await page.evaluate((featureId) => {
    const { map, atlas } = window.passageAtlas!;
    const entry = atlas.features.get(featureId);
    if (!entry) throw new Error(`the app has no feature ${featureId}`);
    const geometry = entry.feature.geometry;
    if (geometry.type !== 'LineString' || geometry.coordinates.length < 4)
      throw new Error(`${featureId} is not a line of 4 or more points`);
    // The middle of its third segment: on the drawn line, not on a vertex.
    const [a, b] = [geometry.coordinates[2]!, geometry.coordinates[3]!];
    const projected = map.project([(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2]);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + projected.x, y: rect.top + projected.y };
  }, POPUP_FEATURE);
  await page.evaluate(() => {
    const timing = { downAt: NaN, clickAt: NaN, shownAt: NaN, frameAt: NaN };
    window.__popupTiming = timing;
    const options = { capture: true };
    window.addEventListener('mousedown', () => (timing.downAt = performance.now()), options);
    window.addEventListener('click', () => (timing.clickAt = performance.now()), options);
    new MutationObserver(() => {
      if (
        Number.isNaN(timing.shownAt) &&
        !Number.isNaN(timing.clickAt) &&
        document.querySelector('.maplibregl-popup')
      ) {
        timing.shownAt = performance.now();
        requestAnimationFrame(() => (timing.frameAt = performance.now()));
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  const runs: PopupRun[] = [];
  for (let run = 0; run < POPUP_RUNS; run++) {
    // A popup moves the map as far as it needs to sit beside its feature: back to the view.
    await showPopupView(page);
    await page.evaluate(() => {
      const timing = window.__popupTiming!;
      timing.downAt = timing.clickAt = timing.shownAt = timing.frameAt = NaN;
    });
    await page.mouse.move(point.x, point.y);
    await sleep(150);
    await page.mouse.down();
    await page.mouse.up();
    const deadline = Date.now() + 10_000;
    let timing = await page.evaluate(() => ({ ...window.__popupTiming! }));
    while (Number.isNaN(timing.frameAt) && Date.now() < deadline) {
      await sleep(25);
      timing = await page.evaluate(() => ({ ...window.__popupTiming! }));
    }
    if (Number.isNaN(timing.frameAt)) throw new Error('no popup opened after a click on the route');
    const picked = await page.evaluate(
      () => window.passageAtlas!.atlas.selection?.featureId ?? null,
    );
    runs.push({
      clickToPopupMs: round(timing.shownAt - timing.clickAt, 2),
      mousedownToPopupMs: round(timing.shownAt - timing.downAt, 2),
      clickToNextFrameMs: round(timing.frameAt - timing.clickAt, 2),
      picked,
    });
    await page.keyboard.press('Escape');
    await page.waitForSelector('.maplibregl-popup', { state: 'detached', timeout: 5_000 });
    // Far enough apart that two clicks are never a double click (a zoom).
    await sleep(600);
  }
  return { runs, point };
}
