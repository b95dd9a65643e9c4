/**
 * What a reader copies out of the atlas: a quotation (the excerpt verbatim in quotation marks,
 * the document's citation, the place's link) and the link to the view or a place, by mouse, by
 * keyboard and by touch; and what the page does where the browser refuses the clipboard.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openAtlas, test } from './fixtures.ts';

const CITATION =
  'Ministry of Foreign Affairs of the Republic of Azerbaijan, “It is important to ensure that ' +
  'the historic opportunity for durable peace is not missed”, 14 August 2023, ' +
  'web address not established';

/** The document as received: the excerpts must be its own words. */
const DOCUMENT = readFileSync(
  new URL('../../geodata/source/mfa-azerbaijan-2023-08-lachin-road-statement.txt', import.meta.url),
  'utf8',
);

/** A feature's excerpts as the committed layer file places them in the document. */
function excerpts(layer: string, featureId: string): string[] {
  const collection = JSON.parse(
    readFileSync(new URL(`../../geodata/layers/${layer}.geojson`, import.meta.url), 'utf8'),
  ) as {
    features: {
      id: string;
      properties: { mentions: { excerptStart: number; excerptEnd: number }[] };
    }[];
  };
  const feature = collection.features.find((each) => each.id === featureId)!;
  // The contract: the document's slice with each run of white space one space.
  return feature.properties.mentions.map((mention) =>
    DOCUMENT.slice(mention.excerptStart, mention.excerptEnd).replace(/\s+/g, ' ').trim(),
  );
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** The quotation's three lines, the link checked apart: it holds the view of the moment. */
function splitQuotation(text: string) {
  const [quote, citation, link, ...rest] = text.split('\n');
  return { quote, citation, link, rest };
}

const placeLink = (featureId: string) =>
  new RegExp(`^http://127\\.0\\.0\\.1:\\d+/#map=[\\d.]+/[\\d.-]+/[\\d.-]+&feature=${featureId}$`);

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('“Copy quotation” copies the excerpt verbatim, the citation and a link that opens the place', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  await page.locator('.feature-button[data-feature-id="lachin-road"]').click();
  const popup = page.locator('.maplibregl-popup');
  await expect(popup.locator('h2')).toHaveText('Lachin road');
  const second = popup.locator('.excerpt').nth(1);
  await second.getByRole('button', { name: 'Copy quotation' }).click();
  await expect(second.getByRole('status')).toHaveText(
    "Copied the quotation, the text's citation and the link to Lachin road.",
  );
  const copied = splitQuotation(await clipboard(page));
  expect(copied.quote).toBe(`“${excerpts('routes', 'lachin-road')[1]}”`);
  expect(copied.citation).toBe(CITATION);
  expect(copied.link).toMatch(placeLink('lachin-road'));
  expect(copied.rest).toEqual([]);

  // The link opens the place, for anyone who follows it.
  const reader = await page.context().newPage();
  await openAtlas(reader, new URL(copied.link!).hash);
  await expect(reader.locator('.maplibregl-popup h2')).toHaveText('Lachin road');
  await reader.close();
});

test('“Share” copies the link to the place in a popup, and to the view in the header', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  await page.locator('.feature-button[data-feature-id="yevlakh"]').click();
  const popup = page.locator('.maplibregl-popup');
  await expect(popup.locator('h2')).toHaveText('Yevlakh');
  await popup.getByRole('button', { name: 'Share' }).click();
  const placeUrl = await clipboard(page);
  expect(placeUrl).toMatch(placeLink('yevlakh'));
  await expect(popup.getByRole('status').first()).toHaveText(
    `Copied the link to Yevlakh: ${placeUrl}`,
  );

  await page.locator('.app-header').getByRole('button', { name: 'Share' }).click();
  expect(await clipboard(page)).toBe(page.url());
  expect(page.url()).toMatch(placeLink('yevlakh'));
  await expect(page.locator('.app-header').getByRole('status')).toHaveText(
    `Copied the link to this view, with Yevlakh open: ${page.url()}`,
  );

  // With no place open, the header's link is the view's alone.
  await page.keyboard.press('Escape');
  await expect(popup).toHaveCount(0);
  await page.locator('.app-header').getByRole('button', { name: 'Share' }).click();
  await expect
    .poll(() => clipboard(page))
    .toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#map=[\d.]+\/[\d.-]+\/[\d.-]+$/);
});

