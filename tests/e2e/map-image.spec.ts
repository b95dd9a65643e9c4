/**
 * The map as a picture fit to publish and as a printed page: the PNG at twice the screen's
 * pixels (at least 2 000 wide) with its title band and the legend of what is shown, nothing of a
 * layer switched off; the print of the view with its legend, the open popup and the citation, on
 * one page.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { COLOURS, ROUTE_PALETTE } from '../../src/lib/map/style/theme.ts';
import { expect, hexToRgb, openAtlas, test } from './fixtures.ts';
import { readPdf } from './poppler.ts';

const CITATION =
  'Ministry of Foreign Affairs of the Republic of Azerbaijan, “It is important to ensure that ' +
  'the historic opportunity for durable peace is not missed”, 14 August 2023, ' +
  'web address not established';

/** What the test reads from a PNG: its size, where the map is, and colours in each band. */
interface ImageReading {
  width: number;
  height: number;
  /** The first and last rows that are mostly land or sea: the map. */
  mapTop: number;
  mapBottom: number;
  /** Dark pixels (text) in the title band and in the band under the map. */
  titleInk: number;
  footInk: number;
  /** For each colour asked about: pixels of it in the band under the map, and in the map. */
  colours: Record<string, { foot: number; map: number }>;
}

/** Decodes the PNG in the page (a canvas reads it) and counts what the test needs. */
async function readImage(page: Page, png: Buffer, colours: string[]): Promise<ImageReading> {
  return page.evaluate(
    async ({ base64, wanted, ground }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
      const near = (at: number, rgb: number[], tolerance: number) =>
        Math.abs(data[at]! - rgb[0]!) <= tolerance &&
        Math.abs(data[at + 1]! - rgb[1]!) <= tolerance &&
        Math.abs(data[at + 2]! - rgb[2]!) <= tolerance;
      // A row of the map is mostly land or sea; a row of a band has none.
      const mapRows: number[] = [];
      for (let y = 0; y < height; y++) {
        let groundPixels = 0;
        for (let x = 0; x < width; x += 4) {
          const at = (y * width + x) * 4;
          if (ground.some((rgb) => near(at, rgb, 6))) groundPixels++;
        }
        if (groundPixels > width / 4 / 3) mapRows.push(y);
      }
      const mapTop = mapRows[0] ?? -1;
      const mapBottom = mapRows.at(-1) ?? -1;
      const ink = (from: number, to: number) => {
        let count = 0;
        for (let at = from * width * 4; at < to * width * 4; at += 4) {
          if (data[at]! + data[at + 1]! + data[at + 2]! < 3 * 110) count++;
        }
        return count;
      };
      const counts: Record<string, { foot: number; map: number }> = {};
      for (const [hex, rgb] of wanted) {
        let foot = 0;
        let map = 0;
        for (let at = 0; at < data.length; at += 4) {
          if (!near(at, rgb, 12)) continue;
          const y = Math.floor(at / 4 / width);
          if (y > mapBottom) foot++;
          else if (y >= mapTop) map++;
        }
        counts[hex] = { foot, map };
      }
      return {
        width,
        height,
        mapTop,
        mapBottom,
        titleInk: ink(0, mapTop),
        footInk: ink(mapBottom + 1, height),
        colours: counts,
      };
    },
    {
      base64: png.toString('base64'),
      wanted: colours.map((hex) => [hex, hexToRgb(hex)] as [string, number[]]),
      ground: [hexToRgb(COLOURS.land), hexToRgb(COLOURS.sea)],
    },
  );
}

async function savedImage(page: Page): Promise<Buffer> {
  // On a narrow screen the export is in the layers' drawer.
  const drawer = page.getByRole('button', { name: 'Places & layers' });
  if (await drawer.isVisible()) await drawer.click();
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('button', { name: 'Map as PNG' }).click(),
  ]);
  expect(file.suggestedFilename()).toBe('passage-atlas-map.png');
  return readFile((await file.path())!);
}

const mapCssSize = (page: Page) =>
  page.evaluate(() => {
    const container = window.passageAtlas!.map.getContainer();
    return { width: container.clientWidth, height: container.clientHeight };
  });

/** The width the image must have: twice the screen's pixels, at least 2 000, within 4 096. */
function expectedWidth(css: { width: number; height: number }, screenRatio: number) {
  const ratio = Math.min(
    Math.max(2 * screenRatio, 2000 / css.width),
    4096 / css.width,
    4096 / css.height,
  );
  return Math.round(css.width * ratio);
}

const [FIRST_ROUTE_COLOUR] = ROUTE_PALETTE;

