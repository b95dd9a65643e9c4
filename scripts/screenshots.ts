/**
 * npm run screenshots: the README's pictures, taken from the real app (built and previewed).
 */
import { spawn } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';

// Overridable, as the browser tests' port is, so that several checkouts can take theirs at once.
const PORT = Number(process.env.PREVIEW_PORT ?? 4392);
const ORIGIN = `http://127.0.0.1:${PORT}`;

async function waitForServer(): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(ORIGIN)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The preview server did not start on ${ORIGIN}`);
}

async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.passageAtlas?.map.loaded());
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        window.passageAtlas!.map.once('idle', () => resolve());
        window.passageAtlas!.map.triggerRepaint();
      }),
  );
}

const server = spawn(
  'node_modules/.bin/vite',
  ['preview', '--port', String(PORT), '--strictPort'],
  {
    stdio: 'inherit',
  },
);
try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${ORIGIN}/`);
  await idle(page);
  await page.screenshot({ path: 'docs/atlas.png' });

  await page.goto(`${ORIGIN}/#map=9.60/39.72000/46.66000&feature=lachin-road`);
  await page.reload();
  await idle(page);
  await page.locator('.maplibregl-popup').waitFor();
  await idle(page);
  await page.screenshot({ path: 'docs/popup-lachin-road.png' });

  // A phone: the Aghdam-Khankendi road chosen in the list, its popup a sheet below it.
  const phone = await browser.newPage({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  await phone.goto(`${ORIGIN}/`);
  await idle(phone);
  await phone.getByRole('button', { name: 'Places & layers' }).tap();
  await phone.locator('.feature-button[data-feature-id="aghdam-khankendi-road"]').tap();
  await phone.locator('.feature-popup.sheet').waitFor();
  await idle(phone);
  await phone.screenshot({ path: 'docs/phone-popup.png' });
  await browser.close();
  console.log('Wrote docs/atlas.png, docs/popup-lachin-road.png and docs/phone-popup.png');
} finally {
  server.kill();
}
