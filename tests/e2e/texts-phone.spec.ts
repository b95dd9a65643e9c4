/**
 * A reader's text on a phone (320 px, touch) and by keyboard alone: opened from the text drawer,
 * a place reviewed with taps; a place found in the list and confirmed without a pointer.
 */
import { expect, featurePopup, openAtlas, pagePoint, test, waitForIdle } from './fixtures.ts';
import { fixture, pasteText, placeNamed, textPlaces } from './texts/helpers.ts';

test.describe('on a phone, by touch', () => {
  test.use({ hasTouch: true, viewport: { width: 320, height: 640 } });

  test('a pasted text is read and a place confirmed with taps, nothing wider than the screen', async ({
    atlas: { page },
  }) => {
    test.setTimeout(120_000);
    await openAtlas(page);
    await page.getByRole('button', { name: 'Text', exact: true }).tap();
    await pasteText(page, fixture('ferry-talks.txt').toString('utf8'));
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await width()).toBeLessThanOrEqual(320);
    // The drawer stays open over the map's top: the text's places are shown below it, in view.
    await waitForIdle(page);
    const drawerBottom = (await page.locator('#text-drawer').boundingBox())!;
    const places = await textPlaces(page);
    expect(places.length).toBeGreaterThan(3);
    for (const place of places) {
      const at = await pagePoint(page, place.coordinates as [number, number]);
      expect(at.y, place.name).toBeGreaterThan(drawerBottom.y + drawerBottom.height);
      expect(at.y, place.name).toBeLessThan(640);
      expect(at.x, place.name).toBeGreaterThanOrEqual(0);
      expect(at.x, place.name).toBeLessThanOrEqual(320);
    }
    const drawer = page.locator('#text-drawer');
    for (const box of await drawer.locator('button, input, textarea').all()) {
      const rect = await box.boundingBox();
      if (rect) expect(rect.x + rect.width, await box.innerText()).toBeLessThanOrEqual(321);
    }
    // A tap on a marked name closes the drawer and opens the place on the map.
    await drawer.locator('.mention', { hasText: 'Kutaisi' }).tap();
    const popup = featurePopup(page);
    await expect(popup.locator('h2')).toHaveText('Kutaisi');
    await popup.getByRole('button', { name: 'Confirm' }).tap();
    await expect(popup.locator('.certainty')).toContainText('Confirmed');
    expect((await placeNamed(page, 'Kutaisi')).certainty).toBe('confirmed');
  });
});

test('by keyboard alone: a place found in the list, opened, rejected, then put back', async ({
  atlas: { page },
}) => {
  await openAtlas(page);
  await pasteText(page, fixture('ferry-talks.txt').toString('utf8'));
  const tbilisi = await placeNamed(page, 'Tbilisi');
  await page.locator('.search input').fill('Tbilisi');
  const item = page.locator(`.feature-button[data-feature-id="text-1/${tbilisi.id}"]`);
  await item.focus();
  await page.keyboard.press('Enter');
  const popup = featurePopup(page);
  await expect(popup.locator('h2')).toHaveText('Tbilisi');
  // Tab through the popup to its Reject button.
  for (let step = 0; step < 10; step++) {
    const label = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (label === 'Reject') break;
    await page.keyboard.press('Tab');
  }
  await expect(popup.getByRole('button', { name: 'Reject' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(popup).toHaveCount(0);
  const putBack = page.getByRole('button', { name: 'Put back Tbilisi' });
  await page.locator('.review-bar .rejected summary').focus();
  await page.keyboard.press('Enter');
  await putBack.focus();
  await page.keyboard.press('Enter');
  expect((await placeNamed(page, 'Tbilisi')).certainty).toBe('suggested');
});
