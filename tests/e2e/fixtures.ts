/**
 * Shared browser-test fixtures: every page is watched for requests off its own origin (one
 * fails the test) and for page errors; helpers reach the map through the app's test hook.
 */
import { test as base, expect, type Page } from '@playwright/test';

export interface AtlasPage {
  page: Page;
  /** Every URL the page asked for that was not on the preview server. */
  foreignRequests: string[];
  pageErrors: string[];
}

export const test = base.extend<{ atlas: AtlasPage }>({
  atlas: async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL!).origin;
    const foreignRequests: string[] = [];
    const pageErrors: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      if (new URL(url).origin !== origin) foreignRequests.push(url);
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await use({ page, foreignRequests, pageErrors });
    expect(foreignRequests, 'requests off the page origin').toEqual([]);
    expect(pageErrors, 'uncaught page errors').toEqual([]);
  },
});

export { expect };

/** Opens the app and waits until the map has drawn everything it has (its `idle` event). */
export async function openAtlas(page: Page, hash = ''): Promise<void> {
  await page.goto(`/${hash}`);
  await page.waitForFunction(() => window.passageAtlas?.map.loaded());
  await waitForIdle(page);
}

export async function waitForIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.passageAtlas!.map;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/** The pixel (relative to the page) where a longitude/latitude is drawn. */
export async function pagePoint(
  page: Page,
  lngLat: [number, number],
): Promise<{ x: number; y: number }> {
  return page.evaluate((position) => {
    const map = window.passageAtlas!.map;
    const point = map.project(position as [number, number]);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + point.x, y: rect.top + point.y };
  }, lngLat);
}

/** A point on a feature's geometry, as the app's data has it. */
export async function featureCoordinate(
  page: Page,
  featureId: string,
  fraction = 0.5,
): Promise<[number, number]> {
  return page.evaluate(
    ({ id, at }) => {
      const entry = window.passageAtlas!.atlas.features.get(id);
      if (!entry) throw new Error(`no feature ${id}`);
      const geometry = entry.feature.geometry;
      if (geometry.type === 'Point') return geometry.coordinates as [number, number];
      if (geometry.type === 'LineString') {
        // A point on a segment, not a vertex: the click must hit the drawn line itself.
        const coordinates = geometry.coordinates;
        const index = Math.min(coordinates.length - 2, Math.floor(at * (coordinates.length - 1)));
        const [a, b] = [coordinates[index]!, coordinates[index + 1]!];
        return [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2] as [number, number];
      }
      throw new Error(`no click point for ${geometry.type}`);
    },
    { id: featureId, at: fraction },
  );
}

/** Chooses a file under "Import your own layer", as a reader would. */
export async function importFile(page: Page, name: string, text: string | Buffer): Promise<void> {
  await page.setInputFiles('#import-file', {
    name,
    mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/geo+json',
    buffer: typeof text === 'string' ? Buffer.from(text) : text,
  });
}

/** How many features the map draws in the given style layers (those that exist). */
export async function renderedCount(page: Page, layerIds: string[]): Promise<number> {
  return page.evaluate((ids) => {
    const map = window.passageAtlas!.map;
    const layers = ids.filter((id) => map.getLayer(id));
    return layers.length === 0 ? 0 : map.queryRenderedFeatures({ layers }).length;
  }, layerIds);
}

/** Brings a point into a close view and clicks where the map draws it. */
export async function clickAt(page: Page, lngLat: [number, number], zoom = 9): Promise<void> {
  await page.evaluate(({ center, zoom }) => window.passageAtlas!.map.jumpTo({ center, zoom }), {
    center: lngLat,
    zoom,
  });
  await waitForIdle(page);
  const point = await pagePoint(page, lngLat);
  await page.mouse.click(point.x, point.y);
}

/** The colour of one page pixel, read from a screenshot (the WebGL buffer is not kept). */
export async function pixelColour(page: Page, point: { x: number; y: number }): Promise<number[]> {
  const png = await page.screenshot({
    clip: { x: Math.round(point.x), y: Math.round(point.y), width: 1, height: 1 },
  });
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, png.toString('base64'));
}

export function hexToRgb(hex: string): number[] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** A feature's popup: beside its feature on the map, or on a narrow screen a sheet along the bottom. */
export const featurePopup = (page: Page) => page.locator('.feature-popup:not(.placing)');

/** What the page shows at a point: true where it is the map's canvas, nothing over it. */
export function canvasAt(page: Page, point: { x: number; y: number }): Promise<boolean> {
  return page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.classList.contains('maplibregl-canvas') ?? false,
    point,
  );
}

/**
 * The open popup lies wholly inside the viewport, and nothing lies over its heading or its close
 * button: what a reader reads and taps is there to read and tap.
 */
export async function expectPopupInView(page: Page): Promise<void> {
  const popup = featurePopup(page);
  await expect(popup).toBeVisible();
  const viewport = page.viewportSize()!;
  const box = (await popup.boundingBox())!;
  expect(box.x, 'popup left').toBeGreaterThanOrEqual(0);
  expect(box.y, 'popup top').toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, 'popup right').toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height, 'popup bottom').toBeLessThanOrEqual(viewport.height);
  for (const part of [popup.locator('h2'), popup.locator('.popup-close')]) {
    const partBox = (await part.boundingBox())!;
    const centre = { x: partBox.x + partBox.width / 2, y: partBox.y + partBox.height / 2 };
    const onTop = await part.evaluate(
      (element, { x, y }) => element.contains(document.elementFromPoint(x, y)),
      centre,
    );
    expect(onTop, 'nothing lies over the popup’s heading and close button').toBe(true);
  }
}

/** A tap on a touch screen, else a click with the mouse. */
export async function press(
  page: Page,
  point: { x: number; y: number },
  touch: boolean,
): Promise<void> {
  if (touch) await page.touchscreen.tap(point.x, point.y);
  else await page.mouse.click(point.x, point.y);
}
