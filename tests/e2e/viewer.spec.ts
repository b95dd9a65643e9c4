import type { Page } from '@playwright/test';
import {
  canvasAt,
  clickAt,
  expect,
  featureCoordinate,
  openAtlas,
  pagePoint,
  test,
  waitForIdle,
} from './fixtures.ts';

const popup = (page: Page) => page.locator('.maplibregl-popup');

/** Brings a place into a close view, then clicks where the map draws it. */
async function clickFeature(page: Page, featureId: string, fraction = 0.5, zoom = 10) {
  await clickAt(page, await featureCoordinate(page, featureId, fraction), zoom);
}

test.describe('clicking the map', () => {
  test('the Lachin road opens its popup with the text’s words, and the URL names it', async ({
    atlas: { page },
  }) => {
    await openAtlas(page);
    // Between Hin Shen and Mets Shen: a stretch only the 2023 line takes.
    await clickFeature(page, 'lachin-road', 0.4);
    await expect(popup(page).locator('h2')).toHaveText('Lachin road');
    await expect(popup(page)).toContainText('abuse of the Lachin road');
    await expect(popup(page)).toContainText('schematic');
    await expect(popup(page)).toContainText(/\d+\.\d km/);
    await expect(popup(page)).toContainText('Lachin corridor');
    await expect(popup(page).locator('mark').first()).toHaveText('Lachin road');
    expect(page.url()).toContain('feature=lachin-road');
  });

  test('a click a few pixels beside a thin route still selects it', async ({ atlas: { page } }) => {
    await openAtlas(page);
    const target = await featureCoordinate(page, 'aghdam-khankendi-road', 0.1);
    await page.evaluate((center) => window.passageAtlas!.map.jumpTo({ center, zoom: 10 }), target);
    await waitForIdle(page);
    const point = await pagePoint(page, target);
    await page.mouse.click(point.x + 4, point.y - 4);
    await expect(popup(page).locator('h2')).toHaveText('Aghdam-Khankendi road');
  });

  test('the Aghdam-Khankendi road shows both its excerpts', async ({ atlas: { page } }) => {
    await openAtlas(page);
    await clickFeature(page, 'aghdam-khankendi-road', 0.1);
    await expect(popup(page).locator('h2')).toHaveText('Aghdam-Khankendi road');
    await expect(popup(page).locator('.excerpt')).toHaveCount(2);
    await expect(popup(page)).toContainText('for the delivery of goods to the Garabagh region');
    await expect(popup(page)).toContainText('concrete blocs and all other physical barriers');
  });

  for (const [id, name, words] of [
    ['yevlakh', 'Yevlakh', 'agreed to take place in Yevlakh'],
    ['baku', 'Baku', 'Today, the efforts for durable peace'],
    ['shusha', 'Shusha', 'Shaping the Geopolitics of the Greater Eurasia'],
  ] as const) {
    test(`${name} opens with its excerpt`, async ({ atlas: { page } }) => {
      await openAtlas(page);
      await clickFeature(page, id);
      await expect(popup(page).locator('h2')).toHaveText(name);
      await expect(popup(page)).toContainText(words);
    });
  }

  test('hovering a route shows a pointer; a feature with many excerpts folds them', async ({
    atlas: { page },
  }) => {
    await openAtlas(page);
    const target = await featureCoordinate(page, 'garabagh-region');
    await page.evaluate((center) => window.passageAtlas!.map.jumpTo({ center, zoom: 8 }), target);
    await waitForIdle(page);
    const point = await pagePoint(page, target);
    await page.mouse.move(point.x, point.y);
    await expect(page.locator('.maplibregl-canvas')).toHaveCSS('cursor', 'pointer');
    await page.mouse.click(point.x, point.y);
    await expect(popup(page).locator('h2')).toHaveText('Garabagh region');
    await expect(popup(page).locator('.excerpt')).toHaveCount(3);
    await popup(page).getByRole('button', { name: '1 more' }).click();
    await expect(popup(page).locator('.excerpt')).toHaveCount(4);
  });

  test('hovering a route draws it highlighted; a chosen one stays highlighted until closed', async ({
    atlas: { page },
  }) => {
    await openAtlas(page);
    const target = await featureCoordinate(page, 'aghdam-khankendi-road');
    await page.evaluate((center) => window.passageAtlas!.map.jumpTo({ center, zoom: 10 }), target);
    await waitForIdle(page);
    let point = await pagePoint(page, target);
    /** The highlighted features the map draws under the route's point, by their labels. */
    const highlightedAt = () =>
      page.evaluate((at) => {
        const map = window.passageAtlas!.map;
        const rect = map.getCanvas().getBoundingClientRect();
        const layers = map.getLayersOrder().filter((id) => id.startsWith('highlight-'));
        return map
          .queryRenderedFeatures([at.x - rect.left, at.y - rect.top], { layers })
          .map((feature) => `${feature.layer.id}: ${feature.properties.label}`);
      }, point);
    // (`point` is read each time: the map may move.)
    expect(await highlightedAt()).toEqual([]);

    await page.mouse.move(point.x, point.y);
    await expect.poll(highlightedAt).toEqual(['highlight-route: Aghdam-Khankendi road']);
    // The pointer leaves the route: the highlight goes.
    await page.mouse.move(point.x + 120, point.y - 160);
    await expect.poll(highlightedAt).toEqual([]);

    await page.mouse.click(point.x, point.y);
    await expect(popup(page).locator('h2')).toHaveText('Aghdam-Khankendi road');
    // The map pans as far as the popup needs to fit beside the road: the point has moved.
    await waitForIdle(page);
    point = await pagePoint(page, target);
    // The text scrolled to the road's first mention; the page itself never scrolls.
    expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
    await page.mouse.move(point.x + 120, point.y - 160);
    await expect.poll(highlightedAt).toEqual(['highlight-route: Aghdam-Khankendi road']);
    await page.keyboard.press('Escape');
    await expect(popup(page)).toHaveCount(0);
    await expect.poll(highlightedAt).toEqual([]);
  });

  test('a layer switched off can no longer be clicked', async ({ atlas: { page } }) => {
    await openAtlas(page);
    await page.getByRole('checkbox', { name: /Places/ }).uncheck();
    await clickFeature(page, 'yevlakh');
    await expect(popup(page)).toHaveCount(0);
    await page.getByRole('checkbox', { name: /Places/ }).check();
    await waitForIdle(page);
    const point = await pagePoint(page, await featureCoordinate(page, 'yevlakh'));
    await page.mouse.click(point.x, point.y);
    await expect(popup(page).locator('h2')).toHaveText('Yevlakh');
  });
});

