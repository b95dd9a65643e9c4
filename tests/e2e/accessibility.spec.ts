import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openAtlas, test } from './fixtures.ts';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' | ')}`,
    );
}

test('axe finds no serious or critical violation, with and without a popup', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.locator('.feature-button[data-feature-id="lachin-road"]').click();
  await expect(page.locator('.maplibregl-popup h2')).toHaveText('Lachin road');
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 720 } });

  test('the map fills the screen and the panels open as drawers', async ({ atlas: { page } }) => {
    await openAtlas(page);
    const map = (await page.locator('.maplibregl-canvas').boundingBox())!;
    expect(map.width).toBeGreaterThanOrEqual(350);
    expect(map.height).toBeGreaterThan(500);
    await expect(page.locator('.reading-panel')).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );

    await page.getByRole('button', { name: 'Text' }).click();
    await expect(page.locator('.reading-panel')).toBeVisible();
    await page.locator('.reading-panel .mention[data-feature-id="yevlakh"]').click();
    await expect(page.locator('.maplibregl-popup h2')).toHaveText('Yevlakh');
    // The drawer gets out of the way of the popup.
    await expect(page.locator('.reading-panel')).toBeHidden();
    await expect(page.locator('.maplibregl-popup h2')).toBeInViewport();

    await page.getByRole('button', { name: 'Places & layers' }).click();
    await expect(page.locator('.layer-panel')).toBeVisible();
    await expect(page.locator('.reading-panel')).toBeHidden();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
