/**
 * A name the place finder missed, placed by the reader — selected in the text and found in the
 * gazetteer, or typed and put on the map with a click — then the text cited as the reader says,
 * its confirmed places exported (what GDAL reads of them), and the text deleted for good.
 */
import { readFile } from 'node:fs/promises';
import { citationsSeenByOgrinfo } from '../unit/ogrinfo.ts';
import { clickAt, expect, openAtlas, test } from './fixtures.ts';
import { fixture, pasteText, placeNamed, textPlaces } from './texts/helpers.ts';

/** Selects the first occurrence of `word` in the reading panel's text, as a reader drags over it. */
async function selectInText(page: import('@playwright/test').Page, word: string) {
  await page.evaluate((wanted) => {
    const root = document.querySelector('.reading-panel .document')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`${wanted} is not in the text`);
  }, word);
}

test('missed names placed from the gazetteer and by a click on the map; cited, exported, deleted', async ({
  atlas: { page },
}) => {
  test.setTimeout(240_000);
  await openAtlas(page);
  await pasteText(page, fixture('ferry-talks.txt').toString('utf8'));
  const before = await textPlaces(page);
  expect(before.map((place) => place.name)).not.toContain('Split');

  // Split: selected in the text, looked up in the gazetteer, the Croatian town chosen.
  await selectInText(page, 'Split');
  await page.locator('.selection-bar').getByRole('button', { name: 'Place this name' }).click();
  await expect(page.locator('#missed-name')).toHaveValue('Split');
  await expect(page.locator('#missed-name')).toBeFocused();
  await page.getByRole('button', { name: 'Find in the gazetteer' }).click();
  await page
    .getByRole('list', { name: 'Places of that name' })
    .getByRole('button', { name: /^Split, Croatia/ })
    .click();
  const split = await placeNamed(page, 'Split');
  expect(split.certainty).toBe('confirmed');
  expect(split.coordinates[0]).toBeCloseTo(16.44, 1);
  expect(split.coordinates[1]).toBeCloseTo(43.51, 1);
  await expect(page.locator('.maplibregl-popup h2')).toHaveText('Split');

  // Gonio, which the gazetteer lacks: typed, then a real click on the map where it is.
  await page.locator('#missed-name').fill('Gonio');
  await page.getByRole('button', { name: 'Find in the gazetteer' }).click();
  await expect(page.locator('.missed-status')).toContainText('no place called “Gonio”');
  await page.locator('.missed-name').getByRole('button', { name: 'Place on the map' }).click();
  await expect(page.locator('.placing-bar')).toContainText('Gonio');
  await clickAt(page, [41.573, 41.564], 11);
  await expect(page.locator('.placing-bar')).toHaveCount(0);
  const gonio = await placeNamed(page, 'Gonio');
  expect(gonio.coordinates[0]).toBeCloseTo(41.573, 3);
  expect(gonio.coordinates[1]).toBeCloseTo(41.564, 3);
  expect(gonio.quality).toBe('approximate');
  await expect(page.locator('.reading-panel .mention.confirmed', { hasText: 'Gonio' })).toHaveCount(
    1,
  );
  // A name not in the text is refused, and nothing is added.
  await page.locator('#missed-name').fill('Lisbon');
  await page.getByRole('button', { name: 'Find in the gazetteer' }).click();
  await expect(page.locator('.missed-status')).toContainText('“Lisbon” is not in the text');
  expect(await textPlaces(page)).toHaveLength(before.length + 2);

  // Cited as the reader says; a date that is no date is refused.
  // The title is typed in the very task the fold opens in, before the browser's `toggle` event:
  // what the reader typed must survive it.
  await page.evaluate(() => {
    document.querySelector<HTMLElement>('.cite-text summary')!.click();
    const field = document.querySelector<HTMLInputElement>('.cite-text input[type="text"]')!;
    field.value = 'Ferry to Trabzon';
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const cite = page.locator('.cite-text');
  await expect(cite.getByLabel('Title')).toHaveValue('Ferry to Trabzon');
  await cite.getByLabel('Publisher or author').fill('Harbour Weekly');
  await cite.getByLabel('Published').fill('2024-13-03');
  await cite.getByRole('button', { name: 'Save the citation' }).click();
  await expect(cite.locator('.cite-problems')).toContainText('“2024-13-03” is no date');
  // Folded and opened again, nothing typed is lost.
  await page.locator('.cite-text summary').click();
  await page.locator('.cite-text summary').click();
  await expect(cite.getByLabel('Title')).toHaveValue('Ferry to Trabzon');
  await expect(cite.getByLabel('Published')).toHaveValue('2024-13-03');
  await cite.getByLabel('Published').fill('2024-05-03');
  await cite.getByRole('button', { name: 'Save the citation' }).click();
  await expect(page.locator('#reading-heading')).toHaveText('Ferry to Trabzon');
  // The page's header and the browser's tab name the text read, as cited.
  const header = page.locator('.app-header .doc-title');
  await expect(header).toHaveText('Ferry to Trabzon, 3 May 2024');
  await expect(page).toHaveTitle('Ferry to Trabzon — Passage Atlas');

  // The export holds the confirmed places only, cited on every feature.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.review-bar').getByRole('button', { name: 'Export GeoJSON' }).click(),
  ]);
  const collection = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(collection.document).toMatchObject({
    title: 'Ferry to Trabzon',
    publisher: 'Harbour Weekly',
    published: '2024-05-03',
    file: 'pasted text',
  });
  expect(collection.features.map((feature: { id: string }) => feature.id)).toEqual([
    'gonio-added',
    'split-added',
  ]);
  const citation = 'Harbour Weekly, “Ferry to Trabzon”, 3 May 2024, web address not established';
  const seen = await citationsSeenByOgrinfo((await download.path())!);
  expect(seen).toEqual({ featureCount: 2, citations: [citation, citation] });
  expect(collection.features[0].properties).toMatchObject({
    certainty: 'confirmed',
    geometryQuality: 'approximate',
  });
  expect(collection.features[1].properties.gazetteer.url).toMatch(/geonames\.org\/\d+$/);

  // Deleted: gone from the panel, the map's layers and the list, and after a reload.
  const row = page.locator('.texts-panel .text-row[data-text="text-1"]');
  await row.getByRole('button', { name: 'Delete Ferry to Trabzon' }).click();
  await row.getByRole('button', { name: 'Delete it' }).click();
  await expect(row).toHaveCount(0);
  await expect(page.locator('#reading-heading')).toHaveText('The text');
  await expect(header).toHaveText(/^It is important to ensure .*, 14 August 2023$/);
  await expect(page).toHaveTitle('Passage Atlas — the places of one document, on its map');
  expect(await page.evaluate(() => window.passageAtlas!.atlas.textLayers.length)).toBe(0);
  expect(await page.evaluate(() => !!window.passageAtlas!.map.getSource('text-1'))).toBe(false);
  await page.reload();
  await openAtlas(page);
  await expect(page.locator('#texts-heading')).toBeVisible();
  await expect(page.locator('.texts-panel .text-row[data-text]')).toHaveCount(0);
});
