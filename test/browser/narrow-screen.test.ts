import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { compile } from '../../src/index.js';
import { repoRoot } from '../support/cli.js';
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
  for (const org of ['ipractice', 'doctolib']) {
    const policy = readFileSync(path.join(repoRoot, 'policies', org, 'policy.json'), 'utf8');
    for (const output of (await compile(policy, { languages: ['nl'] })).outputs) {
      const file = path.join(dir, output.path);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, output.contents);
    }
  }
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
      blanksShown: blanks.filter((td) => td.getClientRects().length > 0).length,
      captionsShown: [...document.querySelectorAll('caption.policyc-visually-hidden')].filter(
        (c) => c.getBoundingClientRect().height > 1,
      ).length,
    };
  });
  expect(cards.cells).toBeGreaterThan(50);
  expect(cards.blanks).toBeGreaterThan(10);
  expect(cards).toMatchObject({ smallText: 0, smallLabels: 0, blanksShown: 0, captionsShown: 0 });
});
