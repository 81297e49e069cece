import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { compile, type CompileResult } from '../../src/index.js';
import { workerChromium, STRICT_CSP, watchPage, type Browser, type Page } from '../support/browser.js';
import { axeViolations, prepareForAxe } from './axe.js';
import { repoRoot } from '../support/cli.js';
import { runNuChecker } from '../support/nu-checker.js';
import { serveFolder, type StaticServer } from '../support/static-server.js';

/**
 * examples/static-site: a site that depends on policyc (file:../..), builds
 * with the library API and embeds the notice fragment in its own layout.
 * The test installs it offline, runs its build, and checks the result: the
 * fragment is there unchanged, the pages are valid HTML (Nu checker), and in
 * Chromium under a strict CSP they load cleanly and pass axe-core.
 */
const exampleDir = path.join(repoRoot, 'examples/static-site');
const policyFile = path.join(repoRoot, 'policies/ipractice/policy.json');
const out = mkdtempSync(path.join(os.tmpdir(), 'policyc-example-'));
const site = JSON.parse(readFileSync(path.join(exampleDir, 'src/site.json'), 'utf8')) as { noticeIdPrefix: string };
let compiled: CompileResult;
let server: StaticServer;
let browser: Browser;
let build: ReturnType<typeof spawnSync>;

beforeAll(async () => {
  if (!existsSync(path.join(exampleDir, 'node_modules/policyc'))) {
    // --ignore-scripts: policyc is linked (file:../..), and its prepare step would recompile lib/ while other
    // test files run the CLI from it (a half-written lib/ failed kill.test.ts); npm test has compiled it.
    const install = spawnSync('npm', ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: exampleDir,
      encoding: 'utf8',
    });
    if (install.status !== 0) throw new Error(`npm install in examples/static-site failed:\n${install.stderr}`);
  }
  build = spawnSync(process.execPath, ['build.js', '--policy', policyFile, '--out', out], {
    cwd: exampleDir,
    encoding: 'utf8',
  });
  compiled = await compile(readFileSync(policyFile, 'utf8'), { idPrefix: site.noticeIdPrefix, headingLevel: 2 });
  server = await serveFolder(out, { 'Content-Security-Policy': STRICT_CSP });
  browser = await workerChromium();
}, 120_000);

afterAll(async () => {
  await server?.close();
  rmSync(out, { recursive: true, force: true });
});

const sitePages = (): string[] =>
  compiled.outputs
    .filter((o) => o.path.endsWith('/privacy.fragment.html'))
    .map((o) => `${o.path.split('/')[1]}/privacy/index.html`);

test('the example builds and embeds the fragment and the JSON-LD unchanged', () => {
  expect(build.stderr).toBe('');
  expect(build.status).toBe(0);
  for (const fragment of compiled.outputs.filter((o) => o.path.endsWith('/privacy.fragment.html'))) {
    const lang = fragment.path.split('/')[1]!;
    const page = readFileSync(path.join(out, lang, 'privacy/index.html'), 'utf8');
    expect(page).toContain(String(fragment.contents).trimEnd());
    expect(page).toContain(`<html lang="${lang}">`);
  }
  expect(readFileSync(path.join(out, 'policy.jsonld'), 'utf8')).toBe(
    String(compiled.outputs.find((o) => o.path.endsWith('policy.jsonld'))!.contents),
  );
});

test("no id in the notice collides with the site's own: the site has #top and #contents, the notice has them prefixed", () => {
  const layoutIds = [...readFileSync(path.join(exampleDir, 'src/layout.html'), 'utf8').matchAll(/\sid="([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  expect(layoutIds).toEqual(expect.arrayContaining(['top', 'contents']));
  for (const pagePath of sitePages()) {
    const page = readFileSync(path.join(out, pagePath), 'utf8');
    const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(layoutIds.length + 10);
    expect(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      `duplicate ids in ${pagePath}`,
    ).toEqual([]);
    expect(ids.filter((id) => !layoutIds.includes(id)).every((id) => id.startsWith(site.noticeIdPrefix))).toBe(true);
    // The site's own <h1>, the notice's title one level below it.
    expect(page.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(page).toContain(`<h2 id="${site.noticeIdPrefix}top">`);
  }
});

/**
 * The web developer's review of 2026-12-07 (webdev10, 5): with the fragment's title at another level the example
 * crashed (it looked for '<h2'), after it had already removed its output folder, with the site's files in it.
 */
test("with --heading-level 3 the example builds, titles its pages, and leaves the output folder's other files", () => {
  const other = mkdtempSync(path.join(os.tmpdir(), 'policyc-example-h3-'));
  try {
    writeFileSync(path.join(other, 'keep.txt'), "the site's own file\n");
    const run = spawnSync(
      process.execPath,
      ['build.js', '--policy', policyFile, '--out', other, '--heading-level', '3'],
      { cwd: exampleDir, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(path.join(other, 'keep.txt'), 'utf8')).toBe("the site's own file\n");
    const page = readFileSync(path.join(other, 'nl/privacy/index.html'), 'utf8');
    const title = new RegExp(`<h3 id="${site.noticeIdPrefix}top">([^<]+)</h3>`).exec(page)?.[1];
    expect(title).toBeTruthy();
    expect(page).toContain(`<title>${title} — `);
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
});

test('the example pages have 0 Nu Html Checker errors', () => {
  const run = runNuChecker([path.join(out, 'index.html'), ...sitePages().map((p) => path.join(out, p))]);
  const messages = (JSON.parse(run.stderr) as { messages: Array<{ url: string; lastLine?: number; message: string }> })
    .messages;
  expect(messages.map((m) => `${m.url}:${m.lastLine ?? ''} ${m.message}`)).toEqual([]);
}, 60_000);

/** One example page at one screen size: clean under the CSP, axe-clean, both stylesheets applied, no sideways scrolling. */
async function checkSitePage(pagePath: string, viewport: { width: number; height: number }): Promise<void> {
  const page = await browser.newPage({ viewport });
  try {
    await checkLoadedPage(page, pagePath, viewport);
  } finally {
    await page.close(); // the browser is the worker's: no page of this file stays open in it
  }
}

async function checkLoadedPage(page: Page, pagePath: string, viewport: { width: number }): Promise<void> {
  await prepareForAxe(page);
  const watch = watchPage(page);
  await page.goto(`${server.origin}/${pagePath}`, { waitUntil: 'load' });
  const violations = await axeViolations(page);
  expect(watch.problems, pagePath).toEqual([]);
  expect(violations, `${pagePath} at ${viewport.width}px`).toEqual([]);
  expect(
    await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).display),
    'site.css applied',
  ).toBe('flex');
  expect(
    await page.evaluate(() => getComputedStyle(document.querySelector('.policyc-notice')!).containerType),
    'policyc-notice.css applied',
  ).toBe('inline-size');
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    `no sideways scrolling at ${viewport.width}px`,
  ).toBe(true);
}

// The four loads run side by side in the one browser: each mostly waits on Chromium.
test('the example pages load cleanly under a strict CSP and pass axe-core (WCAG 2.1 AA and best practices)', async () => {
  await Promise.all(
    sitePages().flatMap((p) => [
      checkSitePage(p, { width: 1280, height: 900 }),
      checkSitePage(p, { width: 390, height: 844 }),
    ]),
  );
}, 60_000);
