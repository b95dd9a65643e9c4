/**
 * What the map shows: the features in force on the "as of" date (the control, the link, back and
 * forward, the keyboard), and the places only the page's related posts name (drawn muted, said
 * so, and hidden by a switch).
 */
import type { Page } from '@playwright/test';
import {
  expect,
  featurePopup,
  hexToRgb,
  openAtlas,
  pagePoint,
  pixelColour,
  renderedCount,
  test,
  waitForIdle,
} from './fixtures.ts';
import { COLOURS } from '../../src/lib/map/style/theme.ts';

/** The Lachin corridor close up: both lines of the road and the checkpoint in view. */
const CORRIDOR = '#map=9.50/39.66000/46.52000';
const EARLIER_LINE = ['routes-line-lachin-road-2020-2022'];
const LATER_LINE = ['routes-line-lachin-road'];

/** What the reader sees of the 2020–2022 line: drawn, listed, in the legend. */
async function earlierLine(page: Page) {
  await waitForIdle(page);
  return {
    drawn: (await renderedCount(page, EARLIER_LINE)) > 0,
    listed: await page.locator('.feature-button[data-feature-id="lachin-road-2020-2022"]').count(),
    legend: await page.locator('[data-legend-feature="lachin-road-2020-2022"]').isVisible(),
  };
}

const shown = { drawn: true, listed: 1, legend: true };
const hidden = { drawn: false, listed: 0, legend: false };

test('the as-of date hides the 2020–2022 line on 1 August 2023 and shows it on 1 June 2021', async ({
  atlas: { page },
}) => {
  await openAtlas(page, CORRIDOR);
  // The document's date by default, 14 August 2023.
  await expect(page.locator('.as-of input')).toHaveValue('2023-08-14');
  expect(await earlierLine(page)).toEqual(hidden);
  const asOf = page.locator('.as-of input');
  await asOf.fill('2021-06-01');
  expect(await earlierLine(page)).toEqual(shown);
  expect(await renderedCount(page, LATER_LINE)).toBe(0);
  await expect.poll(() => page.url()).toContain('asof=2021-06-01');
  await expect(page.locator('.legend-as-of')).toContainText(
    'As of 1 June 2021; 2 features not shown',
  );
  await asOf.fill('2023-08-01');
  expect(await earlierLine(page)).toEqual(hidden);
  expect(await renderedCount(page, LATER_LINE)).toBeGreaterThan(0);
  await expect.poll(() => page.url()).toContain('asof=2023-08-01');
  // The routes switch is not the only way to hide a period: it stays on throughout.
  await expect(page.getByRole('checkbox', { name: /Routes/ })).toBeChecked();
});

for (const [date, expected] of [
  ['2021-06-01', shown],
  ['2023-08-01', hidden],
] as const) {
  test(`a link with asof=${date} opens on that day`, async ({ atlas: { page } }) => {
    await openAtlas(page, `${CORRIDOR}&asof=${date}`);
    await expect(page.locator('.as-of input')).toHaveValue(date);
    expect(await earlierLine(page)).toEqual(expected);
  });
}

test('back and forward bring back each entry’s date', async ({ atlas: { page } }) => {
  await openAtlas(page, `${CORRIDOR}&asof=2021-06-01`);
  await page.locator('.feature-button[data-feature-id="yevlakh"]').click();
  await expect(featurePopup(page).locator('h2')).toHaveText('Yevlakh');
  await page.locator('.as-of input').fill('2023-08-01');
  await expect.poll(() => page.url()).toContain('feature=yevlakh&asof=2023-08-01');
  await page.goBack();
  await expect(featurePopup(page)).toHaveCount(0);
  await expect(page.locator('.as-of input')).toHaveValue('2021-06-01');
  await page.goForward();
  await expect(page.locator('.as-of input')).toHaveValue('2023-08-01');
  await expect(featurePopup(page).locator('h2')).toHaveText('Yevlakh');
});

test('by keyboard: the dates that matter are buttons, the date field takes typed digits', async ({
  atlas: { page },
}) => {
  await openAtlas(page, CORRIDOR);
  const input = page.locator('.as-of input');
  const step = (date: string) => page.locator(`.time-step[data-date="${date}"]`);
  await expect(step('2020-11-10')).toHaveAccessibleName(
    '10 November 2020 Begins: Lachin road (to 30 August 2022).',
  );
  // The date field is the first stop after the skip links; typed in the browser's own order of
  // month, day and year (en-US here).
  await page.getByRole('link', { name: 'Skip to the places' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.type('06012021');
  await expect(input).toHaveValue('2021-06-01');
  expect(await earlierLine(page)).toEqual(shown);
  // Then the dates that matter, each a button (after the field's parts and its picker).
  for (let presses = 0; presses < 4; presses++) {
    if (await step('2020-11-10').evaluate((button) => button === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(step('2020-11-10')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(step('2022-08-30')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(step('2022-08-30')).toHaveAttribute('aria-pressed', 'true');
  await expect(input).toHaveValue('2022-08-30');
  expect(await earlierLine(page)).toEqual(hidden);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  await expect(input).toHaveValue('2020-11-10');
  expect(await earlierLine(page)).toEqual(shown);
});

test('places only the related posts name are drawn muted, said so, and hidden by a switch', async ({
  atlas: { page },
}) => {
  await openAtlas(page, '#map=8.00/39.76000/46.75000');
  // Shusha: a hollow grey ring, where the statement's places are solid dark dots.
  const shusha = await page.evaluate(
    () =>
      window.passageAtlas!.atlas.features.get('shusha')!.feature.geometry as unknown as {
        coordinates: [number, number];
      },
  );
  expect(await renderedCount(page, ['places-settlement-related'])).toBeGreaterThan(0);
  const drawnAs = (layer: string) =>
    page.evaluate(
      (id) => window.passageAtlas!.map.queryRenderedFeatures({ layers: [id] }).map((f) => f.id),
      layer,
    );
  expect(await drawnAs('places-settlement-related')).toEqual(['shusha']);
  expect(await drawnAs('places-settlement')).not.toContain('shusha');
  const centre = await pagePoint(page, shusha.coordinates);
  const colour = await pixelColour(page, centre);
  const white = hexToRgb(COLOURS.relatedOnlyFill);
  colour.forEach((channel, index) => expect(Math.abs(channel - white[index]!)).toBeLessThan(20));

  const row = page.locator('.feature-button[data-feature-id="shusha"]');
  await expect(row).toContainText('named only in the page’s related posts');
  await row.click();
  await expect(featurePopup(page)).toContainText('named only in the page’s related posts');
  await expect(page.locator('.legend-related')).toBeVisible();

  const onlyStatement = page.getByRole('checkbox', { name: 'Only the statement’s places' });
  await onlyStatement.check();
  // The popup of a place now hidden closes; the map, the list and the legend leave them out.
  await expect(featurePopup(page)).toHaveCount(0);
  await waitForIdle(page);
  expect(await renderedCount(page, ['places-settlement-related', 'places-label-related'])).toBe(0);
  for (const id of ['shusha', 'islamabad', 'sri-lanka', 'indonesia', 'pakistan'])
    await expect(page.locator(`.feature-button[data-feature-id="${id}"]`)).toHaveCount(0);
  await expect(page.locator('.feature-button[data-feature-id="khankendi"]')).toHaveCount(1);
  await expect(page.locator('.legend-related')).toBeHidden();

  await onlyStatement.uncheck();
  await waitForIdle(page);
  expect(await drawnAs('places-settlement-related')).toEqual(['shusha']);
  await expect(row).toBeVisible();
});
