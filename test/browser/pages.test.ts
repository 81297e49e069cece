import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Result as AxeResult } from 'axe-core';
import { launchChromium, STRICT_CSP, watchPage, type Browser, type Page } from '../support/browser.js';
import { buildSeeds } from '../support/seed-pages.js';
import { serveFolder, type StaticServer } from '../support/static-server.js';

/**
 * Every compiled page of every seed, in both languages, in Debian's headless
 * Chromium, served with a strict Content-Security-Policy: no console errors,
 * no CSP violations, no request leaves the page's origin, the stylesheet
 * applies, axe-core finds no WCAG 2.1 AA violation, every table-of-contents
 * link lands on its section, and the page prints to PDF.
 */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// Compiled before the tests are collected, so that each page (of whatever output kind) is a named test.
const seeds = await buildSeeds();
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveFolder(seeds.outDir, { 'Content-Security-Policy': STRICT_CSP });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(seeds.outDir, { recursive: true, force: true });
});

declare global {
  interface Window { policycCspViolations: string[] }
}

/** Opens a page with a listener for CSP violations installed before any of the page's own content runs. */
async function openPage(url: string): Promise<{ page: Page; watch: ReturnType<typeof watchPage> }> {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.policycCspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.policycCspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const watch = watchPage(page);
  const response = await page.goto(url, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
  return { page, watch };
}

/** Playwright's default viewport, restored after the phone-sized axe run. */
const DEFAULT_VIEWPORT = { width: 1280, height: 720 };

// Each page is loaded once, and every test below inspects that one load (in this order).
describe.each(seeds.pages)('%s in Chromium', (pagePath) => {
  let page: Page;
  let watch: ReturnType<typeof watchPage>;
  beforeAll(async () => {
    ({ page, watch } = await openPage(`${server.origin}/${pagePath}`));
  });
  afterAll(async () => {
    await page?.close();
  });

  test('loads under a strict CSP with no console error, no violation and no outside request', async () => {
    const state = await page.evaluate(() => ({
      violations: window.policycCspViolations,
      links: document.querySelectorAll('link[rel="stylesheet"]').length,
      sheets: [...document.styleSheets].filter((sheet) => {
        try {
          return sheet.cssRules.length > 0;
        } catch {
          return false; // a sheet the page may not read did not load as its own
        }
      }).length,
      scripts: [...document.querySelectorAll('script')].filter((s) => s.type !== 'application/ld+json').length,
      handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name) || a.name === 'style').map((a) => `${el.tagName} ${a.name}`)),
    }));
    expect(watch.problems).toEqual([]);
    expect(state.violations).toEqual([]);
    expect(state.links, 'the page links a stylesheet').toBeGreaterThan(0);
    expect(state.sheets, 'every linked stylesheet loaded and applies under the CSP').toBe(state.links);
    expect(state.scripts, 'executable script elements').toBe(0);
    expect(state.handlers, 'inline event handlers or style attributes').toEqual([]);
    expect(watch.requests.filter((url) => !url.startsWith(`${server.origin}/`))).toEqual([]);
    expect(watch.requests.some((url) => url.endsWith('.css')), 'the page loads its stylesheet').toBe(true);
  });

  test.each([['desktop', 1280, 800], ['phone', 360, 740]] as const)('has no WCAG 2.1 AA violation (axe-core) on a %s screen', async (_, width, height) => {
    await page.setViewportSize({ width, height });
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async (tags) => {
      const result = await (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeResult[] }> } })
        .axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }, WCAG_21_AA);
    expect(violations).toEqual([]);
  });

  test('every table-of-contents link lands on its section', async () => {
    await page.setViewportSize(DEFAULT_VIEWPORT);
    const hrefs = await page.locator('nav.policyc-contents a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    // Every notice has a table of contents; other page kinds may have one.
    if (pagePath.endsWith('/privacy.html')) expect(hrefs.length).toBeGreaterThan(3);
    for (const href of hrefs) {
      await page.locator(`nav.policyc-contents a[href="${href}"]`).click();
      const landed = await page.evaluate(() => {
        const target = document.querySelector(':target');
        const top = target?.getBoundingClientRect().top ?? NaN;
        const atBottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
        return { hash: location.hash, target: target?.id, tag: target?.tagName, inView: Math.abs(top) <= 1 || (atBottom && top >= 0 && top < window.innerHeight) };
      });
      expect(landed, href).toEqual({ hash: href, target: href.slice(1), tag: 'H2', inView: true });
    }
  });

  test('prints to PDF', async () => {
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(watch.problems).toEqual([]);
  });
});
