import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';
import config from '../../playwright.config.ts';

// A browser with WebGL switched off, as on a device that has none.
test.use({
  launchOptions: {
    ...config.use!.launchOptions,
    args: [...(config.use!.launchOptions!.args ?? []), '--disable-webgl', '--disable-3d-apis'],
  },
});

test('without WebGL the page says so, and the text, the places and the export still work', async ({
  atlas: { page },
}) => {
  await page.goto('/');
  expect(
    await page.evaluate(() => Boolean(document.createElement('canvas').getContext('webgl2'))),
  ).toBe(false);
  await expect(page.getByRole('alert').filter({ hasText: 'cannot be drawn' })).toContainText(
    'The map cannot be drawn on this device',
  );

  // The reading panel and the list open a place's details, excerpts included.
  await page.locator('.reading-panel .mention[data-feature-id="yevlakh"]').click();
  await expect(page.locator('.details-card h2')).toHaveText('Yevlakh');
  await expect(page.locator('.details-card')).toContainText('agreed to take place in Yevlakh');
  await page.getByRole('searchbox').fill('Stepanakert');
  await page.locator('.feature-button[data-feature-id="khankendi"]').click();
  await expect(page.locator('.details-card h2')).toHaveText('Khankendi');

  // Export still works; what needs a map says so by being unavailable.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'All layers' }).click(),
  ]);
  const exported = JSON.parse(await readFile((await file.path())!, 'utf8'));
  expect(exported.features.length).toBeGreaterThan(10);
  await expect(page.getByRole('button', { name: 'What is in view' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Map as PNG' })).toBeDisabled();
});
