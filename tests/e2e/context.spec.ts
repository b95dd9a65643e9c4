/**
 * The map around the document's places: the region's towns and rivers, the world beyond the
 * basemap's box, the scale bar and the view buttons, in the real app.
 */
import type { Page } from '@playwright/test';
import { COLOURS } from '../../src/lib/map/style/theme.ts';
import {
  expect,
  hexToRgb,
  openAtlas,
  pagePoint,
  pixelColour,
  test,
  waitForIdle,
} from './fixtures.ts';

/** The names drawn by the map's labels of these style layers (by id prefix), in view now. */
async function renderedNames(page: Page, prefix: string): Promise<string[]> {
  return page.evaluate((start) => {
    const map = window.passageAtlas!.map;
    const layers = map.getLayersOrder().filter((id) => id.startsWith(start));
    const names = map
      .queryRenderedFeatures({ layers })
      .map((feature) => String(feature.properties.name ?? feature.properties.label));
    return [...new Set(names)];
  }, prefix);
}

/** Waits until the map has its context (loaded beside it) and the view's towns drawn. */
async function viewWithContext(page: Page, hash: string): Promise<void> {
  await openAtlas(page, hash);
  await expect
    .poll(async () => (await renderedNames(page, 'context-towns')).length, { timeout: 15_000 })
    .toBeGreaterThan(0);
  await waitForIdle(page);
}

test('at the Lachin corridor the towns, villages and their two names are on the map', async ({
  atlas: { page },
}) => {
  await viewWithContext(page, '#map=11/39.58/46.5');
  const names = await renderedNames(page, 'context-towns');
  for (const name of ['Laçın', 'Tegh', 'Kornidzor', 'Zabux']) expect(names).toContain(name);
  const lachin = await page.evaluate(
    () =>
      window
        .passageAtlas!.map.queryRenderedFeatures({ layers: ['context-towns-3'] })
        .find((feature) => feature.properties.name === 'Laçın')?.properties,
  );
  expect(lachin).toMatchObject({ otherName: 'Berdzor' });
  await page.evaluate(() => window.passageAtlas!.map.jumpTo({ center: [46.38, 39.52], zoom: 10 }));
  await waitForIdle(page);
  expect(await renderedNames(page, 'context-towns')).toContain('Goris');
});

test('around Khankendi: Askeran and Khojaly beside the document’s own Shusha', async ({
  atlas: { page },
}) => {
  await viewWithContext(page, '#map=11/39.86/46.8');
  const towns = await renderedNames(page, 'context-towns');
  expect(towns).toEqual(expect.arrayContaining(['Əsgəran', 'Xocalı']));
  // The document's places are labelled by the atlas, not twice by the basemap.
  expect(towns).not.toContain('Xankəndi');
  expect(await renderedNames(page, 'places-label')).toEqual(
    expect.arrayContaining(['Khankendi', 'Shusha']),
  );
});

test('the rivers are drawn, the Kura named past Yevlakh and Mingachevir', async ({
  atlas: { page },
}) => {
  await viewWithContext(page, '#map=9/40.7/47.1');
  const rivers = await page.evaluate(
    () =>
      window.passageAtlas!.map.queryRenderedFeatures({
        layers: ['context-rivers-major', 'context-rivers-minor'],
      }).length,
  );
  expect(rivers).toBeGreaterThan(0);
  expect(await renderedNames(page, 'context-river-labels')).toContain('Kura');
});

test('no void anywhere: the world at zoom 2, and land beyond each edge of the box', async ({
  atlas: { page },
}) => {
  await openAtlas(page, '#map=2/40/46');
  // The ground is what is looked at here: the countries' names, tested apart, could stand on
  // the pixels looked at.
  await page.evaluate(() =>
    window.passageAtlas!.map.setLayoutProperty('context-world-labels', 'visibility', 'none'),
  );
  const isLand = async (lngLat: [number, number]) => {
    const colour = await pixelColour(page, await pagePoint(page, lngLat));
    return colour.every(
      (channel, index) => Math.abs(channel - hexToRgb(COLOURS.land)[index]!) <= 3,
    );
  };
  await expect.poll(() => isLand([25, 15]), { timeout: 15_000 }).toBe(true); // the Sahara
  for (const land of [
    [60, 56], // the Urals
    [78, 22], // India
    [10, 50], // Europe
  ] as [number, number][])
    expect(await isLand(land), `${land}`).toBe(true);
  // Each edge of the basemap's box, with the land beyond it: Turkey, Iran, Russia, and Iran again by the Caspian.
  for (const [centre, beyond] of [
    [
      [43, 40],
      [42.2, 40.2],
    ],
    [
      [47, 38],
      [47.2, 37.3],
    ],
    [
      [45, 42.5],
      [45, 43.3],
    ],
    [
      [50, 38],
      [49.6, 37.2],
    ],
  ] as [[number, number], [number, number]][]) {
    await page.evaluate((at) => window.passageAtlas!.map.jumpTo({ center: at, zoom: 7 }), centre);
    await waitForIdle(page);
    expect(await isLand(beyond), `beyond the box at ${centre}`).toBe(true);
  }
});

