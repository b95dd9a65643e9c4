import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto('http://127.0.0.1:4407/');
const out = await page.evaluate(async () => {
  const v = [];
  document.addEventListener('securitypolicyviolation', (e) => v.push(e.violatedDirective + ' ' + e.sample));
  const html = '<p>x</p><img src="x" onerror="window.__xss=1"><svg onload="window.__xss=2"></svg>';
  const a = new DOMParser().parseFromString(html, 'text/html');
  await new Promise((r) => setTimeout(r, 200));
  const r1 = v.length;
  const d = document.implementation.createHTMLDocument('');
  d.body.innerHTML = html;
  await new Promise((r) => setTimeout(r, 200));
  const r2 = v.length;
  return { r1, r2, v };
});
console.log(out);
await browser.close();
