import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { comparePolicies } from '../../src/diff/compare-policies.js';
import { diffReportStyle, renderDiffHtml } from '../../src/diff/render-diff.js';
import { chainRenderers } from '../../src/diff/render-diff-many.js';
import { messagesFor, type Language } from '../../src/i18n/messages.js';
import { workerChromium, watchPage, type Browser, type Page, type PageWatch } from '../support/browser.js';
import { axeViolations, prepareForAxe } from './axe.js';
import { serveFolder, type StaticServer } from '../support/static-server.js';
import { repoRoot } from '../support/cli.js';

/**
 * The HTML diff reports (the newsletter swap, in Dutch and English, and a
 * chain of three policies, two of which share their changes) in headless Chromium, served with a
 * Content-Security-Policy that allows no inline style but the report's own
 * stylesheet by its hash: no CSP violation, the style applies, axe-core finds
 * no WCAG 2.1 A/AA or best-practice violation on a phone and a desktop, and
 * the report prints to an A4 PDF.
 */
const fixtures = path.join(repoRoot, 'test/fixtures/diff');
const csp = `default-src 'none'; style-src '${diffReportStyle().hash}'; base-uri 'none'; form-action 'none'`;

function compare(from: string, to: string) {
  const side = (name: string) => ({
    text: readFileSync(path.join(fixtures, name, 'policy.json'), 'utf8'),
    label: `${name}/policy.json`,
  });
  return comparePolicies(side(from), side(to)).value!;
}

let dir: string;
let server: StaticServer;
let browser: Browser;
const pages: string[] = [];
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'policyc-diff-report-'));
  for (const lang of ['nl', 'en'] as Language[]) {
    writeFileSync(
      path.join(dir, `newsletter.${lang}.html`),
      renderDiffHtml(compare('newsletter-v1', 'newsletter-v2'), messagesFor(lang)),
    );
    const chain = {
      revision: 'HEAD~1',
      entries: [
        { label: 'policies/clinic/policy.json', result: compare('clinic-v1', 'clinic-v2') },
        // The same change in two policies: the changes they share are one table (chain-shared).
        { label: 'policies/clinic-two/policy.json', result: compare('clinic-v1', 'clinic-v2') },
        { label: 'policies/ipractice/policy.json', result: compare('ipractice-v1', 'ipractice-v2') },
      ],
    };
    writeFileSync(path.join(dir, `chain.${lang}.html`), chainRenderers.html!(chain, messagesFor(lang)));
    pages.push(`newsletter.${lang}.html`, `chain.${lang}.html`);
  }
  server = await serveFolder(dir, { 'Content-Security-Policy': csp });
  browser = await workerChromium();
}, 60_000);
afterAll(async () => {
  await Promise.all([...screens.values()].map((page) => page.close())); // each closes its own context
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the HTML diff report in Chromium', () => {
  for (const name of ['newsletter.nl.html', 'newsletter.en.html', 'chain.nl.html', 'chain.en.html']) {
    test.each([
      ['phone', 390, 844],
      ['desktop', 1280, 900],
    ] as const)(`${name} on a %s screen: styled under the CSP, axe clean, prints`, async (_, width, height) => {
      const page = await pageFor({ width, height });
      const watch = watchPage(page);
      try {
        await checkReport(page, name, watch);
      } catch (error) {
        screens.delete(width); // not used again after a failure
        await page.close();
        throw error;
      } finally {
        watch.stop();
      }
    });
  }
});

/** One page per screen, used for one report after another: a fresh page for each load cost more CPU than its checks. */
const screens = new Map<number, Page>();
async function pageFor(viewport: { width: number; height: number }): Promise<Page> {
  let page = screens.get(viewport.width);
  if (!page) {
    page = await browser.newPage({ viewport });
    await page.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { violations: string[] }).violations.push(e.violatedDirective),
      );
    });
    await prepareForAxe(page);
    screens.set(viewport.width, page);
  }
  return page;
}

/** Loads report `name` in `page`: no problem and no CSP violation, styled, no overflow, axe-clean, and it prints. */
async function checkReport(page: Page, name: string, watch: PageWatch): Promise<void> {
  await page.goto(`${server.origin}/${name}`, { waitUntil: 'load' });
  const state = await page.evaluate(() => ({
    violations: (window as unknown as { violations: string[] }).violations,
    rules: [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0),
    badge: getComputedStyle(document.querySelector('.class-material')!).borderTopStyle,
    overflow: document.documentElement.scrollWidth > window.innerWidth,
    shared: document.querySelectorAll('.chain-shared tbody tr').length,
  }));
  expect(watch.problems).toEqual([]);
  expect(state.violations).toEqual([]);
  expect(state.rules).toBeGreaterThan(10);
  expect(state.badge).toBe('solid');
  expect(state.overflow).toBe(false);
  if (name.startsWith('chain')) expect(state.shared).toBeGreaterThan(0);
  const violations = await axeViolations(page);
  expect(violations).toEqual([]);
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThan(0);
}
