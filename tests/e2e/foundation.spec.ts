import {
  expect,
  hexToRgb,
  openAtlas,
  pagePoint,
  pixelColour,
  test,
  waitForIdle,
} from './fixtures.ts';
import { COLOURS } from '../../src/lib/map/style/theme.ts';

test('the map draws the embedded basemap: Azerbaijan is land, the Caspian is sea', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  const inAzerbaijan = await pagePoint(page, [47.5, 40.6]);
  const canvasBox = (await page.locator('.maplibregl-canvas').boundingBox())!;
  const countries = await page.evaluate(
    ({ x, y }) =>
      window
        .passageAtlas!.map.queryRenderedFeatures([x, y], { layers: ['basemap-land'] })
        .map((feature) => feature.properties.name),
    { x: inAzerbaijan.x - canvasBox.x, y: inAzerbaijan.y - canvasBox.y },
  );
  expect(countries).toEqual(['Azerbaijan']);

  await page.evaluate(() => window.passageAtlas!.map.jumpTo({ center: [48.5, 40.5], zoom: 6 }));
  await waitForIdle(page);
  const near = (point: { x: number; y: number }, hex: string) =>
    pixelColour(page, point).then((colour) =>
      colour.forEach((channel, index) =>
        expect(Math.abs(channel - hexToRgb(hex)[index]!)).toBeLessThanOrEqual(3),
      ),
    );
  await near(await pagePoint(page, [50.5, 41.0]), COLOURS.sea);
  // North of the basemap's box the world goes on: Dagestan's land, not a void.
  await near(await pagePoint(page, [47.3, 43.3]), COLOURS.land);
});

test('country labels are drawn with the bundled font', async ({ atlas: { page } }) => {
  await openAtlas(page);
  // A view of the whole region, so that the neighbours' labels have room.
  await page.evaluate(() => window.passageAtlas!.map.jumpTo({ center: [46.5, 40.3], zoom: 6 }));
  await waitForIdle(page);
  const labelsOf = (layer: string) =>
    page.evaluate(
      (id) =>
        window
          .passageAtlas!.map.queryRenderedFeatures({ layers: [id] })
          .map((feature) => feature.properties.name ?? feature.properties.label),
      layer,
    );
  // The basemap labels its countries; the two the text names carry the atlas's own labels.
  expect(await labelsOf('basemap-country-labels')).toEqual(
    expect.arrayContaining(['Iran', 'Russia']),
  );
  expect(await labelsOf('areas-label-country')).toContain('Armenia');
  expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans"', 'Azerbaijan'))).toBe(
    true,
  );
  // The credit for the basemap is on the map.
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('Natural Earth');
});

test('dragging with the mouse pans the map by the dragged distance', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const grabbed = await page.evaluate(
    ({ x, y }) => window.passageAtlas!.map.unproject([x, y]).toArray(),
    { x: start.x - box.x, y: start.y - box.y },
  );
  const drag = { x: 140, y: 90 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let step = 1; step <= 10; step++) {
    await page.mouse.move(start.x + (drag.x * step) / 10, start.y + (drag.y * step) / 10);
  }
  await page.mouse.up();
  await waitForIdle(page);
  const now = await pagePoint(page, grabbed as [number, number]);
  expect(Math.abs(now.x - (start.x + drag.x))).toBeLessThan(3);
  expect(Math.abs(now.y - (start.y + drag.y))).toBeLessThan(3);
});

test('the arrow keys pan the map', async ({ atlas: { page } }) => {
  await openAtlas(page);
  const center = () => page.evaluate(() => window.passageAtlas!.map.getCenter().toArray());
  const start = await center();
  await page.locator('.maplibregl-canvas').focus();
  // One key at a time: a second key pressed while the first pan is still easing may replace it.
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await center())[0]).toBeGreaterThan(start[0]!);
  await waitForIdle(page);
  const east = await center();
  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => (await center())[1]).toBeGreaterThan(east[1]!);
  await waitForIdle(page);
  expect((await center())[0]).toBeCloseTo(east[0]!, 6);
});

test('the page asks nothing of any host but its own', async ({ atlas }) => {
  const requested: string[] = [];
  atlas.page.on('request', (request) => requested.push(request.url()));
  await openAtlas(atlas.page);
  // The fixture fails the test on any foreign request; make sure it saw the real load.
  expect(requested.some((url) => url.includes('maplibre-gl-worker'))).toBe(true);
  expect(requested.some((url) => url.endsWith('.woff2'))).toBe(true);
  expect(atlas.foreignRequests).toEqual([]);
});
