/**
 * The text and the list, where a new reader stumbled: a compound name is one control, the places
 * inside it a click away in its popup; the words that name both lines of the Lachin road let the
 * reader choose; a place named only inside a longer name says so; the list tells the two lines
 * apart and counts in good English.
 */
import { expect, featurePopup, openAtlas, test, waitForIdle } from './fixtures.ts';

const mention = (page: import('@playwright/test').Page, featureId: string) =>
  page.locator(`.reading-panel .mention[data-feature-id="${featureId}"]`);

test('“Aghdam-Khankendi road” is one control that opens the road, wherever it is clicked', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  const road = mention(page, 'aghdam-khankendi-road');
  await expect(road).toHaveCount(2);
  await expect(road.first()).toHaveText('Aghdam-Khankendi road');
  // The names inside it are marked, not controls of their own.
  await expect(road.first().locator('button')).toHaveCount(0);
  await expect(mention(page, 'khankendi')).toHaveCount(0);
  await expect(mention(page, 'aghdam')).toHaveCount(0);
  for (const inner of ['khankendi', 'aghdam']) {
    // A real click on the word "Khankendi" (and "Aghdam") inside the name.
    await road.first().locator(`.nested-name[data-features="${inner}"]`).click();
    await expect(featurePopup(page).locator('h2')).toHaveText('Aghdam-Khankendi road');
    await page.keyboard.press('Escape');
    await expect(featurePopup(page)).toHaveCount(0);
  }
  await road.first().click();
  await expect(featurePopup(page)).toContainText('Named within it: Aghdam, Khankendi');
});

test('the places inside the name open from the road’s popup, and say they are named only there', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  await mention(page, 'aghdam-khankendi-road').first().click();
  const popup = featurePopup(page);
  await popup.locator('.named-within').getByRole('button', { name: 'Khankendi' }).click();
  await expect(popup.locator('h2')).toHaveText('Khankendi');
  await expect(popup).toContainText('Stepanakert');
  await expect(popup.locator('.excerpts-heading')).toHaveText(
    'What the text says (2 mentions, named within “Aghdam-Khankendi road”)',
  );
  // The text marks where: the name inside the road's.
  const inner = page.locator('.reading-panel .nested-name[data-features="khankendi"]').first();
  await expect(inner).toHaveClass(/selected/);
  await expect(inner).toHaveClass(/focused/);
  // And the list.
  await expect(page.locator('.feature-button[data-feature-id="khankendi"]')).toContainText(
    'named within “Aghdam-Khankendi road”',
  );
});

test('the words “Lachin road” let the reader open either line, each dated', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  const words = mention(page, 'lachin-road').first();
  await expect(words).toHaveAttribute('data-features', 'lachin-road lachin-road-2020-2022');
  await words.click();
  await expect(words).toHaveAttribute('aria-expanded', 'true');
  const chooser = page.locator('.mention-chooser');
  await expect(chooser.getByRole('button')).toHaveText([
    'Lachin road (from 30 August 2022)',
    'Lachin road (10 November 2020 to 30 August 2022)',
    'Cancel',
  ]);
  // Keyboard: the first choice has the focus, Escape goes back to the words.
  await expect(chooser.getByRole('button').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(chooser).toHaveCount(0);
  await expect(words).toBeFocused();

  await words.click();
  await chooser.getByRole('button', { name: /10 November 2020/ }).click();
  const popup = featurePopup(page);
  await expect(popup.locator('h2')).toHaveText('Lachin road');
  await expect(popup.locator('.facts')).toContainText('10 November 2020 to 30 August 2022');
  expect(page.url()).toContain('feature=lachin-road-2020-2022');
  // The map moved to a day the line held, said so, and draws it.
  await expect(page.locator('.as-of input')).toHaveValue('2022-08-29');
  await expect(page.getByRole('status').first()).toContainText('29 August 2022');
  await waitForIdle(page);
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          window.passageAtlas!.map.queryRenderedFeatures({
            layers: ['routes-line-lachin-road-2020-2022'],
          }).length,
      ),
    )
    .toBeGreaterThan(0);

  // The other line, from the same words again.
  await mention(page, 'lachin-road').nth(1).click();
  await chooser.getByRole('button', { name: /from 30 August 2022/ }).click();
  await expect(popup.locator('.facts')).toContainText('from 30 August 2022');
  await expect(popup).toContainText(
    'The same words in the text also name: Lachin road (10 November 2020 to 30 August 2022)',
  );
  expect(page.url()).toContain('feature=lachin-road&');
});

test('the list tells the Lachin road’s lines apart by their period, and counts in English', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  const row = (id: string) => page.locator(`.feature-button[data-feature-id="${id}"]`);
  await expect(row('lachin-road')).toContainText('Route · from 30 August 2022 · 2 mentions');
  await expect(row('yevlakh')).toContainText('Settlement · 1 mention');
  await page.locator('.as-of input').fill('2021-06-01');
  await expect(row('lachin-road-2020-2022')).toContainText(
    'Route · 10 November 2020 to 30 August 2022 · 2 mentions',
  );
  const search = page.getByRole('searchbox');
  await search.fill('Yevlakh');
  await expect(page.locator('.layer-panel [aria-live="polite"]')).toHaveText('1 place found');
  await search.fill('Lachin');
  await expect(page.locator('.feature-list .feature-button')).toHaveCount(1);
  await expect(page.locator('.layer-panel [aria-live="polite"]')).toHaveText('1 place found');
  await search.fill('');
  await expect(page.locator('.hidden-note')).toContainText(
    '2 places are hidden by “What to show” above',
  );
});
