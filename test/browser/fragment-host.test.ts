import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { compile } from '../../src/index.js';
import { repoRoot } from '../support/cli.js';
import { workerChromium, type Browser, type Page } from '../support/browser.js';
import { axeViolations, prepareForAxe } from './axe.js';

/**
 * The notice fragment on a dark site with the browser's 'normal' line height (the accessibility
 * review of 2026-12-06): text on the notice's light boxes met the site's light text at 1.1:1, links
 * 2.6:1, and stacked links in the summary stood 19 px apart. Checked with axe-core's contrast and
 * WCAG 2.2 target-size rules on the notice alone.
 */
const DARK_HOST = 'body { background: #121212; color: #e8e8e8; line-height: normal; font: 16px sans-serif; }';

let browser: Browser;
let page: Page;
const dir = mkdtempSync(path.join(os.tmpdir(), 'policyc-host-'));

beforeAll(async () => {
  const policy = readFileSync(path.join(repoRoot, 'policies/dental-clinics/policy.json'), 'utf8');
  const compiled = await compile(policy, { languages: ['en'] });
  const file = (name: string): string => String(compiled.outputs.find((o) => o.path.endsWith(`/en/${name}`))!.contents);
  browser = await workerChromium();
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await prepareForAxe(page);
  const host = path.join(dir, 'host.html');
  writeFileSync(
    host,
    `<!DOCTYPE html><html lang="en"><head><title>Site</title><style>${DARK_HOST}</style><style>${file('privacy.fragment.css')}</style></head>` +
      `<body><main><h1>Site</h1>${file('privacy.fragment.html')}</main></body></html>`,
  );
  await page.goto(`file://${host}`); // a navigation, so that prepareForAxe's init script runs
}, 60_000);

afterAll(async () => {
  await page?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('on a dark site with a normal line height, the notice keeps AA contrast and 24 px targets', async () => {
  const violations = await axeViolations(page, ['wcag2aa', 'wcag22aa']);
  expect(violations.filter((v) => /^(color-contrast|target-size)\b/.test(v))).toEqual([]);
});

/**
 * A site with a sticky header (the accessibility review of 2026-12-07, WCAG 2.4.11): a link of the notice's contents
 * put its section's heading at the top of the window, under a 72 px header. With --policyc-scroll-offset set to the
 * header's height (README), the heading lands below it.
 */
test('on a site with a 72 px sticky header and --policyc-scroll-offset, a followed link lands below the header', async () => {
  const sticky = await browser.newPage({ viewport: { width: 390, height: 844 } });
  try {
    const host = readFileSync(path.join(dir, 'host.html'), 'utf8').replace(
      '<body>',
      '<style>header.site { position: sticky; top: 0; height: 72px; background: #123; z-index: 10 } .policyc-notice { --policyc-scroll-offset: 72px }</style><body><header class="site">Site</header>',
    );
    writeFileSync(path.join(dir, 'sticky.html'), host);
    await sticky.goto(`file://${path.join(dir, 'sticky.html')}`);
    await sticky.evaluate(() => (document.querySelector('.policyc-notice a[href^="#"]') as HTMLElement).click());
    const top = await sticky.evaluate(() => document.querySelector(':target')!.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(72 - 1);
  } finally {
    await sticky.close();
  }
});

/**
 * A host page with `<base href>` (patient3 review, F10; some CMS templates set one): the fragment's in-page links
 * (`href="#policyc-…"`) resolve against the base, and a click leaves the page. README ('Example: embedding the
 * notice in a site') tells web teams to put the page's own address in front of them when inserting the fragment,
 * `fragment.replaceAll('<a href="#', '<a href="/privacy/#')`: checked here, with the notice's every in-page link
 * written that way and nothing else in it.
 */
test('on a page with <base href>, in-page links leave the page, and the README rewrite keeps them on it', async () => {
  const fragment = String(
    (
      await compile(readFileSync(path.join(repoRoot, 'policies/dental-clinics/policy.json'), 'utf8'), {
        languages: ['en'],
      })
    ).outputs.find((o) => o.path.endsWith('/en/privacy.fragment.html'))!.contents,
  );
  const base = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const hostWith = (html: string): string =>
    `<!DOCTYPE html><html lang="en"><head><title>Site</title><base href="file://${dir}/elsewhere.html"></head>` +
    `<body><main><h1>Site</h1>${html}</main></body></html>`;
  const follow = async (file: string): Promise<{ path: string; target: string | undefined }> => {
    await base.goto(`file://${path.join(dir, file)}`);
    await Promise.all([
      base.waitForURL(/#/),
      base.evaluate(() => (document.querySelector('.policyc-summary a[href*="#"]') as HTMLElement).click()),
    ]);
    return base.evaluate(() => ({ path: location.pathname, target: document.querySelector(':target')?.id }));
  };
  try {
    writeFileSync(path.join(dir, 'elsewhere.html'), '<!DOCTYPE html><title>Elsewhere</title>');
    writeFileSync(path.join(dir, 'base.html'), hostWith(fragment));
    expect((await follow('base.html')).path).toBe(path.join(dir, 'elsewhere.html'));
    const page = `file://${path.join(dir, 'base-fixed.html')}`;
    const fixed = fragment.replaceAll('<a href="#', `<a href="${page}#`);
    writeFileSync(path.join(dir, 'base-fixed.html'), hostWith(fixed));
    const followed = await follow('base-fixed.html');
    expect(followed.path).toBe(path.join(dir, 'base-fixed.html'));
    expect(followed.target).toMatch(/^policyc-/);
    // Every in-page link is written '<a href="#', so the rewrite misses none.
    expect(await base.evaluate(() => document.querySelectorAll('a[href^="#"]').length)).toBe(0);
    expect(fixed.split(`<a href="${page}#`).length - 1).toBe(fragment.split('href="#').length - 1);
  } finally {
    await base.close();
  }
});
