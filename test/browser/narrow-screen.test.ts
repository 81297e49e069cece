import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeSeeds } from '../support/seed-pages.js';
import { workerChromium, type Browser, type Page } from '../support/browser.js';
import { splitWords } from './page-checks.js';

/**
 * The smallest screen WCAG 1.4.10 names, 320 px wide (the accessibility review of 2026-12-06): the
 * notice's title broke "Privacyverklarin|g" and the register's "verwerkingsactivitei|ten" and
 * "verwerkingsverantwoordelijke". The pages' other checks run at 390 px, where these fit.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'policyc-narrow-'));
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await writeSeeds(dir, ['ipractice', 'doctolib']);
  browser = await workerChromium();
  page = await browser.newPage({ viewport: { width: 320, height: 640 } });
}, 60_000);

afterAll(async () => {
  await page?.close();
  rmSync(dir, { recursive: true, force: true });
});

test.each(['ipractice/nl/privacy.html', 'doctolib/nl/register.html'])(
  '%s at 320 px: no heading word split over lines, nothing wider than the screen',
  async (file) => {
    await page.goto(`file://${path.join(dir, file)}`);
    expect(await splitWords(page, 'h1, h2, h3', true)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  },
);

/**
 * Cards on a phone (the phone review of 2026-12-06): their answers were .95rem and their labels .85rem, smaller
 * than the text around them, and a cell with nothing to state stood as a label and a dash (47 in Doctolib's notice).
 */
test('doctolib/nl/privacy.html at 320 px: cards in body-size text, labels at least .9 of it, no label-and-dash lines', async () => {
  await page.goto(`file://${path.join(dir, 'doctolib/nl/privacy.html')}`);
  const cards = await page.evaluate(() => {
    const size = (el: Element, pseudo?: string): number => parseFloat(getComputedStyle(el, pseudo).fontSize);
    const body = size(document.querySelector('.policyc-section p')!);
    const cells = [...document.querySelectorAll('.policyc-table td:not(.policyc-blank)')];
    const blanks = [...document.querySelectorAll('.policyc-table td.policyc-blank')];
    return {
      cells: cells.length,
      smallText: cells.filter((td) => size(td) < body).length,
      smallLabels: cells.filter((td) => size(td, '::before') < 0.9 * body).length,
      blanks: blanks.length,
      blanksShown: blanks.filter((td) => td.getBoundingClientRect().height > 1).length,
      captionsShown: [...document.querySelectorAll('caption.policyc-visually-hidden')].filter(
        (c) => c.getBoundingClientRect().height > 1,
      ).length,
    };
  });
  expect(cards.cells).toBeGreaterThan(50);
  expect(cards.blanks).toBeGreaterThan(10);
  expect(cards).toMatchObject({ smallText: 0, smallLabels: 0, blanksShown: 0, captionsShown: 0 });
});

/**
 * Zoom (the phone review of 2026-12-06). At 200% page zoom a 390 px phone is 195 CSS px wide: the title,
 * min(1.9rem, 9cqi), was 14.7 px under 17 px text. With 200% text (html { font-size: 200% }) at 360 px, padding
 * in rem doubled and left a purpose card's text 243 px; in px it keeps 360 less 2 × 12 (main) and 2 × 12 + 5
 * (the card's padding and borders).
 */
test('ipractice/nl/privacy.html at 200% page zoom on 390 px: the title no smaller than the text, its words whole', async () => {
  const zoomed = await browser.newPage({ viewport: { width: 195, height: 422 } });
  try {
    await zoomed.goto(`file://${path.join(dir, 'ipractice/nl/privacy.html')}`);
    const sizes = await zoomed.evaluate(() =>
      ['h1', '.policyc-section p'].map((s) => parseFloat(getComputedStyle(document.querySelector(s)!).fontSize)),
    );
    expect(sizes[0]).toBeGreaterThanOrEqual(sizes[1]!);
    expect(await splitWords(zoomed, 'h1', true)).toEqual([]);
  } finally {
    await zoomed.close();
  }
});

/**
 * The register's headings (the accessibility review of 2026-12-07, WCAG 1.4.4): min(1.5rem, 6vw) and
 * min(1.2rem, 5vw) left h1 11.7 px and h2 9.75 px under 15.2 px text at 200% page zoom on 390 px (195 CSS px),
 * and kept h1 at 23.4 px under 30.4 px text when the text alone was made 200%.
 */
test.each([
  { width: 195, text: '' },
  { width: 390, text: 'html { font-size: 200% }' },
])('doctolib/nl/register.html at $width px $text: headings no smaller than the text', async ({ width, text }) => {
  const zoomed = await browser.newPage({ viewport: { width, height: 640 } });
  try {
    await zoomed.goto(`file://${path.join(dir, 'doctolib/nl/register.html')}`);
    if (text) await zoomed.addStyleTag({ content: text });
    const sizes = await zoomed.evaluate(() =>
      ['h1', 'h2', 'dd'].map((s) => parseFloat(getComputedStyle(document.querySelector(s)!).fontSize)),
    );
    expect(sizes[0], `h1 ${sizes[0]} px, text ${sizes[2]} px`).toBeGreaterThanOrEqual(sizes[2]!);
    expect(sizes[1], `h2 ${sizes[1]} px, text ${sizes[2]} px`).toBeGreaterThanOrEqual(sizes[2]!);
    expect(await zoomed.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  } finally {
    await zoomed.close();
  }
});

test('ipractice/nl/privacy.html with 200% text at 360 px: padding does not grow with the text', async () => {
  const zoomed = await browser.newPage({ viewport: { width: 360, height: 740 } });
  try {
    await zoomed.goto(`file://${path.join(dir, 'ipractice/nl/privacy.html')}`);
    await zoomed.addStyleTag({ content: 'html { font-size: 200% }' });
    const width = await zoomed.evaluate(
      () => document.querySelector('.policyc-card dd')!.getBoundingClientRect().width,
    );
    expect(width).toBeGreaterThanOrEqual(360 - 2 * 12 - (2 * 12 + 5));
  } finally {
    await zoomed.close();
  }
});

/** Tap targets (the phone review of 2026-12-06): summary links stood 27 px apart, those of the contents 32. */
test.each(['ipractice', 'doctolib'])(
  '%s/nl/privacy.html at 390 px: links of the summary and the contents stand at least 32 px apart',
  async (org) => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await phone.goto(`file://${path.join(dir, `${org}/nl/privacy.html`)}`);
      const pitches = await phone.evaluate(() =>
        ['.policyc-summary a', '.policyc-contents a'].map((selector) => {
          const tops = [...document.querySelectorAll(selector)].map((a) => a.getClientRects()[0]!.top);
          return Math.min(
            ...tops
              .slice(1)
              .map((top, i) => top - tops[i]!)
              .filter((d) => d > 0),
          );
        }),
      );
      expect(
        pitches.every((pitch) => pitch >= 32),
        `${pitches.join(', ')} px`,
      ).toBe(true);
    } finally {
      await phone.close();
    }
  },
);