test('by keyboard: a place opened with Enter, its quotation and the page’s link copied with Enter', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  // Tab from the top of the page reaches the header's Share.
  const headerShare = page.locator('.app-header').getByRole('button', { name: 'Share' });
  for (let presses = 0; presses < 8; presses++) {
    await page.keyboard.press('Tab');
    if (await headerShare.evaluate((button) => button === document.activeElement)) break;
  }
  await expect(headerShare).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => clipboard(page)).toBe(page.url());

  await page.locator('.feature-button[data-feature-id="yevlakh"]').focus();
  await page.keyboard.press('Enter');
  const popup = page.locator('.maplibregl-popup');
  await expect(popup.locator('h2')).toHaveText('Yevlakh');
  const copyQuotation = popup.getByRole('button', { name: 'Copy quotation' }).first();
  for (let presses = 0; presses < 8; presses++) {
    if (await copyQuotation.evaluate((button) => button === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(copyQuotation).toBeFocused();
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => splitQuotation(await clipboard(page)).quote)
    .toBe(`“${excerpts('places', 'yevlakh')[0]}”`);
  expect(splitQuotation(await clipboard(page)).link).toMatch(placeLink('yevlakh'));
  await expect(popup.getByRole('status').nth(1)).toContainText('Copied the quotation');
});

test('where the browser refuses the clipboard, the page says so and shows the text selected', async ({
  atlas: { page },
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator.clipboard, 'writeText', {
      value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
    });
  });
  await openAtlas(page);
  await page.locator('.feature-button[data-feature-id="lachin-road"]').click();
  const popup = page.locator('.maplibregl-popup');
  const first = popup.locator('.excerpt').first();
  await first.getByRole('button', { name: 'Copy quotation' }).click();
  await expect(first.getByRole('status')).toContainText(
    'Not copied: the browser did not allow the page to copy. The text is selected below',
  );
  const manual = first.getByRole('textbox', { name: 'The text to copy' });
  await expect(manual).toBeFocused();
  const shown = await manual.evaluate((field: HTMLTextAreaElement) => ({
    value: field.value,
    selected: field.value.slice(field.selectionStart, field.selectionEnd),
  }));
  expect(shown.selected).toBe(shown.value);
  expect(splitQuotation(shown.value).quote).toBe(`“${excerpts('routes', 'lachin-road')[0]}”`);
  expect(splitQuotation(shown.value).citation).toBe(CITATION);

  // Escape puts the text away and returns to the button; the popup stays open.
  await page.keyboard.press('Escape');
  await expect(manual).toHaveCount(0);
  await expect(first.getByRole('button', { name: 'Copy quotation' })).toBeFocused();
  await expect(popup.locator('h2')).toHaveText('Lachin road');

  // The header's Share says the same, in its panel.
  await page.locator('.app-header').getByRole('button', { name: 'Share' }).click();
  const headerField = page
    .locator('.app-header')
    .getByRole('textbox', { name: 'The text to copy' });
  await expect(headerField).toHaveValue(page.url());
  await expect(headerField).toBeInViewport();
});

for (const width of [320, 390]) {
  test.describe(`on a ${width} px phone, by touch`, () => {
    test.use({ viewport: { width, height: 740 }, hasTouch: true, isMobile: true });

    test('the header’s Share and a popup’s Copy quotation are in reach and work', async ({
      atlas: { page },
    }) => {
      await openAtlas(page);
      const headerShare = page.locator('.app-header').getByRole('button', { name: 'Share' });
      await expect(headerShare).toBeInViewport({ ratio: 1 });
      await headerShare.tap();
      await expect.poll(() => clipboard(page)).toBe(page.url());
      await expect(page.locator('.app-header').getByRole('status')).toBeInViewport({ ratio: 1 });

      await page.getByRole('button', { name: 'Text' }).tap();
      await page.locator('.reading-panel .mention[data-feature-id="yevlakh"]').first().tap();
      const popup = page.locator('.maplibregl-popup');
      await expect(popup.locator('h2')).toHaveText('Yevlakh');
      const copyQuotation = popup.getByRole('button', { name: 'Copy quotation' }).first();
      await copyQuotation.scrollIntoViewIfNeeded();
      await expect(copyQuotation).toBeInViewport({ ratio: 1 });
      // A target a finger can hit: 44 px high where the pointer is coarse.
      const box = (await copyQuotation.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      await copyQuotation.tap();
      await expect
        .poll(async () => splitQuotation(await clipboard(page)).quote)
        .toBe(`“${excerpts('places', 'yevlakh')[0]}”`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
    });
  });
}
