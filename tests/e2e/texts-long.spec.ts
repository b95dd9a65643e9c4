/**
 * A long text in the reading panel: every word of it is there, and a name far down works like any
 * other when the reader gets to it — by scrolling, by the keyboard past a long stretch that names
 * no place, or from the list of places. (Its names become buttons only as their paragraphs come
 * near the view, so that opening a long text never freezes the page: see README, Performance.)
 */
import type { Page } from '@playwright/test';
import { expect, featurePopup, openAtlas, test } from './fixtures.ts';
import { pasteText, placeNamed } from './texts/helpers.ts';

const TOWNS = ['Batumi', 'Kutaisi', 'Tbilisi', 'Yerevan', 'Gyumri'];
const LAST_LINE = 'The last ferry of the year left for Goris.';

/** 150 paragraphs that each name a town, 60 that name none, and one that names Goris. */
const LONG_TEXT = [
  'A year of ferries',
  ...Array.from(
    { length: 150 },
    (_, day) => `On day ${day + 1} the ferry from ${TOWNS[day % 5]} was late.`,
  ),
  ...Array.from(
    { length: 60 },
    (_, day) => `on day ${day + 151} the crew rested and mended the nets.`,
  ),
  LAST_LINE,
].join('\n\n');

const mentionOf = (page: Page, featureId: string) =>
  page.locator(`.reading-panel .mention[data-feature-id="text-1/${featureId}"]`);

test('a long text is all there, and the keyboard goes from name to name past a stretch naming none', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  await pasteText(page, LONG_TEXT);
  await expect(page.locator('.reading-panel .document')).toContainText(LAST_LINE);
  const goris = await placeNamed(page, 'Goris');

  // Shift+Tab from the page's first control leaves the page (for the browser's own controls);
  // the next comes in at its end, the end of the reading panel: to the text's last name, though
  // it never came near the view.
  await page.evaluate(() => document.querySelector<HTMLElement>('a[href], button')!.focus());
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(mentionOf(page, goris.id)).toBeFocused();

  // The 150th day's name, scrolled to: a button like the first.
  const lastDay = page.locator('.reading-panel .paragraph', { hasText: 'On day 150 the ferry' });
  await lastDay.scrollIntoViewIfNeeded();
  const gyumri = lastDay.locator('.mention');
  await expect(gyumri).toHaveText('Gyumri');
  await gyumri.focus();

  await page.keyboard.press('Tab');
  await expect(mentionOf(page, goris.id)).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(gyumri).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(featurePopup(page).locator('h2')).toHaveText('Goris');
});

test('a place chosen in the list brings the text to its name far down, marked', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  await pasteText(page, LONG_TEXT);
  const goris = await placeNamed(page, 'Goris');
  await page.locator(`.feature-button[data-feature-id="text-1/${goris.id}"]`).click();
  const mention = mentionOf(page, goris.id);
  await expect(mention).toHaveClass(/focused/);
  await expect(mention).toBeInViewport();
});