test.describe('the text beside the map', () => {
  test('clicking a mention opens its popup and brings the map to the place, close up', async ({
    atlas: { page },
  }) => {
    await openAtlas(page);
    await page.locator('.reading-panel .mention[data-feature-id="yevlakh"]').click();
    await expect(popup(page).locator('h2')).toHaveText('Yevlakh');
    await waitForIdle(page);
    const yevlakh = await featureCoordinate(page, 'yevlakh');
    expect(await page.evaluate(() => window.passageAtlas!.map.getZoom())).toBeGreaterThanOrEqual(8);
    // In view, beside its popup (canvasAt: nothing of the page lies over that point).
    expect(await canvasAt(page, await pagePoint(page, yevlakh))).toBe(true);
  });

  test('a click on the map scrolls the text to the first mention and marks it', async ({
    atlas: { page },
  }) => {
    await openAtlas(page);
    await clickFeature(page, 'shusha');
    const mention = page.locator('.reading-panel .mention[data-feature-id="shusha"]').first();
    await expect(mention).toHaveClass(/focused/);
    await expect(mention).toBeInViewport();
  });

  test('“Show in text” in a popup scrolls to that excerpt’s mention', async ({
    atlas: { page },
  }) => {
    await openAtlas(page);
    await clickFeature(page, 'lachin-road', 0.4);
    await popup(page).getByRole('button', { name: 'Show in text' }).nth(1).click();
    const second = page.locator('.reading-panel .mention[data-feature-id="lachin-road"]').nth(1);
    await expect(second).toHaveClass(/focused/);
    await expect(second).toBeInViewport();
  });

  test('the page furniture after the statement is shown apart, under its own heading', async ({
    atlas: { page },
  }) => {
    await openAtlas(page);
    const furniture = page.locator('.reading-panel .furniture');
    await expect(furniture.locator('h3')).toContainText('furniture');
    await expect(furniture).toContainText('Related posts');
    await expect(furniture.locator('.mention[data-feature-id="islamabad"]')).toHaveCount(1);
  });
});

