/**
 * A reader's layers as first-class layers: shown and hidden, removed while another loads, each
 * in a colour of its own, labelled, in the legend, the list and the search, with permalinks,
 * kept across a reload (or said not to be), swapped coordinates offered a fix, CSV read.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import {
  clickAt,
  expect,
  importFile,
  openAtlas,
  renderedCount,
  test,
  waitForIdle,
} from './fixtures.ts';

const popup = (page: Page) => page.locator('.maplibregl-popup');
const row = (page: Page, id: string) => page.locator(`[data-imported-layer="${id}"]`);
const layerIds = (id: string) => [`${id}-circle`, `${id}-cluster`, `${id}-line`, `${id}-fill`];

function points(places: [string, number, number][]) {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: places.map(([name, longitude, latitude]) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [longitude, latitude] },
      properties: { name, kind: `a ${name.toLowerCase()} place`, note: `note on ${name}` },
    })),
  });
}

const NORTH: [string, number, number][] = [
  ['Northwell', 47.0, 41.2],
  ['Northridge', 47.3, 41.4],
];
const SOUTH: [string, number, number][] = [
  ['Southpond', 48.5, 39.2],
  ['Southmill', 48.8, 39.0],
];

/** A layer large enough that the map takes a while to load it. */
function manyPoints(count: number) {
  return points(
    Array.from({ length: count }, (_, index): [string, number, number] => [
      `Point ${index + 1}`,
      44.5 + (index % 300) / 60,
      38.8 + Math.floor(index / 300) / 60,
    ]),
  );
}

/** The colour each present imported layer is drawn in, from the map's own style. */
const drawnColours = (page: Page) =>
  page.evaluate(() => {
    const map = window.passageAtlas!.map;
    return window
      .passageAtlas!.atlas.importedLayers.map((layer) =>
        map.getPaintProperty(`${layer.id}-circle`, 'circle-color'),
      )
      .map(String);
  });

test('two layers, one hidden; one removed while it loads, one while another loads; every colour its own', async ({
  atlas: { page },
}) => {
  test.setTimeout(180_000);
  await openAtlas(page);
  await importFile(page, 'north.geojson', points(NORTH));
  await expect(row(page, 'import-1')).toContainText('north');
  await importFile(page, 'south.geojson', points(SOUTH));
  await expect(row(page, 'import-2')).toContainText('south');

  // Both are drawn; a click on a point of the second opens its popup.
  await clickAt(page, [SOUTH[0]![1], SOUTH[0]![2]]);
  await expect(popup(page).locator('h2')).toHaveText('Southpond');
  await page.keyboard.press('Escape');
  expect(await renderedCount(page, layerIds('import-2'))).toBeGreaterThan(0);

  // Unticked, it is no longer drawn, and a click there finds nothing.
  await row(page, 'import-2').getByRole('checkbox').uncheck();
  await waitForIdle(page);
  expect(await renderedCount(page, layerIds('import-2'))).toBe(0);
  await clickAt(page, [SOUTH[0]![1], SOUTH[0]![2]]);
  await expect(popup(page)).toHaveCount(0);
  await clickAt(page, [NORTH[0]![1], NORTH[0]![2]]);
  await expect(popup(page).locator('h2')).toHaveText('Northwell');
  await page.keyboard.press('Escape');

  // A large layer removed the moment it is listed, while the map still loads it.
  await importFile(page, 'large.geojson', manyPoints(60_000));
  await expect(row(page, 'import-3')).toContainText('(60000)', { timeout: 60_000 });
  const loadedWhenRemoved = await page.evaluate(() => {
    const map = window.passageAtlas!.map;
    return Boolean(map.getSource('import-3')) && map.isSourceLoaded('import-3');
  });
  await row(page, 'import-3')
    .getByRole('button', { name: /Remove/ })
    .click();
  await expect(row(page, 'import-3')).toHaveCount(0);
  expect(loadedWhenRemoved).toBe(false);

  // Another large one; the first layer removed while it loads: it loads and is drawn.
  await importFile(page, 'large again.geojson', manyPoints(60_000));
  await expect(row(page, 'import-4')).toContainText('(60000)', { timeout: 60_000 });
  await row(page, 'import-1')
    .getByRole('button', { name: /Remove/ })
    .click();
  await expect(row(page, 'import-1')).toHaveCount(0);
  await waitForIdle(page);
  expect(await renderedCount(page, layerIds('import-4'))).toBeGreaterThan(0);

  // A third present layer: three layers, three colours, on the map and in the panel.
  await importFile(page, 'east.geojson', points([['Eastfield', 49.5, 40.5]]));
  await expect(row(page, 'import-5')).toContainText('east');
  await waitForIdle(page);
  const style = await page.evaluate(() =>
    window.passageAtlas!.map.getStyle().layers.map((layer) => layer.id),
  );
  expect(style.filter((id) => /^import-[13]-/.test(id))).toEqual([]);
  const colours = await drawnColours(page);
  expect(colours).toHaveLength(3);
  expect(new Set(colours).size).toBe(3);
  const swatches = await page
    .locator('[data-imported-layer] .layer-swatch')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-colour')));
  expect(swatches).toEqual(colours);
});

