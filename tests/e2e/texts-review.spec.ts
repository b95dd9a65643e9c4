/**
 * Reviewing the places found in a reader's text, with real clicks at their pixels: confirm,
 * reject, choose another candidate, put a place elsewhere, undo and redo; drawn apart on the map
 * and in the list; all of it as it was after a reload and in a new tab; and the text deleted.
 */
import { expect, openAtlas, renderedCount, test, waitForIdle } from './fixtures.ts';
import { clickPlace, fixture, pasteText, placeNamed, textPlaces } from './texts/helpers.ts';

test('confirm, reject, choose another candidate, put elsewhere, undo: kept over a reload and a new tab', async ({
  atlas: { page },
}) => {
  test.setTimeout(240_000);
  await openAtlas(page);
  await pasteText(page, fixture('ferry-talks.txt').toString('utf8'));
  const popup = page.locator('.maplibregl-popup');

  // Confirm: the popup says so, the map draws it filled, the list and the text mark it.
  await clickPlace(page, 'BATUMI');
  await popup.getByRole('button', { name: 'Confirm' }).click();
  await expect(popup.locator('.certainty')).toContainText('Confirmed');
  expect((await placeNamed(page, 'BATUMI')).certainty).toBe('confirmed');
  await waitForIdle(page);
  expect(await renderedCount(page, ['text-1-confirmed'])).toBe(1);
  const batumi = await placeNamed(page, 'BATUMI');
  await expect(page.locator(`.feature-button[data-feature-id="text-1/${batumi.id}"]`)).toHaveClass(
    /confirmed/,
  );
  await expect(page.locator('.reading-panel .mention.confirmed')).toHaveCount(batumi.mentions);

  // Reject: gone from the map, the list and the text's marks; undo brings it back, redo not.
  await clickPlace(page, 'Sochi');
  await popup.getByRole('button', { name: 'Reject' }).click();
  await expect(popup).toHaveCount(0);
  expect((await textPlaces(page)).map((place) => place.name)).not.toContain('Sochi');
  await expect(page.locator('.reading-panel .mention', { hasText: 'Sochi' })).toHaveCount(0);
  await expect(page.locator('.review-bar .rejected')).toContainText('Sochi');
  const bar = page.locator('.review-bar');
  await bar.getByRole('button', { name: 'Undo: rejected “Sochi”' }).click();
  expect((await textPlaces(page)).map((place) => place.name)).toContain('Sochi');
  await bar.getByRole('button', { name: 'Redo: rejected “Sochi”' }).click();
  expect((await textPlaces(page)).map((place) => place.name)).not.toContain('Sochi');

  // Another of the finder's candidates: Alexandria in the United States, not in Egypt.
  await clickPlace(page, 'Alexandria');
  await popup
    .getByRole('button', { name: /^Choose: Alexandria, United States/ })
    .first()
    .click();
  await expect
    .poll(async () => (await placeNamed(page, 'Alexandria')).coordinates[0])
    .toBeLessThan(-70);
  const alexandria = await placeNamed(page, 'Alexandria');
  expect(alexandria.certainty).toBe('confirmed');
  // Its popup opens where it now is, the United States' record marked as shown.
  await popup.locator('.candidates summary').click();
  await expect(
    popup.getByRole('button', { name: /^Chosen: Alexandria, United States/ }),
  ).toBeDisabled();

  // Put elsewhere by hand, with the keyboard: the map brought over the place, "Place at the cross".
  await clickPlace(page, 'Poti');
  await popup.getByRole('button', { name: 'Place on the map' }).click();
  await expect(page.locator('.placing-bar')).toContainText('Poti');
  await page.evaluate(() => window.passageAtlas!.map.jumpTo({ center: [41.7, 42.2], zoom: 9 }));
  await expect(page.getByRole('button', { name: 'Place at the cross' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.placing-bar')).toHaveCount(0);
  const poti = await placeNamed(page, 'Poti');
  expect(poti.coordinates[0]).toBeCloseTo(41.7, 3);
  expect(poti.coordinates[1]).toBeCloseTo(42.2, 3);
  expect(poti.quality).toBe('approximate');

  // Undo puts Poti back where the finder had it; redo where the reader put it.
  await bar.getByRole('button', { name: 'Undo: placed “Poti” by hand' }).click();
  expect((await placeNamed(page, 'Poti')).certainty).toBe('suggested');
  await bar.getByRole('button', { name: 'Redo: placed “Poti” by hand' }).click();

  const reviewed = await textPlaces(page);
  const hash = new URL(page.url()).hash;
  expect(hash).toMatch(/text=text-1/);

  // A reload brings the text back, reviewed, read in the panel, its place's popup open.
  await page.reload();
  await openAtlas(page, hash);
  await expect(page.locator('#reading-heading')).toHaveText('Ferry line to Trabzon moves closer');
  await expect.poll(() => textPlaces(page)).toEqual(reviewed);
  await expect(popup.locator('h2')).toHaveText('Poti');

  // So does a new tab, the old one closed.
  const context = page.context();
  await page.close();
  const tab = await context.newPage();
  await openAtlas(tab);
  await expect(tab.locator('.texts-panel .text-row[data-text="text-1"]')).toContainText(
    '11 places, 3 confirmed',
  );
  await tab.locator('.texts-panel .text-row[data-text="text-1"] .text-read').click();
  await expect(tab.locator('#reading-heading')).toHaveText('Ferry line to Trabzon moves closer');
  await expect.poll(() => textPlaces(tab)).toEqual(reviewed);
  await tab.close();
});
