/**
 * A place of the reader's own text, taken out of the atlas: "Copy quotation" copies the text's
 * own words with that text's citation (not the atlas document's), and the link opens the same
 * place of the same text in this browser, where the text is kept.
 */
import type { Page } from '@playwright/test';
import { expect, featurePopup, openAtlas, test } from './fixtures.ts';
import { chooseText, fixture, placeNamed } from './texts/helpers.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const FERRY_TEXT = fixture('ferry-talks.txt').toString('utf8');

test('a place of a reader’s text is quoted with its text’s citation, and its link opens it again', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  await chooseText(page, 'ferry-talks.txt', fixture('ferry-talks.txt'));
  await expect(page.locator('.texts-panel .text-row[data-text]')).toHaveCount(1);
  const kutaisi = await placeNamed(page, 'Kutaisi');
  await page.locator(`.feature-button[data-feature-id="text-1/${kutaisi.id}"]`).click();
  const popup = featurePopup(page);
  await expect(popup.locator('h2')).toHaveText('Kutaisi');

  const excerpt = popup.locator('.excerpt').first();
  await excerpt.getByRole('button', { name: 'Copy quotation' }).click();
  await expect(excerpt.getByRole('status')).toContainText('Copied the quotation');
  const [quote, citation, link, ...rest] = (await clipboard(page)).split('\n');
  // The text's own words, verbatim: the sentence that names Kutaisi.
  expect(quote).toMatch(/^“.*Kutaisi.*”$/);
  expect(FERRY_TEXT.replace(/\s+/g, ' ')).toContain(quote!.slice(1, -1));
  // The text's citation: its title, as the reader's text has no date or address yet.
  expect(citation).toBe(
    '“Ferry line to Trabzon moves closer”, date of publication not established, web address not established',
  );
  expect(link).toMatch(
    new RegExp(`#map=[\\d.]+/[\\d.-]+/[\\d.-]+&text=text-1&feature=${kutaisi.id}$`),
  );
  expect(rest).toEqual([]);

  // Share copies the same place's link.
  const share = popup.locator('.copy-action', { has: page.getByRole('button', { name: 'Share' }) });
  await share.getByRole('button', { name: 'Share' }).click();
  await expect(share.getByRole('status')).toContainText('only in this browser');
  expect(await clipboard(page)).toBe(link);

  // Followed in this browser, the link opens the text and the place.
  const again = await page.context().newPage();
  await openAtlas(again, new URL(link!).hash);
  await expect(featurePopup(again).locator('h2')).toHaveText('Kutaisi');
  await again.close();
});
