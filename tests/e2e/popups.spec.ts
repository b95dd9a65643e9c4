/**
 * Popups at every size a reader brings: a desktop with a mouse, and phones from 320 px wide with
 * touch, where the popup is a sheet along the bottom. Each opened by a click or tap on the map,
 * from the list and from the text; always inside the screen, never over what it describes, its
 * name and close button always in view, and the map's other features still a click away.
 */
import type { Page } from '@playwright/test';
import {
  canvasAt,
  expect,
  expectPopupInView,
  featureCoordinate,
  featurePopup,
  openAtlas,
  pagePoint,
  press,
  test,
  waitForIdle,
} from './fixtures.ts';

// The narrowest phone and a common one: every width below 600 px takes the same sheet, and the
// 360 px phone is checked for its drawers and skip links in accessibility.spec.ts.
const SIZES = [
  { name: 'a desktop 1440×900', viewport: { width: 1440, height: 900 }, touch: false },
  { name: 'a phone 390 px wide', viewport: { width: 390, height: 844 }, touch: true },
  { name: 'a phone 320 px wide', viewport: { width: 320, height: 568 }, touch: true },
];

async function jumpTo(page: Page, center: [number, number], zoom: number) {
  await page.evaluate(({ center, zoom }) => window.passageAtlas!.map.jumpTo({ center, zoom }), {
    center,
    zoom,
  });
  await waitForIdle(page);
}

/** Every vertex of a line feature and the middle of each segment. */
async function pointsAlong(page: Page, featureId: string): Promise<[number, number][]> {
  return page.evaluate((id) => {
    const geometry = window.passageAtlas!.atlas.features.get(id)!.feature.geometry;
    if (geometry.type !== 'LineString') throw new Error(`${id} is no line`);
    const line = geometry.coordinates as [number, number][];
    return line.flatMap((point, index) => {
      const next = line[index + 1];
      return next ? [point, [(point[0] + next[0]) / 2, (point[1] + next[1]) / 2]] : [point];
    }) as [number, number][];
  }, featureId);
}

/** None of the points lies under the open popup. */
async function expectNotUnderPopup(page: Page, points: [number, number][]) {
  const box = (await featurePopup(page).boundingBox())!;
  for (const point of points) {
    const { x, y } = await pagePoint(page, point);
    const under = x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height;
    expect(under, `${point.join(', ')} under the popup`).toBe(false);
  }
}

/** Presses the middle of an element: a tap on a touch screen, else a click. */
async function pressElement(page: Page, selector: string, touch: boolean) {
  const box = (await page.locator(selector).boundingBox())!;
  await press(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, touch);
}

