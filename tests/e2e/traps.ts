/**
 * Traps for anything a hostile text or layer would run: alert and friends, the flag payloads set,
 * and every violation of the page's Content-Security-Policy.
 */
import type { Page } from '@playwright/test';

export async function installTraps(page: Page) {
  await page.addInitScript(() => {
    const record = (what: string) => () => {
      (window as unknown as { __trapped: string[] }).__trapped.push(what);
    };
    (window as unknown as { __trapped: string[] }).__trapped = [];
    window.alert = record('alert');
    window.confirm = record('confirm') as unknown as typeof window.confirm;
    window.prompt = record('prompt') as unknown as typeof window.prompt;
    (window as unknown as { __cspViolations: string[] }).__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { __cspViolations: string[] }).__cspViolations.push(
        `${event.violatedDirective} ${event.blockedURI}`,
      ),
    );
  });
}

export const trapped = (page: Page) =>
  page.evaluate(() => ({
    trapped: (window as unknown as { __trapped: string[] }).__trapped,
    flag: (window as unknown as { __xss?: unknown }).__xss ?? null,
  }));

export const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

/** Elements no text from data may ever make. */
export const activeElements = (page: Page) =>
  page
    .locator('img, iframe, script:not([src]), svg[onload], details[ontoggle]')
    .evaluateAll((elements) =>
      elements.map((element) => `${element.tagName} ${element.getAttributeNames().join(' ')}`),
    );
