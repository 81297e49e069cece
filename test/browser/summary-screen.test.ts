import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { workerChromium, type Page } from '../support/browser.js';
import { buildSeedNotices } from '../support/seed-pages.js';

/**
 * The first layer on a phone (the phone review of 2026-12-06, left open by the last one): at 360 × 740 the
 * summaries of Dental Clinics, Doctolib, IES and iPractice were 1.12-1.20 screens tall. And its links stand at
 * least 32 px apart at any phone width, not only at the 390 px the other checks use: two links of one paragraph
 * on lines one after the other stood 27 px apart (170 pairs over 320-480 px in the nine seeds' summaries).
 */
let seeds: { outDir: string; notices: string[] };
let page: Page;
const notices = (): string[] => seeds.notices;

beforeAll(async () => {
  // Only the notices: the registers, which buildSeeds compiles too, are not looked at here.
  seeds = await buildSeedNotices();
  page = await (await workerChromium()).newPage({ viewport: { width: 360, height: 740 } });
}, 60_000);

afterAll(async () => {
  await page?.close();
  if (seeds) rmSync(seeds.outDir, { recursive: true, force: true });
});

test('every seed notice, both languages: the summary fits one 360 × 740 screen; its links stand 32 px apart at 320-480 px', async () => {
  const tall: string[] = [];
  const close: string[] = [];
  expect(notices().length).toBeGreaterThanOrEqual(18);
  for (const notice of notices()) {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`file://${seeds.outDir}/${notice}`);
    const height = await page.evaluate(
      () => document.querySelector('.policyc-summary')!.getBoundingClientRect().height,
    );
    if (height > 740) tall.push(`${notice}: ${Math.round(height)} px`);
    for (let width = 320; width <= 480; width += 10) {
      await page.setViewportSize({ width, height: 740 });
      const pitch = await page.evaluate(() => {
        const tops = [...document.querySelectorAll('.policyc-summary a')].map((a) => a.getClientRects()[0]!.top);
        return Math.min(
          ...tops
            .slice(1)
            .map((top, i) => top - tops[i]!)
            .filter((d) => d > 0),
        );
      });
      if (pitch < 32) close.push(`${notice} at ${width} px: ${Math.round(pitch)} px`);
    }
  }
  expect(tall, 'summaries taller than the screen').toEqual([]);
  expect(close, 'summary links closer than 32 px').toEqual([]);
});