for (const { name, viewport, screenRatio } of [
  { name: 'a laptop', viewport: { width: 1280, height: 800 }, screenRatio: 1 },
  { name: 'a 390 px phone at 3×', viewport: { width: 390, height: 740 }, screenRatio: 3 },
]) {
  test.describe(`on ${name}`, () => {
    test.use({ viewport, deviceScaleFactor: screenRatio });

    test('the PNG has twice the screen’s pixels, a title band, and the legend of what is shown', async ({
      atlas: { page },
    }) => {
      test.setTimeout(240_000);
      await openAtlas(page, '#map=9.5/39.75/46.6');
      const css = await mapCssSize(page);
      const png = await savedImage(page);
      const image = await readImage(page, png, [FIRST_ROUTE_COLOUR!]);
      expect(image.width).toBeGreaterThanOrEqual(2000);
      expect(image.width).toBe(expectedWidth(css, screenRatio));
      // The map, at the image's ratio, between a title band and a band of legend and credit.
      const ratio = image.width / css.width;
      expect(image.mapTop).toBeGreaterThan(40);
      expect(Math.abs(image.mapBottom - image.mapTop + 1 - css.height * ratio)).toBeLessThan(
        20 * ratio,
      );
      expect(image.height - image.mapBottom).toBeGreaterThan(200);
      expect(image.titleInk).toBeGreaterThan(2000);
      expect(image.footInk).toBeGreaterThan(2000);
      // The Lachin road is orange on the map and in the legend.
      expect(image.colours[FIRST_ROUTE_COLOUR!]!.map).toBeGreaterThan(200);
      expect(image.colours[FIRST_ROUTE_COLOUR!]!.foot).toBeGreaterThan(50);
      await expect(page.locator('.export-message')).toHaveText(/^Saved passage-atlas-map\.png/);
    });
  });
}

test('a layer switched off is neither drawn nor in the legend of the PNG', async ({
  atlas: { page },
}) => {
  test.setTimeout(240_000);
  await openAtlas(page, '#map=9.5/39.75/46.6');
  await page.locator('.layer-toggle').filter({ hasText: 'Routes' }).getByRole('checkbox').uncheck();
  const image = await readImage(page, await savedImage(page), [
    ...ROUTE_PALETTE.slice(0, 3),
    COLOURS.checkpoint,
  ]);
  for (const colour of ROUTE_PALETTE.slice(0, 3)) {
    expect(image.colours[colour], colour).toEqual({ foot: 0, map: 0 });
  }
  // The places are still on: the checkpoint is drawn and in the legend.
  expect(image.colours[COLOURS.checkpoint]!.map).toBeGreaterThan(20);
  expect(image.colours[COLOURS.checkpoint]!.foot).toBeGreaterThan(20);
});

for (const format of ['A4', 'Letter'] as const) {
  test(`printed on ${format}: one page with the map, its legend, the open popup and the citation`, async ({
    atlas: { page },
  }, testInfo) => {
    test.setTimeout(180_000);
    await openAtlas(page);
    await page.locator('.feature-button[data-feature-id="lachin-road"]').click();
    await expect(page.locator('.maplibregl-popup h2')).toHaveText('Lachin road');
    const css = await mapCssSize(page);
    const file = testInfo.outputPath(`print-${format}.pdf`);
    await page.pdf({ path: file, format });
    const pdf = await readPdf(file);
    expect(pdf.pages).toBe(1);
    // The map's view as a picture, at twice its CSS pixels; the rest are the legend's swatches.
    const [largest, ...swatches] = [...pdf.images].sort((a, b) => b.width - a.width);
    expect(largest).toMatchObject({ page: 1, width: css.width * 2, height: css.height * 2 });
    for (const swatch of swatches) expect(swatch).toMatchObject({ width: 144, height: 64 });
    expect(pdf.text).toContain(
      'It is important to ensure that the historic opportunity for durable peace is not missed',
    );
    expect(pdf.text).toContain('Legend');
    expect(pdf.text).toContain('Lachin road (from 30 August 2022)');
    expect(pdf.text).toContain('Also: Lachin corridor');
    expect(pdf.text).toContain('wide-range abuse of the Lachin road by Armenia');
    expect(pdf.text).toContain(`Source: ${CITATION}.`);
    expect(pdf.text).toContain('GeoNames (CC BY 4.0)');
    expect(pdf.text).toContain('feature=lachin-road');
    // The page's own controls are not printed.
    expect(pdf.text).not.toContain('Copy quotation');
    expect(pdf.text).not.toContain('Import your own layer');
  });
}
