/**
 * The browser tests' Chromium switches off the address bar's popup with a `--disable-features`
 * of its own, and Chromium keeps only the last such switch: the list must still hold every
 * feature Playwright switches off (its HTTPS upgrades, its requests to Google at start, …), or
 * an upgrade of Playwright would quietly change the browser the tests run in.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../playwright.config.ts';

/** The features Playwright's own launch switches off, read from the installed playwright-core. */
function playwrightDisabledFeatures(): string[] {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('playwright-core/package.json'));
  const bundle = readFileSync(join(root, 'lib', 'coreBundle.js'), 'utf8');
  const list = /disabledFeatures = \[([\s\S]*?)\]/.exec(bundle);
  if (!list) throw new Error('playwright-core no longer lists its disabled features as before');
  return [...list[1]!.matchAll(/^\s*"([\w]+)"/gm)].map((match) => match[1]!);
}

describe('the browser tests’ Chromium', () => {
  const args = config.use?.launchOptions?.args ?? [];
  const switches = args.filter((arg) => arg.startsWith('--disable-features='));
  const disabled = switches[0]?.slice('--disable-features='.length).split(',') ?? [];

  it('has one --disable-features, with every feature Playwright switches off', () => {
    expect(switches).toHaveLength(1);
    const playwright = playwrightDisabledFeatures();
    expect(playwright.length).toBeGreaterThan(5);
    expect(disabled).toEqual(expect.arrayContaining(playwright));
  });

  it('opens no address bar popup renderer', () => {
    expect(disabled).toEqual(expect.arrayContaining(['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']));
  });
});
