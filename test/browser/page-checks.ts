import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  workerChromium,
  STRICT_CSP,
  watchPage,
  type Browser,
  type BrowserContext,
  type Page,
  type PageWatch,
} from '../support/browser.js';
import { axeViolations, prepareForAxe } from './axe.js';
import { languageLinks } from './language-links.js';
import { buildSeeds, webTestPolicies, type SeedBuild } from '../support/seed-pages.js';
import type { Register } from '../../src/render/register/register-model.js';
import { httpStatus, serveFolder, type StaticServer } from '../support/static-server.js';

/**
 * Every compiled page of every seed, in both languages, in Debian's headless
 * Chromium, served with a strict Content-Security-Policy, on a phone
 * (390 × 844) and a desktop (1,280 × 900). Each page is loaded once per
 * screen and everything is checked on that load: no console errors, no CSP
 * violations, no request leaves the page's origin, the stylesheet applies,
 * nothing is wider than the screen, no word of a table is split over lines, axe-core finds no WCAG 2.1 A/AA and no
 * best-practice violation, the page names its other language (hreflang and
 * a visible link), and every table-of-contents link lands on its section.
 * Then each page prints to PDF; the printed register holds every column.
 *
 * The pages are split by policy into shards, one test file each
 * (pages-<n>.test.ts), so that vitest's workers share them.
 */
const SCREENS = [
  ['phone', 390, 844],
  ['desktop', 1280, 900],
] as const;

/** One shard's compiled pages, and (from its beforeAll) the server that serves them and the worker's browser that opens them. */
interface Shard {
  seeds: SeedBuild;
  server: StaticServer;
  browser: Browser;
  screens: Map<string, ScreenPages>;
}

declare global {
  interface Window {
    policycCspViolations: string[];
  }
}

/**
 * The pages of one screen size in one browser context, each used for one load after another. A fresh page is a
 * new renderer process that compiles axe-core anew: that cost more CPU than all the checks of a load. Each load
 * is a new document, and the server forbids caching (no-store), so a load is as it was in a fresh page.
 */
class ScreenPages {
  private context: Promise<BrowserContext> | undefined;
  private readonly idle: Page[] = [];

  constructor(readonly viewport: { width: number; height: number }) {}

  async take(browser: Browser): Promise<Page> {
    this.context ??= newWatchedContext(browser, this.viewport);
    const context = await this.context;
    return this.idle.pop() ?? context.newPage();
  }

  give(page: Page): void {
    this.idle.push(page);
  }

  /** Closes the context and its pages (the browser is the worker's, shared with the files after this one). */
  async close(): Promise<void> {
    const context = this.context;
    this.context = undefined;
    this.idle.length = 0;
    await (await context)?.close();
  }
}

/**
 * A context whose pages have a listener for CSP violations, and axe-core, installed before any of a
 * document's own content runs.
 */
async function newWatchedContext(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(() => {
    window.policycCspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.policycCspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await prepareForAxe(context);
  return context;
}

/** Loads `url` in `page`, recording what it does from before the request. */
async function loadPage(page: Page, url: string): Promise<PageWatch> {
  const watch = watchPage(page);
  const response = await page.goto(url, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
  return watch;
}

async function expectCleanLoad(page: Page, watch: PageWatch, origin: string): Promise<void> {
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
    handlers: [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => /^on/i.test(a.name) || a.name === 'style').map((a) => `${el.tagName} ${a.name}`),
    ),
  }));
  expect(watch.problems).toEqual([]);
  expect(state.violations).toEqual([]);
  expect(state.links, 'the page links a stylesheet').toBeGreaterThan(0);
  expect(state.sheets, 'every linked stylesheet loaded and applies under the CSP').toBe(state.links);
  expect(state.scripts, 'executable script elements').toBe(0);
  expect(state.handlers, 'inline event handlers or style attributes').toEqual([]);
  expect(watch.requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
  expect(
    watch.requests.some((url) => url.endsWith('.css')),
    'the page loads its stylesheet',
  ).toBe(true);
}

