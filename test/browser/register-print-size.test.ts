import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeSeeds } from '../support/seed-pages.js';
import { workerChromium, type Browser } from '../support/browser.js';

/**
 * The printed register (the accessibility review of 2026-12-07, finding 8): its text was 8.5 pt on landscape A4,
 * hard to read on paper. It prints at 10 pt at least, headings no smaller.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'policyc-register-print-'));
let browser: Browser;

beforeAll(async () => {
  await writeSeeds(dir, ['doctolib']);
  browser = await workerChromium();
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('doctolib/nl/register.html in print: text at least 10 pt, headings no smaller', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(`file://${path.join(dir, 'doctolib/nl/register.html')}`);
    await page.emulateMedia({ media: 'print' });
    const sizes = await page.evaluate(() =>
      ['dd', 'h1', 'h2', 'h3'].map((s) => parseFloat(getComputedStyle(document.querySelector(s)!).fontSize)),
    );
    const pt = (px: number): number => (px * 72) / 96;
    expect(pt(sizes[0]!)).toBeGreaterThanOrEqual(10 - 0.01);
    for (const heading of sizes.slice(1)) expect(heading).toBeGreaterThanOrEqual(sizes[0]!);
  } finally {
    await page.close();
  }
});
