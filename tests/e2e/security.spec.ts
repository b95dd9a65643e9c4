import { readFile } from 'node:fs/promises';
import { expect, featureCoordinate, openAtlas, pagePoint, test, waitForIdle } from './fixtures.ts';
import { CONTENT_SECURITY_POLICY } from '../../content-security-policy.ts';
import { activeElements, cspViolations, installTraps, trapped } from './traps.ts';

test('hostile names and properties show as literal text and never run', async ({
  atlas: { page },
}) => {
  // A real click on each of the layer's 30-odd features, each after the map has drawn its view:
  // more than the default minute where WebGL runs in software on a loaded machine.
  test.setTimeout(180_000);
  const payloads: string[] = JSON.parse(await readFile('tests/fixtures/xss-payloads.json', 'utf8'));
  expect(payloads.length).toBeGreaterThanOrEqual(30);
  const { xssLayer } = await import('../fixtures/make-xss-layer.ts');
  await installTraps(page);
  await openAtlas(page);

  await page.setInputFiles('#import-file', {
    name: `${payloads[1]}.geojson`,
    mimeType: 'application/geo+json',
    buffer: Buffer.from(xssLayer(payloads)),
  });
  const row = page.locator('[data-imported-layer]');
  await expect(row).toContainText(payloads[1]!);
  await waitForIdle(page);

  // Open the popup of each imported feature through a real click.
  const features = await page.evaluate(() =>
    window.passageAtlas!.atlas.importedLayers[0]!.data.features.map((feature) => feature.geometry),
  );
  for (let index = 0; index < features.length; index++) {
    const geometry = features[index]!;
    const target = (
      geometry!.type === 'Point'
        ? geometry!.coordinates
        : geometry!.type === 'LineString'
          ? [
              (geometry!.coordinates[0]![0]! + geometry!.coordinates[1]![0]!) / 2,
              (geometry!.coordinates[0]![1]! + geometry!.coordinates[1]![1]!) / 2,
            ]
          : null
    ) as [number, number] | null;
    if (!target) continue;
    await page.evaluate((center) => window.passageAtlas!.map.jumpTo({ center, zoom: 12 }), target);
    await waitForIdle(page);
    const point = await pagePoint(page, target);
    await page.mouse.click(point.x, point.y);
    await expect(page.locator('.feature-popup .imported-popup')).toBeVisible();
    const text = await page.locator('.feature-popup').innerText();
    expect(payloads.some((payload) => text.includes(payload))).toBe(true);
    await page.keyboard.press('Escape');
  }

  // The export carries them as text too.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('button', { name: /Export/ }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/^passage-atlas-[a-z0-9-]+\.geojson$/);
  const exported = await readFile((await file.path())!, 'utf8');
  for (const payload of payloads) expect(exported).toContain(JSON.stringify(payload).slice(1, -1));

  // The reading panel and the list are untouched by the import, and nothing ran anywhere.
  await page.locator('.reading-panel .mention[data-feature-id="yevlakh"]').click();
  await expect(page.locator('.maplibregl-popup h2')).toHaveText('Yevlakh');
  expect(await activeElements(page)).toEqual([]);
  expect(await trapped(page)).toEqual({ trapped: [], flag: null });
});

test('the page runs under a Content-Security-Policy of its own origin, and nothing violates it', async ({
  atlas: { page },
}) => {
  await installTraps(page);
  const response = await page.goto('/');
  expect(response!.headers()['content-security-policy']).toContain(CONTENT_SECURITY_POLICY);
  expect(
    await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'),
  ).toBe(CONTENT_SECURITY_POLICY);
  await openAtlas(page);

  // Normal use: a popup, the text, an import, an export and the map image.
  const target = await featureCoordinate(page, 'yevlakh');
  const point = await pagePoint(page, target);
  await page.mouse.click(point.x, point.y);
  await expect(page.locator('.maplibregl-popup h2')).toHaveText('Yevlakh');
  await page.locator('.reading-panel .mention[data-feature-id="baku"]').click();
  await page.setInputFiles('#import-file', {
    name: 'route.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(
      JSON.stringify({
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [46, 40],
            [47, 41],
          ],
        },
        properties: {},
      }),
    ),
  });
  await expect(page.locator('[data-imported-layer]')).toHaveCount(1);
  await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'All layers' }).click(),
  ]);
  await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Map as PNG' }).click(),
  ]);
  await waitForIdle(page);
  expect(await cspViolations(page)).toEqual([]);
});
