import { check } from '@placemarkio/check-geojson';
import type { Download, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { booleanIntersects } from '@turf/boolean-intersects';
import { bboxPolygon } from '@turf/bbox-polygon';
import { expect, openAtlas, test, waitForIdle } from './fixtures.ts';
import type { AtlasFeature } from '../../src/lib/geo/contract.ts';
import { citationsSeenByOgrinfo } from '../unit/ogrinfo.ts';

/** The document's citation, as every exported feature of it carries it. */
const CITATION =
  'Ministry of Foreign Affairs of the Republic of Azerbaijan, “It is important to ensure that ' +
  'the historic opportunity for durable peace is not missed”, 14 August 2023, ' +
  'web address not established';

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
    document: { title: string; publisher: string; published: string; sha256: string };
    layers?: { layer: string; ids: unknown[] }[];
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
    expect(collection.document.publisher).toBe(
      'Ministry of Foreign Affairs of the Republic of Azerbaijan',
    );
    expect(collection.document.published).toBe('2023-08-14');
    expect(collection.features.length).toBeGreaterThan(0);
    for (const feature of collection.features) {
      expect(feature.properties.mentions.length).toBeGreaterThan(0);
      expect(feature.properties.sources.length).toBeGreaterThan(0);
      expect(feature.properties.citation).toBe(CITATION);
      expect(Object.keys(feature)).toEqual(['type', 'id', 'geometry', 'properties']);
    }
  }
});

test('all layers, and the selected place, export on their own', async ({ atlas: { page } }) => {
  await openAtlas(page);
  const allFile = await download(page, () =>
    page.getByRole('button', { name: 'All layers' }).click(),
  );
  const all = await exportedCollection(allFile);
  const ids = all.features.map((feature) => feature.id);
  expect(ids).toEqual(expect.arrayContaining(['lachin-road', 'yevlakh', 'garabagh-region']));
  // GDAL (and so QGIS) reads the citation on every feature of the page's download.
  const seen = await citationsSeenByOgrinfo((await allFile.path())!);
  expect(seen.featureCount).toBe(all.features.length);
  expect(seen.citations).toEqual(all.features.map(() => CITATION));

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

test('“Visible layers” exports only the layers switched on, the reader’s own included', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  await page.setInputFiles('#import-file', {
    name: 'my-wells.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [47.1, 40.2] },
            properties: { name: 'Well' },
          },
        ],
      }),
    ),
  });
  await expect(page.locator('[data-imported-layer]')).toContainText('my-wells');
  const toggle = (name: string | RegExp) =>
    page.locator('.layer-toggle').filter({ hasText: name }).getByRole('checkbox');
  await toggle('Routes').uncheck();
  await toggle('Borders').uncheck();

  const file = await download(page, () =>
    page.getByRole('button', { name: 'Visible layers' }).click(),
  );
  expect(file.suggestedFilename()).toBe('passage-atlas-visible-layers.geojson');
  const visible = await exportedCollection(file);
  expect(visible.layer).toBe('visible');
  expect(visible.layers!.map((entry) => entry.layer)).toEqual(['areas', 'places', 'my-wells']);
  const ids = visible.features.map((feature) => feature.id);
  expect(ids).toEqual(expect.arrayContaining(['yevlakh', 'garabagh-region']));
  expect(ids).not.toContain('lachin-road');
  expect(ids).not.toContain('armenia-azerbaijan-border');
  // The reader's well is theirs: no citation of the document is put on it.
  const well = visible.features.at(-1)!;
  expect(well.properties).toEqual({ name: 'Well' });
  for (const feature of visible.features.slice(0, -1)) {
    expect(feature.properties.citation).toBe(CITATION);
  }
  await expect(page.locator('.export-message')).toHaveText(
    `Saved passage-atlas-visible-layers.geojson (${visible.features.length} features).`,
  );

  // "All layers" still holds every layer, switched on or not.
  const all = await exportedCollection(
    await download(page, () => page.getByRole('button', { name: 'All layers' }).click()),
  );
  expect(all.layers!.map((entry) => entry.layer)).toEqual([
    'areas',
    'borders',
    'routes',
    'places',
    'my-wells',
  ]);

  // With every layer off, nothing is saved, and the page says why.
  for (const name of ['Regions and countries', 'Places', 'my-wells']) await toggle(name).uncheck();
  await page.getByRole('button', { name: 'Visible layers' }).click();
  await expect(page.locator('.export-message')).toHaveText(
    'Nothing was exported: every layer is switched off.',
  );
});

test('the page names the document: its date in the header, its citation over the text', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  await expect(page.locator('.app-header .doc-title')).toHaveText(
    'It is important to ensure that the historic opportunity for durable peace is not missed, ' +
      '14 August 2023',
  );
  await expect(page.locator('.reading-panel .panel-note .citation')).toHaveText(`${CITATION}.`);
});
