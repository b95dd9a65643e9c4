/**
 * Opening the reader's own text: pasted, dropped (.txt, .html, .pdf) or chosen (.md); its places
 * drawn on the map and a popup with the right sentence; refusals that name the file and leave the
 * reader's texts as they were; and the page's export, before any review, byte for byte what
 * `npm run geoparse` writes of the same file (and what GDAL reads of it).
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { citationsSeenByOgrinfo } from '../unit/ogrinfo.ts';
import { expect, openAtlas, renderedCount, test } from './fixtures.ts';
import {
  chooseText,
  clickPlace,
  dropLargeText,
  dropText,
  fixture,
  FIXTURES,
  pasteText,
  textPlaces,
} from './texts/helpers.ts';

test('a pasted text: its places on the map, and a click on one shows the sentence about it', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  await pasteText(page, fixture('ferry-talks.txt').toString('utf8'));
  // The reading panel shows it, every found name marked, and the URL names it.
  await expect(page.locator('#reading-heading')).toHaveText('Ferry line to Trabzon moves closer');
  await expect(page).toHaveURL(/[#&]text=text-1(&|$)/);
  const places = await textPlaces(page);
  const mentions = places.reduce((sum, place) => sum + place.mentions, 0);
  expect(mentions).toBe(15);
  await expect(page.locator('.reading-panel .mention.suggested')).toHaveCount(mentions);
  expect(places.map((place) => place.name)).toEqual(
    expect.arrayContaining(['BATUMI', 'Trabzon', 'Kutaisi', 'Alexandria', 'Sochi']),
  );
  expect(new Set(places.map((place) => place.certainty))).toEqual(new Set(['suggested']));
  // Drawn as suggestions (hollow rings), none as confirmed places.
  await expect
    .poll(() => renderedCount(page, ['text-1-suggested']), { timeout: 15_000 })
    .toBeGreaterThan(0);
  expect(await renderedCount(page, ['text-1-confirmed'])).toBe(0);

  await clickPlace(page, 'Kutaisi');
  const popup = page.locator('.maplibregl-popup');
  await expect(popup.locator('.excerpt blockquote')).toHaveText(
    'Tickets will be sold in Batumi and in Kutaisi, where the regional airport expects more visitors from Istanbul and from Ankara.',
  );
  await expect(popup.locator('mark')).toHaveText('Kutaisi');
  await expect(popup.locator('.certainty')).toContainText('Suggestion');
  // Its permalink names the text and the place.
  await expect(page).toHaveURL(/text=text-1&feature=kutaisi-\d+/);
});

test('dropped .txt, .html and .pdf files and a chosen .md file open as texts of their own', async ({
  atlas: { page },
}) => {
  await page.addInitScript(() => ((window as unknown as { __xss?: unknown }).__xss = undefined));
  await openAtlas(page);
  const opened = async (count: number) =>
    expect(page.locator('.texts-panel .text-row[data-text]')).toHaveCount(count);

  await dropText(page, 'bridge-opening.txt', fixture('bridge-opening.txt'));
  await opened(1);
  await expect(page.locator('#reading-heading')).toHaveText('New bridge links two river towns');

  await dropText(page, 'market-day.html', fixture('market-day.html'));
  await opened(2);
  await expect(page.locator('#reading-heading')).toHaveText('Market day in Ganja');
  // The page's visible text only: no script ran, the hidden paragraph is not read.
  expect((await textPlaces(page, 'text-2')).map((place) => place.name)).toEqual([
    'Ganja',
    'Shamkir',
    'Goygol',
    'Barda',
    'Baku',
    'Tovuz',
  ]);
  await expect(page.locator('.reading-panel .document')).not.toContainText('Lisbon');
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
  ).toBeUndefined();

  await dropText(page, 'bridge-opening.pdf', fixture('bridge-opening.pdf'));
  await opened(3);
  const pdfPlaces = await textPlaces(page, 'text-3');
  expect(pdfPlaces.map((place) => place.name)).toContain('Tehran');

  await chooseText(page, 'valley-letter.md', fixture('valley-letter.md'));
  await opened(4);
  await expect(page.locator('#reading-heading')).toHaveText('A letter from the Aras valley');
  const yerevan = (await textPlaces(page, 'text-4')).find((place) => place.name === 'Yerevan');
  expect(yerevan?.coordinates[0]).toBeCloseTo(44.5, 0);
});

test('an oversized, a binary and a broken file are refused by name; the texts stay', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  await pasteText(page, fixture('bridge-opening.txt').toString('utf8'));
  const rows = page.locator('.texts-panel .text-row[data-text]');
  await expect(rows).toHaveCount(1);
  const problems = page.locator('.open-problems');

  await dropLargeText(page, 'huge.txt', 21 * 1024 * 1024);
  await expect(problems).toContainText('huge.txt: 21.0 MB, more than the 20 MB a text may have');
  await expect(problems).toContainText('your texts are unchanged');

  await dropText(page, 'photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a]));
  await expect(problems).toContainText('photo.txt: a binary file');

  await dropText(page, 'scan.pdf', Buffer.from('%PDF-1.4\nnot really a PDF'));
  await expect(problems).toContainText('scan.pdf: not a PDF that can be read');

  await page.locator('#paste-text').fill('   ');
  await page.getByRole('button', { name: 'Find its places' }).click();
  await expect(problems).toContainText('Nothing was pasted');
  // The box keeps what was pasted into it when it cannot be opened.
  await expect(page.locator('#paste-text')).toHaveValue('   ');

  // What the reader had is all there: one text, its places, its reading.
  await expect(rows).toHaveCount(1);
  expect((await textPlaces(page)).length).toBeGreaterThan(5);
  await expect(page.locator('#reading-heading')).toHaveText('New bridge links two river towns');
});

test('before any review, the export of a text is what `npm run geoparse` writes of its file', async ({
  atlas: { page },
}) => {
  test.setTimeout(120_000);
  await openAtlas(page);
  for (const [index, name] of ['ferry-talks.txt', 'bridge-opening.pdf'].entries()) {
    await chooseText(page, name, fixture(name));
    await expect(page.locator('.texts-panel .text-row[data-text]')).toHaveCount(index + 1);
    const panel = page.locator('.review-bar');
    // Confirmed places only by default: none yet.
    const [confirmedOnly] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Export GeoJSON' }).click(),
    ]);
    expect(JSON.parse(await readFile((await confirmedOnly.path())!, 'utf8')).features).toEqual([]);

    await panel.getByLabel('with the suggestions not yet confirmed').check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Export GeoJSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^passage-atlas-text-[a-z0-9-]+\.geojson$/);
    const fromPage = await readFile((await download.path())!, 'utf8');
    const fromCli = execFileSync(
      'npx',
      ['tsx', 'scripts/geoparse.ts', `${FIXTURES}/${name}`, '--out', '-'],
      {
        encoding: 'utf8',
      },
    );
    expect(fromPage).toBe(fromCli);
    // Cited on every feature, as GDAL (and so QGIS) reads it.
    const collection = JSON.parse(fromPage);
    expect(collection.features.length).toBeGreaterThan(5);
    const seen = await citationsSeenByOgrinfo((await download.path())!);
    expect(seen.featureCount).toBe(collection.features.length);
    expect(new Set(seen.citations)).toEqual(
      new Set([
        `“${collection.document.title}”, date of publication not established, web address not established`,
      ]),
    );
  }
});
