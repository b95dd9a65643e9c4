import type { Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { check } from '@placemarkio/check-geojson';
import {
  clickAt,
  expect,
  featureCoordinate,
  importFile,
  openAtlas,
  pagePoint,
  test,
  waitForIdle,
} from './fixtures.ts';

const popup = (page: Page) => page.locator('.maplibregl-popup');

const GOOD_LAYER = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [47.2, 40.3],
          [47.8, 40.9],
        ],
      },
      properties: { name: 'My traced road', surveyed: false, stops: ['A', 'B'] },
    },
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [48.3, 40.6] },
      properties: { name: 'A village', population: 1200 },
    },
    {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [48.5, 41.0],
            [48.9, 41.0],
            [48.9, 41.3],
            [48.5, 41.3],
            [48.5, 41.0],
          ],
        ],
      },
      properties: null,
    },
  ],
};

const importText = importFile;

/** The route still opens its popup: what the reader had is untouched. */
async function lachinRoadStillWorks(page: Page) {
  await clickAt(page, await featureCoordinate(page, 'lachin-road', 0.4), 10);
  await expect(popup(page).locator('h2')).toHaveText('Lachin road');
}

test('a good file: imported, fitted, clickable, exported and removed', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  await importText(page, 'my-trace.geojson', JSON.stringify(GOOD_LAYER));
  const row = page.locator('[data-imported-layer]');
  await expect(row).toContainText('my-trace');
  await expect(row).toContainText('(3)');
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText(
    '3 features',
  );
  await waitForIdle(page);
  // The view fits the new layer.
  const bounds = await page.evaluate(() => window.passageAtlas!.map.getBounds().toArray().flat());
  expect(bounds[0]).toBeLessThanOrEqual(47.2);
  expect(bounds[2]).toBeGreaterThanOrEqual(48.9);
  expect(bounds[3]).toBeGreaterThanOrEqual(41.3);

  // Its point opens a popup that lists its properties as text.
  const village = await pagePoint(page, [48.3, 40.6]);
  await page.mouse.click(village.x, village.y);
  await expect(popup(page).locator('h2')).toHaveText('A village');
  await expect(popup(page)).toContainText('population');
  await expect(popup(page)).toContainText('1200');
  await page.keyboard.press('Escape');

  const [file] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('button', { name: /Export/ }).click(),
  ]);
  expect(file.suggestedFilename()).toBe('passage-atlas-my-trace.geojson');
  const text = await readFile((await file.path())!, 'utf8');
  check(text);
  const exported = JSON.parse(text);
  expect(exported.features).toHaveLength(3);
  expect(exported.features[0].properties).toEqual(GOOD_LAYER.features[0]!.properties);

  await row.getByRole('button', { name: /Remove/ }).click();
  await expect(row).toHaveCount(0);
  await waitForIdle(page);
  expect(
    await page.evaluate(() =>
      window.passageAtlas!.map.getStyle().layers.filter((layer) => layer.id.startsWith('import-')),
    ),
  ).toEqual([]);
  await lachinRoadStillWorks(page);
});

test('a file dropped on the map is imported', async ({ atlas: { page } }) => {
  await openAtlas(page);
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.geojson', { type: 'application/geo+json' }));
    return transfer;
  }, JSON.stringify(GOOD_LAYER));
  await page.dispatchEvent('.map-area', 'dragover', { dataTransfer });
  await expect(page.locator('.drop-hint')).toBeVisible();
  await page.dispatchEvent('.map-area', 'drop', { dataTransfer });
  await expect(page.locator('[data-imported-layer]')).toContainText('dropped');
});