/** Nothing sticks out sideways: not the page, and no element past the right edge of the screen. */
async function expectNoOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}: ${el.textContent!.trim().slice(0, 40)}`);
    return { scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5) };
  });
  expect(overflow.wide, 'elements wider than the screen').toEqual([]);
  expect(overflow.scrollWidth, 'page width').toBeLessThanOrEqual(overflow.width);
}

/**
 * The words of the text nodes the selector picks (`first`: only each element's first child)
 * that are split over lines; links are left out (a long address may break anywhere).
 */
export function splitWords(page: Page, selector: string, first: boolean): Promise<string[]> {
  return page.evaluate(
    ([selector, first]) => {
      const split: string[] = [];
      const texts = (el: Element): Text[] => {
        if (first) return el.firstChild instanceof Text ? [el.firstChild] : [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        const found: Text[] = [];
        while (walker.nextNode())
          if (!walker.currentNode.parentElement!.closest('a')) found.push(walker.currentNode as Text);
        return found;
      };
      for (const el of document.querySelectorAll(selector)) {
        if (el.getClientRects().length === 0) continue;
        for (const text of texts(el))
          for (const word of text.data.matchAll(/[\p{L}\p{N}]{2,}/gu)) {
            const range = document.createRange();
            range.setStart(text, word.index);
            range.setEnd(text, word.index + word[0].length);
            const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (lines.size > 1) split.push(word[0]);
          }
      }
      return split;
    },
    [selector, first] as const,
  );
}

/**
 * A table header's words stay whole (notice.css: a header sets its column's least width); "Na|am" was the bug.
 * So do the words of every cell, a table that cannot hold them being cards (table-cards.ts): at 760 and
 * 1,280 px the seeds' tables broke 186 words inside their letters ("overeenkom|st"), Doctolib's alone 62.
 */
async function expectHeaderWordsWhole(page: Page): Promise<void> {
  expect(await splitWords(page, 'th', true), 'header words split over lines').toEqual([]);
  // Data tables only: the register's print frames (role="presentation", blocks on screen) hold label-and-value lists.
  expect(
    await splitWords(page, 'table:not([role="presentation"]) :is(tbody th, td)', false),
    'table words split over lines',
  ).toEqual([]);
}

/**
 * <link rel="alternate" hreflang> for every language of the build, and a visible link to each other one that loads.
 * Asked in the page in one round trip (languageLinks: Playwright's visibility rule; locators first installed Playwright's
 * injected script in each new document: pages-2 took 25.8-33.3 s of CPU, median 29.1, against 23.8-29.4, median 25.1,
 * five alternating runs each), and the other page fetched by Node's http client.
 */
async function expectLanguageLinks(seeds: SeedBuild, page: Page, pagePath: string): Promise<void> {
  const [org, lang, file] = pagePath.split('/') as [string, string, string];
  const others = seeds.languages.get(org)!.filter((l) => l !== lang);
  const links = await page.evaluate(languageLinks, { others, file });
  expect(links.alternates.sort()).toEqual([lang, ...others].sort().map((l) => `${l} ../${l}/${file}`));
  for (const [i, other] of others.entries()) {
    expect(links.visible[i], `visible link to the ${other} page`).toBe(true);
    expect(await httpStatus(new URL(`../${other}/${file}`, page.url()).href)).toBe(200);
  }
}

/**
 * Clicks every table-of-contents link in the page itself (one round trip instead of one per link): each link
 * must be visible and the element hit at the middle of its first box once scrolled into view (what a pointer click needs), and
 * the click must land its section's heading at the top of the screen, or on the last screen when it cannot scroll further.
 */
async function expectContentsLinksLand(page: Page, pagePath: string): Promise<void> {
  const clicks = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('nav.policyc-contents a')].map((a) => {
      const href = a.getAttribute('href')!;
      a.scrollIntoView({ block: 'center' });
      // Where a pointer would click: the middle of the link's first box (a link may wrap onto two lines).
      const box = [...a.getClientRects()].find((r) => r.width * r.height > 0.99);
      const hit = box && document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      const clickable = a.checkVisibility() && !!hit && a.contains(hit);
      a.click();
      const target = document.querySelector(':target');
      const top = target?.getBoundingClientRect().top ?? NaN;
      const atBottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
      const landed = {
        hash: location.hash,
        target: target?.id,
        tag: target?.tagName,
        inView: Math.abs(top) <= 1 || (atBottom && top >= 0 && top < window.innerHeight),
      };
      return { href, clickable, landed };
    }),
  );
  // Every notice has a table of contents; other page kinds may have one.
  if (pagePath.endsWith('/privacy.html')) expect(clicks.length).toBeGreaterThan(3);
  for (const { href, clickable, landed } of clicks) {
    expect(clickable, `${href}: visible and not covered`).toBe(true);
    expect(landed, href).toEqual({ hash: href, target: href.slice(1), tag: 'H2', inView: true });
  }
}

/**
 * The first layer on a phone: every item of "In short" — who and how to
 * reach them (mailto:/tel:), rights, retention, recipients, transfers,
 * complaint, purposes — and the date and the other language's link end within
 * the first 1.5 screens (390 × 844), before any other section; the rights
 * line within the first screen.
 */
async function expectFirstLayer(seeds: SeedBuild, page: Page, pagePath: string, height: number): Promise<void> {
  const layer = await page.evaluate(() => {
    const summary = document.querySelector('.policyc-summary');
    const bottom = (el: Element | null): number => el?.getBoundingClientRect().bottom ?? Infinity;
    const items = summary
      ? [...summary.querySelectorAll('p, li')].map((el) => ({
          text: el.textContent!.trim().slice(0, 50),
          bottom: bottom(el),
        }))
      : [];
    return {
      found: summary !== null,
      precedesSections:
        summary !== null &&
        [...document.querySelectorAll('.policyc-section, .policyc-introduction, .policyc-contents')].every(
          (el) => summary.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
        ),
      items,
      contact: summary ? [...summary.querySelectorAll('a[href^="mailto:"], a[href^="tel:"]')].length : 0,
      inPageLinks: summary
        ? [...summary.querySelectorAll('a[href^="#"]')]
            .map((a) => a.getAttribute('href')!)
            .filter((href) => !document.getElementById(href.slice(1)))
        : [],
      meta: [...document.querySelectorAll('.policyc-meta, .policyc-languages')].map((el) => bottom(el)),
      rights: document.getElementById('rights')
        ? bottom(summary?.querySelector('a[href="#rights"]')?.closest('p, li') ?? null)
        : 0,
    };
  });
  expect(layer.found, 'the first layer is there').toBe(true);
  expect(layer.precedesSections, 'before the introduction, the contents and every section').toBe(true);
  // Tappable when the policy gives an address or number at all (the cosmetic clinic's statement gives none).
  expect(layer.contact > 0, 'a tappable e-mail address or phone number').toBe(
    seeds.contactable.has(pagePath.split('/')[0]!),
  );
  expect(layer.inPageLinks, 'links into the detail that land').toEqual([]);
  expect(layer.items.length).toBeGreaterThanOrEqual(4);
  expect(
    layer.items.filter((item) => item.bottom > 1.5 * height),
    'first-layer items below 1.5 screens',
  ).toEqual([]);
  // What patients ask first after who: their rights, on the first screen (the phone review of 2026-12-06 found it
  // below the first 844 px in 5 of the 9 seeds, at 848–1,166 px, after up to seven purpose links).
  expect(layer.rights, 'the rights line ends on the first screen').toBeLessThanOrEqual(height);
  expect(
    layer.meta.filter((b) => b > 1.5 * height),
    'date and language link within 1.5 screens',
  ).toEqual([]);
}

/**
 * Every in-page link of a notice has its target: a purpose's retention link its rule's row, each section's
 * link back to the contents the contents (the phone review of 2026-12-06: retention links went to the top of
 * the section, the matching card up to 7.6 screens further).
 */
async function expectInPageLinksLand(page: Page): Promise<void> {
  const links = await page.evaluate(() => {
    const hrefs = [...document.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href')!);
    return {
      missing: [...new Set(hrefs.filter((href) => !document.getElementById(decodeURIComponent(href.slice(1)))))],
      back: document.querySelectorAll('.policyc-section > .policyc-to-contents:last-child a[href="#contents"]').length,
      sections: document.querySelectorAll('.policyc-section').length,
    };
  });
  expect(links.missing, 'in-page links without a target').toEqual([]);
  expect(links.back, 'sections that end in a link back to the contents').toBe(links.sections);
}

async function expectPrints(seeds: SeedBuild, page: Page, pagePath: string): Promise<void> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(1);
  if (pagePath.endsWith('/register.html')) expectRegisterPrinted(seeds, pagePath, pdf);
  if (pagePath.endsWith('/privacy.html')) {
    // The link to the notice in another language is for the screen: on paper it leads nowhere.
    const links = await page.$$eval('.policyc-languages a', (as) => as.map((a) => a.textContent!.trim()));
    const raw = pdfRawText(seeds.outDir, pdf, `${pagePath}-notice`);
    for (const link of links) expect(fold(raw), 'language link on paper').not.toContain(fold(link));
    // Headings and labels, but not those whose words also stand as content (a purpose named in a list).
    const labels = await page.$$eval('.policyc-notice :is(h2, h3, h4, dt, caption, li, a, p, td, th)', (els) => {
      const text = (el: Element): string => el.textContent!.trim();
      const content = new Set(els.filter((el) => !el.matches('h2, h3, h4, dt, caption')).map(text));
      return els
        .filter((el) => el.matches('h2, h3, h4, dt, caption'))
        .map(text)
        .filter((t) => !content.has(t));
    });
    expect(strandedOnPages(raw, new Set(labels)), 'pages that end in a heading or label').toEqual([]);
  }
}

/**
 * The last lines of the printed pages (pdftotext's text, pages ending in a form feed), but the last page's, that are
 * one of `labels`: a heading or label left behind. A page number (the register's '3 / 21', printed in the page's
 * bottom margin and read last) is not the page's last line.
 */
function strandedOnPages(text: string, labels: ReadonlySet<string>): string[] {
  const pages = text.split('\f').slice(0, -1);
  return pages
    .map(
      (page) =>
        page
          .split('\n')
          .filter((line) => line.trim() && !/^\d+ \/ \d+$/.test(line.trim()))
          .at(-1)
          ?.trim() ?? '',
    )
    .filter((last, i) => i < pages.length - 1 && labels.has(last));
}

/** pdftotext's text as it comes: pages end in a form feed (fold() it to compare text whatever its line ends). */
function pdfRawText(outDir: string, pdf: Buffer, name: string): string {
  const file = path.join(outDir, `${name.replace(/\W+/g, '-')}.pdf`);
  writeFileSync(file, pdf);
  const run = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (run.error || run.status !== 0)
    throw new Error(`pdftotext failed (install poppler-utils): ${run.error?.message ?? run.stderr}`);
  return run.stdout;
}

/**
 * No printed page ends in a label or an activity's title whose content is on
 * the next page (the grid of an activity taller than a page once moved whole,
 * leaving its title alone on a page).
 */
function expectNoStrandedLabels(register: Register, text: string): void {
  const labels = new Set([
    // A record's caption too: IES's stood alone on a page, its first activity (kept whole) moved to the next.
    ...register.tables.flatMap((t) => [
      t.caption,
      ...t.columns.map((c) => c.header),
      ...t.rows.map((r) => r[t.rowHeader]![0]!),
    ]),
    ...register.organisation.facts.map((f) => f.label),
  ]);
  expect(strandedOnPages(withoutUnfilledLists(register, text), labels), 'pages that end in a label or title').toEqual(
    [],
  );
}

/**
 * The text with each record's list of unfilled columns ('Voor geen van deze activiteiten vermeld:' and the
 * column names after it, a record's last block) taken out: those names are the list's items, not labels left
 * without their values — IES's English record ended a page with its last item, 'Systems', the next page
 * starting the 30(2) record.
 */
function withoutUnfilledLists(register: Register, text: string): string {
  const headers = new Set(register.tables.flatMap((t) => t.columns.map((c) => c.header)));
  const lines = text.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== register.noneStated) {
      kept.push(lines[i]!);
      continue;
    }
    // A line holding a form feed starts the next page: it stays, so the pages stay apart.
    while (i + 1 < lines.length && !lines[i + 1]!.includes('\f') && headers.has(lines[i + 1]!.trim())) i++;
  }
  return kept.join('\n');
}

/** pdftotext joins a word hyphenated at a line end: hyphens are left out on both sides of a comparison. */
const fold = (value: string): string => value.replace(/-/g, '').replace(/\s+/g, ' ').trim();

/**
 * The printed register holds what a privacy officer hands the supervisory
 * authority: on A4 landscape pages, every activity with its retention and
 * every other column, the security measures, and the organisation's details once.
 */
function expectRegisterPrinted(seeds: SeedBuild, pagePath: string, pdf: Buffer): void {
  const [org, lang] = pagePath.split('/') as [string, string];
  const register = seeds.registers.get(`${org}/${lang}`)!;
  const raw = pdfRawText(seeds.outDir, pdf, pagePath);
  const text = fold(raw);
  const size = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  expect(Number(size?.[1]), 'landscape: wider than high').toBeGreaterThan(Number(size?.[2]));
  for (const table of register.tables) {
    for (const row of table.rows) {
      table.columns.forEach((column, index) => {
        for (const value of row[index] ?? []) {
          // The author's ids are for the data formats (CSV, the workbook's unprinted column), not the printed page.
          if (column.organisationWide || column.identifier) continue;
          expect(text, `${table.kind} ${row[0]?.[0]} ${column.key}`).toContain(fold(value));
        }
      });
    }
  }
  // The organisation's details — controller, DPO, security measures — are printed once, not on every row.
  for (const fact of register.organisation.facts) expect(text, fact.label).toContain(fold(fact.value));
  expectNoStrandedLabels(register, raw);
  const count = (within: string, part: string): number => within.split(fold(part)).length - 1;
  // Words that occur in the values themselves ('Example Representative Ltd') may occur again; beyond those, each is printed once.
  const activityText = fold(
    register.tables
      .flatMap((t) => t.rows.flatMap((row) => row.filter((_, i) => !t.columns[i]!.organisationWide).flat()))
      .join(' '),
  );
  const valueText = fold([activityText, ...register.organisation.facts.map((f) => f.value)].join(' '));
  for (const key of ['security', 'dpo', 'representative']) {
    const fact = register.organisation.facts.find(
      (f) => f.label === register.tables[0]!.columns.find((c) => c.key === key)!.header,
    );
    if (fact) expect(count(text, fact.label), `${key} labelled once`).toBe(1 + count(valueText, fact.label));
    // (Words other details hold too — 'niet vermeld' for a DPO and for the security measures — count there as well.)
    const others = fold(
      register.organisation.facts
        .filter((f) => f !== fact)
        .map((f) => f.value)
        .join(' '),
    );
    // Not when the measures are not stated: 'niet vermeld' also stands in other columns, which the printed page
    // gives once for all activities where no activity states them (register review 5, finding 1).
    if (fact && key === 'security' && fact.value !== register.notStated)
      expect(count(text, fact.value), 'security measures printed once').toBe(
        1 + count(activityText, fact.value) + count(others, fact.value),
      );
  }
}

/**
 * Declares the tests of shard `shard` of the pages-<n>.test.ts files: the pages of every n-th policy of
 * webTestPolicies() (n the number of those files), compiled before the tests are collected, so that each page
 * (of whatever output kind) is a named test. Each shard has its own server and browser contexts.
 */
export async function describePageShard(shard: number): Promise<void> {
  const shards = readdirSync(path.dirname(fileURLToPath(import.meta.url))).filter((name) =>
    /^pages-\d+\.test\.ts$/.test(name),
  ).length;
  if (shard < 1 || shard > shards) throw new Error(`no page shard ${shard}: there are pages-1 to pages-${shards}`);
  const policies = webTestPolicies().filter((_, i) => i % shards === shard - 1);
  const screens = new Map(SCREENS.map(([name, width, height]) => [name, new ScreenPages({ width, height })]));
  const run = { seeds: await buildSeeds(policies), screens } as Shard;
  beforeAll(async () => {
    run.server = await serveFolder(run.seeds.outDir, {
      'Content-Security-Policy': STRICT_CSP,
      'Cache-Control': 'no-store',
    });
    run.browser = await workerChromium();
  }, 60_000);
  afterAll(async () => {
    await Promise.all([...run.screens.values()].map((screen) => screen.close()));
    await run.server?.close();
    rmSync(run.seeds.outDir, { recursive: true, force: true });
  });
  describePages(run);
}

// The pages are checked concurrently (vitest's maxConcurrency, 5) in the one browser: a test mostly waits
// on Chromium, so one page at a time left both cores idle for two thirds of the file's time.
// The print check runs on the desktop load (the same 1,280 × 900 page it used to open a third time for).
function describePages(run: Shard): void {
  const { seeds } = run; // compiled already; the server and browser are set by beforeAll
  describe.concurrent.each(seeds.pages)('%s in Chromium', { timeout: 120_000 }, (pagePath) => {
    test.each(SCREENS)(
      'on a %s screen (%i × %i): clean load under a strict CSP, no overflow, header words whole, axe with best practices, both languages linked, first layer within 1.5 screens, contents links land; on the desktop it also prints to PDF (A4; the register landscape, with every column of every activity)',
      async (name, _width, height) => {
        const screen = run.screens.get(name)!;
        const page = await screen.take(run.browser);
        let watch: PageWatch | undefined;
        try {
          watch = await loadPage(page, `${run.server.origin}/${pagePath}`);
          await expectCleanLoad(page, watch, run.server.origin);
          await expectNoOverflow(page);
          await expectHeaderWordsWhole(page);
          expect(await axeViolations(page)).toEqual([]);
          await expectLanguageLinks(seeds, page, pagePath);
          if (pagePath.endsWith('/privacy.html')) await expectFirstLayer(seeds, page, pagePath, height);
          if (pagePath.endsWith('/privacy.html')) await expectInPageLinksLand(page);
          await expectContentsLinksLand(page, pagePath);
          if (name === 'desktop') await expectPrints(seeds, page, pagePath);
          expect(watch.problems).toEqual([]);
        } catch (error) {
          await page.close(); // not used again after a failure
          throw error;
        } finally {
          watch?.stop();
        }
        screen.give(page);
      },
    );
  });
}