test('labels on the map, the legend, the list and its search, a permalink that survives a reload', async ({
  atlas: { page },
}) => {
  test.setTimeout(120_000);
  await openAtlas(page);
  await importFile(page, 'wells.geojson', points(NORTH));
  await expect(row(page, 'import-1')).toContainText('wells');
  await waitForIdle(page);

  // Labelled by "name" unless the reader chooses; the label is drawn beside its point.
  const labels = () =>
    page.evaluate(() =>
      window
        .passageAtlas!.map.queryRenderedFeatures({ layers: ['import-1-label'] })
        .map((feature) => String(feature.properties.name))
        .sort(),
    );
  await expect.poll(labels).toEqual(['Northridge', 'Northwell']);
  await expect(page.locator('[data-legend-layer="import-1"]')).toContainText('wells');

  // Another property labels them, on the map and in the list.
  await row(page, 'import-1').getByRole('combobox').selectOption('kind');
  await expect(page.locator('.feature-button[data-feature-id="import-1/1"]')).toContainText(
    'a northwell place',
  );
  expect(
    await page.evaluate(() =>
      window.passageAtlas!.map.getLayoutProperty('import-1-label', 'text-field'),
    ),
  ).toEqual(['to-string', ['get', 'kind']]);
  await row(page, 'import-1').getByRole('combobox').selectOption('name');

  // The search finds it; choosing it opens its popup and names it in the URL.
  await page.getByRole('searchbox').fill('northr');
  const hit = page.locator('.feature-button[data-feature-id="import-1/2"]');
  await expect(hit).toContainText('Northridge');
  await expect(page.locator('.feature-button')).toHaveCount(1);
  await hit.click();
  await expect(popup(page).locator('h2')).toHaveText('Northridge');
  await expect(popup(page)).toContainText('note on Northridge');
  expect(page.url()).toContain('feature=import-1/2');

  // The link, opened again after a reload: the layer is back, and the popup with it.
  await page.reload();
  await expect(popup(page).locator('h2')).toHaveText('Northridge', { timeout: 30_000 });
  await expect(row(page, 'import-1')).toContainText('wells');
});