for (const { name, viewport, touch } of SIZES) {
  test.describe(`on ${name}`, () => {
    test.use({ viewport, hasTouch: touch, isMobile: touch });

    test('points and routes pressed on the map open inside the screen, beside themselves, and close', async ({
      atlas: { page },
    }) => {
      test.setTimeout(150_000);
      await openAtlas(page);
      for (const [id, title, fraction, where] of [
        ['yevlakh', 'Yevlakh', 0.5, 'corner'],
        ['lachin-road', 'Lachin road', 0.4, 'corner'],
        ['lachin-road', 'Lachin road', 0.4, 'middle'],
        ['aghdam-khankendi-road', 'Aghdam-Khankendi road', 0.5, 'middle'],
      ] as const) {
        const at = await featureCoordinate(page, id, fraction);
        await jumpTo(page, at, 9);
        if (where === 'corner') {
          // Near the map's bottom right corner: where a popup at the point would run off it.
          await page.evaluate(() => {
            const map = window.passageAtlas!.map;
            const canvas = map.getCanvas();
            map.panBy([-canvas.clientWidth * 0.35, -canvas.clientHeight * 0.35], {
              animate: false,
            });
          });
          await waitForIdle(page);
        }
        await press(page, await pagePoint(page, at), touch);
        await expect(featurePopup(page).locator('h2')).toHaveText(title);
        await waitForIdle(page);
        await expectPopupInView(page);
        // Where the reader pressed, the map still shows the feature: the popup is beside it,
        // and over no part of a route.
        expect(await canvasAt(page, await pagePoint(page, at)), `${id} uncovered`).toBe(true);
        if (id !== 'yevlakh') await expectNotUnderPopup(page, await pointsAlong(page, id));
        await pressElement(page, '.feature-popup .popup-close', touch);
        await expect(featurePopup(page)).toHaveCount(0);
      }
    });

    test('a route chosen in the list shows whole, beside its popup', async ({
      atlas: { page },
    }) => {
      await openAtlas(page);
      if (touch) await page.getByRole('button', { name: 'Places & layers' }).tap();
      const row = page.locator('.feature-button[data-feature-id="aghdam-khankendi-road"]');
      if (touch) await row.tap();
      else await row.click();
      await expect(featurePopup(page).locator('h2')).toHaveText('Aghdam-Khankendi road');
      await waitForIdle(page);
      await expectPopupInView(page);
      for (const point of await pointsAlong(page, 'aghdam-khankendi-road')) {
        const pixel = await pagePoint(page, point);
        expect(await canvasAt(page, pixel), `the road at ${point.join(', ')}`).toBe(true);
      }
    });

    test('places chosen in the text open inside the screen, beside the place', async ({
      atlas: { page },
    }) => {
      await openAtlas(page);
      for (const [id, title] of [
        ['baku', 'Baku'],
        ['aghdam-khankendi-road', 'Aghdam-Khankendi road'],
      ] as const) {
        if (touch) await page.getByRole('button', { name: 'Text', exact: true }).tap();
        const mention = page.locator(`.reading-panel .mention[data-feature-id="${id}"]`).first();
        if (touch) await mention.tap();
        else await mention.click();
        await expect(featurePopup(page).locator('h2')).toHaveText(title);
        await waitForIdle(page);
        await expectPopupInView(page);
        if (id === 'baku') {
          const baku = await featureCoordinate(page, 'baku');
          expect(await canvasAt(page, await pagePoint(page, baku))).toBe(true);
        } else {
          await expectNotUnderPopup(page, await pointsAlong(page, id));
        }
      }
    });

    test('with a popup open, pressing another feature opens that one', async ({
      atlas: { page },
    }) => {
      await openAtlas(page);
      const khankendi = await featureCoordinate(page, 'khankendi');
      const aghdam = await featureCoordinate(page, 'aghdam');
      await jumpTo(page, khankendi, 8);
      await press(page, await pagePoint(page, khankendi), touch);
      await expect(featurePopup(page).locator('h2')).toHaveText('Khankendi');
      await waitForIdle(page);
      // The popup leaves the places around it clear: Aghdam is there to be pressed.
      const next = await pagePoint(page, aghdam);
      expect(await canvasAt(page, next), 'Aghdam uncovered').toBe(true);
      await press(page, next, touch);
      await expect(featurePopup(page).locator('h2')).toHaveText('Aghdam');
      await expect(featurePopup(page)).toHaveCount(1);
    });

    test('“N more” keeps the name and the close button in view, never over the text', async ({
      atlas: { page },
    }) => {
      await openAtlas(page);
      if (touch) await page.getByRole('button', { name: 'Places & layers' }).tap();
      const row = page.locator('.feature-button[data-feature-id="azerbaijan"]');
      if (touch) await row.tap();
      else await row.click();
      const popup = featurePopup(page);
      await expect(popup.locator('h2')).toHaveText('Azerbaijan');
      await waitForIdle(page);
      const more = popup.getByRole('button', { name: '21 more' });
      await more.scrollIntoViewIfNeeded();
      if (touch) await more.tap();
      else await more.click();
      await expect(popup.locator('.excerpt')).toHaveCount(24);
      await waitForIdle(page);
      for (const where of ['top', 'bottom'] as const) {
        await popup
          .locator('.popup-scroll')
          .evaluate((scroller, end) => (scroller.scrollTop = end === 'top' ? 0 : 1e6), where);
        await expectPopupInView(page);
        const close = (await popup.locator('.popup-close').boundingBox())!;
        const text = (await popup.locator('.popup-scroll').boundingBox())!;
        expect(close.y + close.height, 'the close button above the text').toBeLessThanOrEqual(
          text.y + 0.5,
        );
      }
      await pressElement(page, '.feature-popup .popup-close', touch);
      await expect(popup).toHaveCount(0);
    });
  });
}