test.describe('state in the URL', () => {
  test('a permalink restores the view and opens its popup', async ({ atlas: { page } }) => {
    await openAtlas(page, '#map=9.00/40.20000/47.00000&feature=yevlakh');
    await expect(popup(page).locator('h2')).toHaveText('Yevlakh');
    const view = await page.evaluate(() => ({
      zoom: window.passageAtlas!.map.getZoom(),
      centre: window.passageAtlas!.map.getCenter().toArray(),
    }));
    // The popup's feature is in view, so the view stays as the link gave it.
    expect(view.zoom).toBeCloseTo(9, 1);
    expect(view.centre[1]).toBeCloseTo(40.2, 1);
    expect(view.centre[0]).toBeCloseTo(47.0, 1);
  });

  test('the hash follows panning, and back and forward step through popups', async ({
    atlas: { page },
  }) => {
    await openAtlas(page);
    await page.evaluate(() => window.passageAtlas!.map.jumpTo({ center: [46.5, 39.9], zoom: 7.5 }));
    await waitForIdle(page);
    await expect.poll(() => page.url()).toContain('#map=7.50/39.90000/46.50000');

    await page.locator('.feature-button[data-feature-id="yevlakh"]').click();
    await expect(popup(page).locator('h2')).toHaveText('Yevlakh');
    await page.locator('.feature-button[data-feature-id="baku"]').click();
    await expect(popup(page).locator('h2')).toHaveText('Baku');
    expect(page.url()).toContain('feature=baku');

    await page.goBack();
    await expect(popup(page).locator('h2')).toHaveText('Yevlakh');
    await page.goBack();
    await expect(popup(page)).toHaveCount(0);
    await page.goForward();
    await expect(popup(page).locator('h2')).toHaveText('Yevlakh');
  });
});

test.describe('finding and keyboard', () => {
  test('searching “Stepanakert” finds Khankendi', async ({ atlas: { page } }) => {
    await openAtlas(page);
    await page.getByRole('searchbox').fill('Stepanakert');
    const buttons = page.locator('.feature-list .feature-button');
    // Roads named after the town in other languages are found too, after the town itself.
    await expect(buttons.first()).toContainText('Khankendi');
    await expect(buttons.first()).toContainText('Stepanakert');
    await buttons.first().click();
    await expect(popup(page).locator('h2')).toHaveText('Khankendi');
  });

  test('keyboard only: Tab to Yevlakh, Enter opens it, Escape closes it and returns focus', async ({
    atlas: { page },
  }) => {
    await openAtlas(page);
    // The panels come after the map's first view: Tab walks them once they are there.
    await expect(page.locator('.feature-button[data-feature-id="yevlakh"]')).toBeAttached();
    let focusedId: string | null = null;
    for (let presses = 0; presses < 80 && focusedId !== 'yevlakh'; presses++) {
      await page.keyboard.press('Tab');
      focusedId = await page.evaluate(() =>
        document.activeElement?.classList.contains('feature-button')
          ? document.activeElement.getAttribute('data-feature-id')
          : null,
      );
    }
    expect(focusedId).toBe('yevlakh');
    await page.keyboard.press('Enter');
    await expect(popup(page).locator('h2')).toHaveText('Yevlakh');
    await page.keyboard.press('Escape');
    await expect(popup(page)).toHaveCount(0);
    await expect(page.locator('.feature-button[data-feature-id="yevlakh"]')).toBeFocused();
  });
});