test('a reload keeps every layer, in order, shown or hidden as it was', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  await importFile(page, 'north.geojson', points(NORTH));
  await expect(row(page, 'import-1')).toBeVisible();
  await importFile(page, 'south.geojson', points(SOUTH));
  await expect(row(page, 'import-2')).toBeVisible();
  // Hidden, and the page reloaded in the very task of the click: the change is kept all the same.
  await Promise.all([
    page.waitForEvent('load'),
    page.evaluate(() => {
      document
        .querySelector<HTMLInputElement>('[data-imported-layer="import-1"] input[type="checkbox"]')!
        .click();
      location.reload();
    }),
  ]);
  await page.waitForFunction(() => window.passageAtlas?.map.loaded());
  const rows = page.locator('[data-imported-layer]');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('north');
  await expect(rows.nth(1)).toContainText('south');
  await expect(row(page, 'import-1').getByRole('checkbox')).not.toBeChecked();
  await expect(row(page, 'import-2').getByRole('checkbox')).toBeChecked();
  await page.evaluate(() => window.passageAtlas!.map.jumpTo({ center: [47.9, 40.2], zoom: 6.5 }));
  await waitForIdle(page);
  await expect.poll(() => renderedCount(page, layerIds('import-2'))).toBe(2);
  expect(await renderedCount(page, layerIds('import-1'))).toBe(0);
});

test('where the browser keeps nothing, the reader is told, and the layer works all the same', async ({
  atlas: { page },
}) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException(
        'The user denied permission to access the database.',
        'InvalidStateError',
      );
    };
  });
  await openAtlas(page);
  // The layers' panel says so of the layers (the texts' panel says it of the texts).
  await expect(page.locator('#layers-drawer .storage-problem')).toHaveText(
    'Your layers cannot be kept in this browser: this browser does not let the page keep data (a private window?). It works until the page is closed.',
  );
  await importFile(page, 'north.geojson', points(NORTH));
  await expect(row(page, 'import-1')).toContainText('north');
  await clickAt(page, [NORTH[1]![1], NORTH[1]![2]]);
  await expect(popup(page).locator('h2')).toHaveText('Northridge');
});

test('swapped longitude and latitude: the reader is warned, and the swap puts the points back', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  await importFile(
    page,
    'cities.geojson',
    await readFile('tests/fixtures/layers/swapped-cities.geojson', 'utf8'),
  );
  const warning = row(page, 'import-1').locator('.swap-warning');
  await expect(warning).toContainText('Swap longitude and latitude?');
  await warning.getByRole('button', { name: 'Swap longitude and latitude' }).click();
  await expect(warning).toHaveCount(0);
  await waitForIdle(page);
  // Paris is where Paris is, and the view has gone there.
  await clickAt(page, [2.3522, 48.8566], 6);
  await expect(popup(page).locator('h2')).toHaveText('Paris');
  // And so it stays after a reload, without the question.
  await page.reload();
  await expect(row(page, 'import-1')).toBeVisible();
  await expect(row(page, 'import-1').locator('.swap-warning')).toHaveCount(0);
  await page.waitForFunction(() => window.passageAtlas?.map.loaded());
  await clickAt(page, [2.3522, 48.8566], 6);
  await expect(popup(page).locator('h2')).toHaveText('Paris');
});

test('a CSV imports as points; a file of another format is refused, and the layers stay', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  await importFile(
    page,
    'villages.csv',
    await readFile('tests/fixtures/layers/villages.csv', 'utf8'),
  );
  await expect(row(page, 'import-1')).toContainText('villages');
  await expect(row(page, 'import-1')).toContainText('(3)');
  await clickAt(page, [46.7519, 39.7581], 11);
  await expect(popup(page).locator('h2')).toHaveText('Shusha');
  await expect(popup(page)).toContainText('4064');
  await page.keyboard.press('Escape');

  await importFile(page, 'trip.kml', '<?xml version="1.0"?><kml></kml>');
  const alert = page.locator('.import-problems[role="alert"]');
  await expect(alert).toContainText(
    'trip.kml: KML is not a format the atlas reads. The atlas reads GeoJSON (.geojson, .json) and CSV with longitude and latitude columns (.csv)',
  );
  await importFile(page, 'bad.csv', 'name,lon,lat\nA,46.5,39.5\nB,east,39.6\n');
  await expect(alert).toContainText('bad.csv: row 3: longitude "east" (text) is not a number');
  await expect(page.locator('[data-imported-layer]')).toHaveCount(1);
  await clickAt(page, [46.5497, 39.6394], 11);
  await expect(popup(page).locator('h2')).toHaveText('Lachin');
});
