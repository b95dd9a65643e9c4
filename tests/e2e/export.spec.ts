import { check } from '@placemarkio/check-geojson';
import type { Download, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { booleanIntersects } from '@turf/boolean-intersects';
import { bboxPolygon } from '@turf/bbox-polygon';
import { expect, openAtlas, test, waitForIdle } from './fixtures.ts';
import type { AtlasFeature } from '../../src/lib/geo/contract.ts';

async function download(page: Page, click: () => Promise<void>): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return file;
}

async function exportedCollection(file: Download) {
  const text = await readFile((await file.path())!, 'utf8');
  check(text); // throws on anything that is not valid GeoJSON
  return JSON.parse(text) as {
    type: string;
    layer: string;
    document: { title: string; sha256: string };
    features: AtlasFeature[];
  };
}

test('each layer exports as the contract’s FeatureCollection, with excerpts and sources', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  for (const layer of ['routes', 'places', 'borders', 'areas']) {
    const file = await download(page, () =>
      page
        .locator('.layer-row')
        .filter({ hasText: new RegExp(layer === 'areas' ? 'Regions' : layer, 'i') })
        .getByRole('button', { name: /Export/ })
        .click(),
    );
    expect(file.suggestedFilename()).toBe(`passage-atlas-${layer}.geojson`);
    const collection = await exportedCollection(file);
    expect(collection.layer).toBe(layer);
    expect(collection.document.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(collection.features.length).toBeGreaterThan(0);
    for (const feature of collection.features) {
      expect(feature.properties.mentions.length).toBeGreaterThan(0);
      expect(feature.properties.sources.length).toBeGreaterThan(0);
      expect(Object.keys(feature)).toEqual(['type', 'id', 'geometry', 'properties']);
    }
  }
});

test('all layers, and the selected place, export on their own', async ({ atlas: { page } }) => {
  await openAtlas(page);
  const all = await exportedCollection(
    await download(page, () => page.getByRole('button', { name: 'All layers' }).click()),
  );
  const ids = all.features.map((feature) => feature.id);
  expect(ids).toEqual(expect.arrayContaining(['lachin-road', 'yevlakh', 'garabagh-region']));

  await page.locator('.feature-button[data-feature-id="yevlakh"]').click();
  const selected = await download(page, () =>
    page.getByRole('button', { name: 'Selected place' }).click(),
  );
  expect(selected.suggestedFilename()).toBe('passage-atlas-yevlakh.geojson');
  const collection = await exportedCollection(selected);
  expect(collection.features.map((feature) => feature.id)).toEqual(['yevlakh']);
  expect(collection.features[0]!.properties.mentions[0]!.excerpt).toContain(
    'take place in Yevlakh',
  );
});

test('“what is in view” holds exactly the features that intersect the view', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  // A view over the Lachin road's south end: the routes cross it, Baku and Yevlakh are far off.
  await page.evaluate(() => window.passageAtlas!.map.jumpTo({ center: [46.6, 39.62], zoom: 10 }));
  await waitForIdle(page);
  const bounds = await page.evaluate(() => window.passageAtlas!.map.getBounds().toArray().flat());
  const all = await exportedCollection(
    await download(page, () => page.getByRole('button', { name: 'All layers' }).click()),
  );
  const view = bboxPolygon(bounds as [number, number, number, number]);
  const expected = all.features
    .filter((feature) => booleanIntersects(feature, view))
    .map((f) => f.id);
  const inView = await exportedCollection(
    await download(page, () => page.getByRole('button', { name: 'What is in view' }).click()),
  );
  expect(inView.features.map((feature) => feature.id)).toEqual(expected);
  expect(expected).toEqual(expect.arrayContaining(['lachin-road']));
  expect(expected).not.toContain('baku');
});

test('the map exports as a PNG of the map’s size', async ({ atlas: { page } }) => {
  await openAtlas(page);
  const file = await download(page, () => page.getByRole('button', { name: 'Map as PNG' }).click());
  expect(file.suggestedFilename()).toBe('passage-atlas-map.png');
  const bytes = await readFile((await file.path())!);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  const size = { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  const canvas = await page.evaluate(() => {
    const element = window.passageAtlas!.map.getCanvas();
    return { width: element.width, height: element.height };
  });
  expect(size).toEqual(canvas);
  // Not a blank image: the compressed map is far larger than a flat colour would be.
  expect(bytes.length).toBeGreaterThan(20_000);
});
