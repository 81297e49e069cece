// Screenshots of the compiled notice for the README (docs/notice-*.png):
// a phone (390 × 844) and a desktop (1,280 × 900), first screen of each.
//
//   npm run compile && node lib/cli/main.js build policies/ipractice --out dist && node scripts/notice-screenshots.mjs dist
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const out = path.resolve(process.argv[2] ?? 'dist');
const shots = [
  ['ipractice', 'nl', 'phone', { width: 390, height: 844 }],
  ['ipractice', 'en', 'desktop', { width: 1280, height: 900 }],
];
const browser = await chromium.launch({
  executablePath: process.env.POLICYC_CHROMIUM ?? '/usr/bin/chromium-headless-shell',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  for (const [org, lang, name, viewport] of shots) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(path.join(out, org, lang, 'privacy.html')).href);
    await page.screenshot({ path: path.join('docs', `notice-${name}.png`) });
    await page.close();
  }
} finally {
  await browser.close();
}
