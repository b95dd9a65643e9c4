/**
 * npm run screenshots: the README's pictures, taken from the real app (built and previewed).
 */
import { spawn } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';

const PORT = 4392;
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
  await page.screenshot({ path: 'docs/popup-lachin-road.png' });
  await browser.close();
  console.log('Wrote docs/atlas.png and docs/popup-lachin-road.png');
} finally {
  server.kill();
}