test('every broken file is refused with a message that says what and where', async ({
  atlas: { page },
}, testInfo) => {
  test.setTimeout(180_000);
  const expected: Record<string, string> = JSON.parse(
    await readFile('tests/fixtures/bad/expected.json', 'utf8'),
  );
  const files = Object.keys(expected).filter((name) => !name.startsWith('('));
  expect(files.length).toBeGreaterThanOrEqual(40);
  await openAtlas(page);
  // A layer the reader already imported must survive every refused file.
  await importText(page, 'kept.geojson', JSON.stringify(GOOD_LAYER));
  await expect(page.locator('[data-imported-layer]')).toContainText('kept');
  const alert = page.locator('.import-problems[role="alert"]');
  for (const name of files) {
    await importText(page, name, await readFile(`tests/fixtures/bad/${name}`));
    await expect(alert, name).toContainText(expected[name]!);
    await expect(alert, name).toContainText('the layers you have are unchanged');
  }
  // Over the size limit: refused before it is read.
  const huge = testInfo.outputPath('huge.geojson');
  await writeFile(huge, Buffer.alloc(50 * 1024 * 1024 + 1, 32));
  await page.setInputFiles('#import-file', huge);
  await expect(alert).toContainText('huge.geojson: the file is 50.0 MB; the limit is 50.0 MB');
  await expect(page.locator('[data-imported-layer]')).toHaveCount(1);
  await expect(page.locator('[data-imported-layer]')).toContainText('(3)');
  await lachinRoadStillWorks(page);
});

test('a large file is read off the main thread, with progress', async ({
  atlas: { page },
}, testInfo) => {
  test.setTimeout(180_000);
  await openAtlas(page);
  const points = Array.from({ length: 100_000 }, (_, index) => ({
    type: 'Feature',
    geometry: {
      type: 'Point',
      coordinates: [44 + (index % 400) / 70, 38.5 + (index / 100_000) * 3.5],
    },
    properties: { index },
  }));
  const text = JSON.stringify({ type: 'FeatureCollection', features: points });
  const sawProgress = page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        new MutationObserver((_, observer) => {
          if (document.querySelector('.import-progress progress')) {
            observer.disconnect();
            resolve(true);
          }
        }).observe(document.body, { childList: true, subtree: true });
      }),
  );
  // From disk: the browser reads the file itself, as it would a reader's.
  const path = testInfo.outputPath('points.geojson');
  await writeFile(path, text);
  await page.setInputFiles('#import-file', path);
  expect(await sawProgress).toBe(true);
  const row = page.locator('[data-imported-layer]');
  await expect(row).toContainText('(100000)', { timeout: 60_000 });
  await expect(row).toContainText('In clusters until zoom 12');
  await waitForIdle(page);

  // So many points are drawn in clusters; a click on one zooms in on it.
  const clusters = await page.evaluate(() =>
    window
      .passageAtlas!.map.queryRenderedFeatures({ layers: ['import-1-cluster'] })
      .map((feature) => (feature.geometry as GeoJSON.Point).coordinates as [number, number]),
  );
  expect(clusters.length).toBeGreaterThan(0);
  const zoomBefore = await page.evaluate(() => window.passageAtlas!.map.getZoom());
  const cluster = await pagePoint(page, clusters[0]!);
  await page.mouse.click(cluster.x, cluster.y);
  await expect
    .poll(() => page.evaluate(() => window.passageAtlas!.map.getZoom()))
    .toBeGreaterThan(zoomBefore + 0.5);
  await expect(popup(page)).toHaveCount(0);

  // Closer in, each point is itself: a click opens that point's popup, its own properties.
  const index = 12_345;
  const coordinates = points[index]!.geometry.coordinates as [number, number];
  await page.evaluate(
    (center) => window.passageAtlas!.map.jumpTo({ center, zoom: 15 }),
    coordinates,
  );
  await waitForIdle(page);
  const point = await pagePoint(page, coordinates);
  await page.mouse.click(point.x, point.y);
  await expect(popup(page)).toContainText('index');
  await expect(popup(page)).toContainText(String(index));
  await page.keyboard.press('Escape');
  await lachinRoadStillWorks(page);
});
