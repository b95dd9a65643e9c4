import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, featurePopup, openAtlas, test, waitForIdle } from './fixtures.ts';

/** Every violation axe finds, of any impact (minor included), by rule and element. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.impact} ${violation.id}: ${violation.nodes.map((node) => node.target).join(' | ')}`,
  );
}

test('axe finds no violation of any impact, with and without a popup', async ({
  atlas: { page },
}) => {
  // Three runs of axe over the whole page, 20–50 s each on this shared machine.
  test.setTimeout(240_000);
  await openAtlas(page);
  expect(await violations(page)).toEqual([]);
  await page.locator('.feature-button[data-feature-id="lachin-road"]').click();
  await expect(featurePopup(page).locator('h2')).toHaveText('Lachin road');
  await waitForIdle(page);
  expect(await violations(page)).toEqual([]);
  // The text's choice between the road's two lines.
  await page.locator('.reading-panel .mention[data-feature-id="lachin-road"]').first().click();
  await expect(page.locator('.mention-chooser')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('no two landmarks share a label', async ({ atlas: { page } }) => {
  await openAtlas(page);
  await page.locator('.feature-button[data-feature-id="yevlakh"]').click();
  await expect(featurePopup(page)).toBeVisible();
  // The landmarks as the browser's accessibility tree has them, by role and name.
  const tree = await page.locator('body').ariaSnapshot();
  const labels = [
    ...tree.matchAll(
      /- (banner|navigation|main|complementary|region|contentinfo|search)\b( "[^"]*")?/g,
    ),
  ].map((match) => `${match[1]}${match[2] ?? ''}`);
  expect(labels.length).toBeGreaterThan(5);
  expect(new Set(labels).size, labels.join('\n')).toBe(labels.length);
});

test('skip links lead the keyboard to the map, the text and the places', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  await page.keyboard.press('Tab');
  const toMap = page.getByRole('link', { name: 'Skip to the map' });
  await expect(toMap).toBeFocused();
  await expect(toMap).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('.maplibregl-canvas')).toBeFocused();
  // The map says how to reach its places, and shows it while it has the keyboard's focus.
  await expect(page.locator('.maplibregl-canvas')).toHaveAccessibleDescription(
    /To open a place, go to Places/,
  );
  await expect(page.locator('.map-keyboard-hint')).toBeVisible();

  await page.getByRole('link', { name: 'Skip to the text' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#reading-heading')).toBeFocused();

  await page.getByRole('link', { name: 'Skip to the places' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#places-heading')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('searchbox')).toBeFocused();
  await page.keyboard.type('Yevlakh');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(featurePopup(page).locator('h2')).toHaveText('Yevlakh');
});

test.describe('on a 360 px phone with touch', () => {
  test.use({ viewport: { width: 360, height: 720 }, hasTouch: true, isMobile: true });

  test('the map fills the screen and the panels open as drawers', async ({ atlas: { page } }) => {
    test.setTimeout(240_000);
    await openAtlas(page);
    const map = (await page.locator('.maplibregl-canvas').boundingBox())!;
    expect(map.width).toBeGreaterThanOrEqual(350);
    expect(map.height).toBeGreaterThan(500);
    await expect(page.locator('.reading-panel')).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    expect(await violations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Text', exact: true }).tap();
    await expect(page.locator('.reading-panel')).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.locator('.reading-panel .mention[data-feature-id="yevlakh"]').tap();
    await expect(featurePopup(page).locator('h2')).toHaveText('Yevlakh');
    // The drawer gets out of the way of the popup, a sheet along the bottom.
    await expect(page.locator('.reading-panel')).toBeHidden();
    await expect(featurePopup(page)).toHaveClass(/sheet/);
    await expect(featurePopup(page).locator('h2')).toBeInViewport();
    await waitForIdle(page);
    expect(await violations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Places & layers' }).tap();
    await expect(page.locator('.layer-panel')).toBeVisible();
    await expect(page.locator('.reading-panel')).toBeHidden();
    expect(await violations(page)).toEqual([]);
  });

  test('a skip link opens the drawer it leads into', async ({ atlas: { page } }) => {
    await openAtlas(page);
    await page.getByRole('link', { name: 'Skip to the text' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.reading-panel')).toBeVisible();
    await expect(page.locator('#reading-heading')).toBeFocused();
    await page.getByRole('link', { name: 'Skip to the map' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.reading-panel')).toBeHidden();
    await expect(page.locator('.maplibregl-canvas')).toBeFocused();
  });
});
