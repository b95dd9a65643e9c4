/**
 * Builds the place finder's test page (tests/e2e/place-finder/) with the app's Vite settings for
 * workers and assets, and serves it under /place-finder/ with the app's Content-Security-Policy:
 * to a Playwright page by routing, from the origin the page is on (the browser test), or over
 * HTTP by vite preview (the benchmark, where the transfer must be a server's).
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../../../content-security-policy.ts';
import { gzippedAssets } from '../../../scripts/gzipped-asset.ts';

export const PAGE_PATH = '/place-finder/';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.gz': 'application/gzip',
  '.json': 'application/json',
};

export async function buildPlaceFinderPage(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'place-finder-page-'));
  await build({
    root: import.meta.dirname,
    base: PAGE_PATH,
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0 },
    worker: { format: 'es', plugins: () => [gzippedAssets()] },
  });
  return outDir;
}

/** Serves the built page's files to `page` under PAGE_PATH; returns the paths asked for. */
export async function servePlaceFinderPage(page: Page, outDir: string): Promise<string[]> {
  const asked: string[] = [];
  await page.context().route(`**${PAGE_PATH}**`, async (route) => {
    const path = new URL(route.request().url()).pathname.slice(PAGE_PATH.length) || 'index.html';
    asked.push(path);
    try {
      await route.fulfill({
        body: readFileSync(join(outDir, path)),
        contentType: TYPES[extname(path)] ?? 'application/octet-stream',
        headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
      });
    } catch {
      await route.fulfill({ status: 404, body: 'not found' });
    }
  });
  return asked;
}

/** Serves the built page over HTTP (vite preview) at `port`, with the app's policy header. */
export function previewPlaceFinderPage(outDir: string, port: number): Promise<PreviewServer> {
  return preview({
    configFile: false,
    base: PAGE_PATH,
    logLevel: 'warn',
    build: { outDir },
    preview: {
      host: '127.0.0.1',
      port,
      strictPort: true,
      headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    },
  });
}
