/**
 * The place finder in Chromium: its worker starts and loads the world gazetteer only when asked,
 * from the page's own origin, under the app's Content-Security-Policy, and finds places.
 */
import { expect, test } from '@playwright/test';
import { buildPlaceFinderPage, PAGE_PATH, servePlaceFinderPage } from './place-finder/build.ts';

let outDir: string;
/** The gazetteer's file, as the build names it: gazetteer.bin-<hash>.gz. */
const isGazetteerFile = (path: string) => /gazetteer\.bin-[\w-]+\.gz$/.test(path);

test.beforeAll(async () => {
  test.setTimeout(120_000);
  outDir = await buildPlaceFinderPage();
});

test('the worker loads the gazetteer on first use and finds the places of a text', async ({
  page,
}) => {
  const asked = await servePlaceFinderPage(page, outDir);
  const offOrigin: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1')) offOrigin.push(request.url());
  });
  await page.goto(PAGE_PATH);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  // Nothing of the gazetteer is loaded before a text asks for it.
  expect(asked.filter(isGazetteerFile)).toEqual([]);

  const size = await page.evaluate(() => window.placeFinder.load());
  expect(size.records).toBeGreaterThan(30_000);
  expect(asked.filter(isGazetteerFile)).toHaveLength(1);

  const result = await page.evaluate(async () => {
    const phases: string[] = [];
    const text = 'Residents of Stepanakert [Khankendi] left for Goris on the Lachin road.';
    const features = await window.placeFinder.find(text, (phase) => phases.push(phase));
    return { phases, features };
  });
  const khankendi = result.features.find((feature) =>
    feature.properties.mentions.some((mention) => mention.text === 'Stepanakert'),
  );
  expect(khankendi?.properties.mentions.map((mention) => mention.text)).toEqual([
    'Stepanakert',
    'Khankendi',
  ]);
  expect(khankendi?.properties.certainty).toBe('suggested');
  expect(khankendi?.properties.gazetteer?.url).toMatch(/^https:\/\/www\.geonames\.org\/\d+$/);
  expect(result.features.map((feature) => feature.properties.name)).toContain('Goris');
  expect(result.phases).toEqual(['loading gazetteer', 'finding names', 'done']);
  expect(offOrigin).toEqual([]);
});
