/**
 * A reader's text is data: a text full of hostile payloads (its title, its sentences, its names'
 * neighbours) and an HTML page with live markup stay inert, shown as text in the reading panel,
 * the list of texts, the popups and the export; and a PDF is read under the page's policy (pdf.js
 * evaluates nothing, its worker comes from the page's origin, nothing is fetched elsewhere).
 */
import { readFile } from 'node:fs/promises';
import { expect, openAtlas, test } from './fixtures.ts';
import { clickPlace, dropText, fixture, pasteText, textPlaces } from './texts/helpers.ts';
import { activeElements, cspViolations, installTraps, trapped } from './traps.ts';

const TOWNS = ['Batumi', 'Kutaisi', 'Tbilisi', 'Yerevan', 'Ganja', 'Goris', 'Gyumri', 'Sheki'];

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

test('a text full of hostile payloads, and an HTML page with live markup, stay inert', async ({
  atlas: { page },
}) => {
  test.setTimeout(180_000);
  const payloads: string[] = JSON.parse(await readFile('tests/fixtures/xss-payloads.json', 'utf8'));
  await installTraps(page);
  await openAtlas(page);

  const title = payloads[1]!;
  const sentences = payloads.map(
    (payload, index) => `${payload} was written on a wall in ${TOWNS[index % TOWNS.length]}.`,
  );
  await pasteText(page, `${title}\n\n${sentences.join('\n\n')}\n`);
  await expect(page.locator('#reading-heading')).toHaveText(title);
  await expect(page.locator('.texts-panel .text-row[data-text="text-1"]')).toContainText(title);
  const shown = (await page.locator('.reading-panel .document').innerText()).replace(/\s+/g, ' ');
  for (const payload of payloads) expect(shown).toContain(payload.replace(/\s+/g, ' ').trim());
  expect((await textPlaces(page)).map((place) => place.name)).toEqual(
    expect.arrayContaining(['Batumi', 'Yerevan', 'Ganja']),
  );

  // Popups show the hostile sentences as text.
  for (const town of ['Batumi', 'Yerevan']) {
    await clickPlace(page, town);
    const excerpts = await page.locator('.maplibregl-popup .excerpts').innerText();
    expect(payloads.some((payload) => excerpts.includes(payload.trim()))).toBe(true);
    await page.keyboard.press('Escape');
  }

  // Renamed to another payload: the list, the heading and the export carry it as text.
  const row = page.locator('.texts-panel .text-row[data-text="text-1"]');
  await row.getByRole('button', { name: /^Rename/ }).click();
  await row.locator('input').fill(payloads[0]!);
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#reading-heading')).toHaveText(payloads[0]!);
  await page.locator('.review-bar').getByLabel('with the suggestions not yet confirmed').check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.review-bar').getByRole('button', { name: 'Export GeoJSON' }).click(),
  ]);
  const exported = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(exported.document.title).toBe(payloads[0]);
  expect(JSON.stringify(exported)).toContain(JSON.stringify(payloads[4]).slice(1, -1));

  expect(await cspViolations(page)).toEqual([]);

  // An HTML page: its markup is never live, its escaped payloads are text. (Parsing it, the
  // browser refuses its inline handlers under the page's policy, and reports each refusal.)
  const page2 = [
    `<title>${payloads[2]}</title><script>window.__xss = 'script ran'</script>`,
    `<h1>${escapeHtml(payloads[5]!)}</h1>`,
    `<p>${escapeHtml(payloads[9]!)} near Ganja.</p><img src="x" onerror="window.__xss = 'img ran'">`,
    `<svg onload="window.__xss = 'svg ran'"></svg><p>Then on to Sheki.</p>`,
  ].join('\n');
  await dropText(page, `${payloads[3]}.html`, Buffer.from(page2));
  await expect(page.locator('#reading-heading')).toHaveText(payloads[5]!);
  await expect(page.locator('.reading-panel .document')).toContainText(payloads[9]!);

  expect(await activeElements(page)).toEqual([]);
  expect(await trapped(page)).toEqual({ trapped: [], flag: null });
  expect(new Set(await cspViolations(page))).toEqual(new Set(['script-src-attr inline']));
});

test('a PDF is read under the page’s policy: nothing evaluated, nothing fetched elsewhere', async ({
  atlas: { page },
}) => {
  await installTraps(page);
  const asked: string[] = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  await openAtlas(page);
  expect(asked.some((path) => path.includes('pdf'))).toBe(false);
  await dropText(page, 'bridge-opening.pdf', fixture('bridge-opening.pdf'));
  await expect(page.locator('#reading-heading')).toHaveText('New bridge links two river towns');
  // pdf.js and its worker came only now, from the page's own origin (the fixture checks that
  // nothing else was asked for).
  expect(asked.filter((path) => /pdf/.test(path))).toEqual([
    expect.stringMatching(/^\/assets\/pdf-text-[\w-]+\.js$/),
    expect.stringMatching(/^\/assets\/pdf-page-[\w-]+\.js$/),
    expect.stringMatching(/^\/assets\/pdf\.worker\.min-[\w-]+\.mjs$/),
  ]);
  expect(await cspViolations(page)).toEqual([]);
});
