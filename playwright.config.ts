import { defineConfig } from '@playwright/test';

// Overridable so that several checkouts can run their browser tests side by side.
export const PREVIEW_PORT = Number(process.env.PREVIEW_PORT ?? 4391);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Features switched off in the test browser. Headless Chromium opens a window per browser
 * context, and every window starts a renderer of its own for the address bar's WebUI popup
 * (chrome://omnibox-popup.top-chrome): 1.7 s of CPU per test on these 2 cores, a third of what
 * the atlas's own page load costs (measured from /proc). The popup is never shown here.
 *
 * Chromium keeps only the last `--disable-features`, so the list repeats the features Playwright
 * 1.65.1 switches off itself (chromiumSwitches.ts) before adding the popup's two.
 */
const DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
];

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // Every test has a browser context of its own (its own storage) and writes only under its own
  // output path, so tests of one file may run at once: the two workers stay busy to the end.
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PREVIEW_PORT}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
        '--component-updater=url-source=http://127.0.0.1:9/',
        `--disable-features=${DISABLED_FEATURES.join(',')}`,
      ],
    },
  },
  webServer: {
    command: `npx vite preview --port ${PREVIEW_PORT} --strictPort`,
    url: `http://127.0.0.1:${PREVIEW_PORT}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