/** The scale bar and the sources' attribution are both whole on the map, neither over the other. */
async function expectScaleBesideAttribution(page: Page): Promise<void> {
  const boxOf = async (selector: string) => {
    const box = await page.locator(selector).boundingBox();
    expect(box, selector).not.toBeNull();
    return box!;
  };
  const scale = await boxOf('.maplibregl-ctrl-scale');
  const attribution = await boxOf('.maplibregl-ctrl-attrib');
  const map = await boxOf('.maplibregl-canvas');
  const apart =
    scale.x + scale.width <= attribution.x ||
    attribution.x + attribution.width <= scale.x ||
    scale.y + scale.height <= attribution.y ||
    attribution.y + attribution.height <= scale.y;
  expect(apart, `scale ${JSON.stringify(scale)}, attribution ${JSON.stringify(attribution)}`).toBe(
    true,
  );
  for (const box of [scale, attribution]) {
    expect(box.x).toBeGreaterThanOrEqual(map.x);
    expect(box.x + box.width).toBeLessThanOrEqual(map.x + map.width + 0.5);
    expect(box.y + box.height).toBeLessThanOrEqual(map.y + map.height + 0.5);
  }
}

test('beyond the box the world’s countries are named, the box’s own only once', async ({
  atlas: { page },
}) => {
  // Where a reader's text about Ukraine and its neighbours takes the map.
  await openAtlas(page, '#map=4.5/47/30');
  await expect
    .poll(async () => (await renderedNames(page, 'context-world-labels')).length, {
      timeout: 15_000,
    })
    .toBeGreaterThan(0);
  await waitForIdle(page);
  const world = await renderedNames(page, 'context-world-labels');
  for (const name of ['Ukraine', 'Romania', 'Belarus']) expect(world).toContain(name);
  // Turkey and Russia are named by the box's basemap, with its own labels: not again here.
  expect(world).not.toContain('Turkey');
  expect(world).not.toContain('Russia');
});

test('the scale bar shows a distance that follows the zoom', async ({ atlas: { page } }) => {
  await openAtlas(page, '#map=6/40.3/46.5');
  const scale = page.locator('.maplibregl-ctrl-scale');
  await expect(scale).toBeVisible();
  await expectScaleBesideAttribution(page);
  const far = await scale.textContent();
  expect(far).toMatch(/\d+\s*km/);
  await page.evaluate(() => window.passageAtlas!.map.jumpTo({ center: [46.5, 40.3], zoom: 11 }));
  await waitForIdle(page);
  await expect(scale).not.toHaveText(far!);
});

const zoomOf = (page: Page) => page.evaluate(() => window.passageAtlas!.map.getZoom());
const settled = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.passageAtlas!.map;
        if (!map.isMoving()) resolve();
        else map.once('moveend', () => resolve());
      }),
  );

test('the zoom buttons work by mouse and by keyboard', async ({ atlas: { page } }) => {
  await openAtlas(page, '#map=8/40/46.7');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await settled(page);
  expect(await zoomOf(page)).toBeCloseTo(9, 1);
  await page.getByRole('button', { name: 'Zoom out' }).focus();
  await page.keyboard.press('Enter');
  await settled(page);
  expect(await zoomOf(page)).toBeCloseTo(8, 1);
});

test.describe('on a touch screen 320 px wide', () => {
  test.use({ hasTouch: true, viewport: { width: 320, height: 640 } });

  test('a tap shows the whole region again: from the Lachin road to Baku', async ({
    atlas: { page },
  }) => {
    await openAtlas(page, '#map=11/39.58/46.5');
    const button = page.getByRole('button', { name: 'Show the whole region' });
    await expect(button).toBeInViewport();
    await button.tap();
    const inView = () =>
      page.evaluate(() => {
        const bounds = window.passageAtlas!.map.getBounds();
        return bounds.contains([46.53, 39.55]) && bounds.contains([49.87, 40.41]);
      });
    await expect.poll(inView, { timeout: 10_000 }).toBe(true);
  });

  test('the scale bar and the sources’ attribution are both readable, neither over the other', async ({
    atlas: { page },
  }) => {
    await openAtlas(page);
    await expect(page.locator('.maplibregl-ctrl-scale')).toBeVisible();
    await expectScaleBesideAttribution(page);
    // The bar takes no taps: one on it reaches the map beneath.
    const bar = (await page.locator('.maplibregl-ctrl-scale').boundingBox())!;
    const hit = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.className,
      [bar.x + bar.width / 2, bar.y + bar.height / 2],
    );
    expect(hit).toContain('maplibregl-canvas');
  });
});
