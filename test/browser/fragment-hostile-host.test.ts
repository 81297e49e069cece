import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { compile } from '../../src/index.js';
import { repoRoot } from '../support/cli.js';
import { workerChromium, type Browser, type Page } from '../support/browser.js';

/**
 * The notice fragment on an ordinary site whose stylesheet styles elements, not classes (the chain review of
 * 2026-12-07, findings 1-3): a sticky, coloured, flex <header>; nav lists as flex rows of inline-blocks; padded,
 * shaded <section>s; floated <dt>s; upper-case <h2>s; white headings, dt, th and captions in the site's dark mode
 * (both a class on <html> and prefers-color-scheme); and the content in a flex column centred on its axis. Measured
 * at 390 px as the reviewer measured: the notice's title was a 219 px sticky bar with its version line 40 px wide,
 * the contents had no numbers and stood in twelve columns, headings were rgb(245, 245, 245) on white, and the
 * notice itself was 0 px wide in the centred column.
 */
const HOST = `
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font-family: sans-serif; color: #222; background: #fafaf7; }
header { position: sticky; top: 0; z-index: 10; background: #0a3d62; color: #fff; padding: 1rem 2rem; display: flex; justify-content: space-between; }
nav ol, nav ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; }
nav li { display: inline-block; }
section { padding: 3rem 0; border-bottom: 1px solid #ccc; background: #f1f2f6; }
h2 { text-transform: uppercase; letter-spacing: .05em; }
dt { float: left; clear: left; width: 8rem; }
table { border: 2px solid #b33939; }
th { background: #0a3d62; color: #fff; }
.page { display: flex; flex-direction: column; align-items: center; padding: 1rem; }
.shrink { float: left; }
html.dark body { background: #111; color: #ddd; }
html.dark h1, html.dark h2, html.dark h3, html.dark h4 { color: #f5f5f5; }
html.dark a { color: #9cf; }
@media (prefers-color-scheme: dark) { h1, h2, h3, h4, h5, dt, th, caption { color: #f5f5f5; } }
`;

let browser: Browser;
let fragment: string;
let css: string;

beforeAll(async () => {
  const policy = readFileSync(path.join(repoRoot, 'policies/cosmetic-clinic/policy.json'), 'utf8');
  const compiled = await compile(policy, { languages: ['nl'] });
  const file = (name: string): string => String(compiled.outputs.find((o) => o.path.endsWith(`/nl/${name}`))!.contents);
  fragment = file('privacy.fragment.html');
  css = file('privacy.fragment.css');
  browser = await workerChromium();
}, 60_000);

/** A page of the hostile site at 390 px, with the notice in `wrap` (its markup around `{}`) inside the centred column. */
async function hostPage(options: { dark?: boolean; htmlAttributes?: string; wrap?: string } = {}): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 390, height: 844 },
    colorScheme: options.dark ? 'dark' : 'light',
  });
  const body = (options.wrap ?? '{}').replace('{}', fragment);
  await page.setContent(
    `<!DOCTYPE html><html lang="nl" ${options.htmlAttributes ?? ''}><head><title>Site</title><style>${HOST}</style><style>${css}</style></head>` +
      `<body><header><a href="/" style="color:#fff">Site</a><nav><ul><li><a href="/">Home</a></li><li><a href="/privacy">Privacy</a></li></ul></nav></header>` +
      `<div class="page"><h1>Privacy</h1>${body}</div></body></html>`,
  );
  return page;
}

const pages: Page[] = [];
afterAll(async () => {
  for (const page of pages) await page.close();
});
const open = async (options: Parameters<typeof hostPage>[0] = {}): Promise<Page> => {
  const page = await hostPage(options);
  pages.push(page);
  return page;
};

test('the notice title scrolls away with the notice, its version line under it at full width', async () => {
  const page = await open();
  await page.evaluate(() => document.getElementById('policyc-rights')!.scrollIntoView());
  const header = await page.evaluate(() => {
    const box = (selector: string): DOMRect => document.querySelector(selector)!.getBoundingClientRect();
    const header = document.querySelector('.policyc-header')!;
    return {
      position: getComputedStyle(header).position,
      background: getComputedStyle(header).backgroundColor,
      bottom: box('.policyc-header').bottom,
      title: box('.policyc-header > :first-child'),
      meta: box('.policyc-meta'),
      notice: box('.policyc-notice').width,
    };
  });
  expect(header.position).toBe('static');
  expect(header.background).toBe('rgba(0, 0, 0, 0)');
  expect(header.bottom, 'scrolled out of sight, not pinned over the rights').toBeLessThan(0);
  expect(header.meta.top).toBeGreaterThanOrEqual(header.title.bottom);
  expect(header.meta.width).toBeGreaterThan(0.9 * header.notice);
});

test('the contents are one numbered list, an item a line; sections, headings and dt keep the notice’s own look', async () => {
  const page = await open();
  const look = await page.evaluate(() => {
    const style = (selector: string): CSSStyleDeclaration => getComputedStyle(document.querySelector(selector)!);
    const items = [...document.querySelectorAll('.policyc-contents li')];
    return {
      list: style('.policyc-contents ol').display,
      marker: style('.policyc-contents ol').listStyleType,
      item: style('.policyc-contents li').display,
      lines: new Set(items.map((li) => Math.round(li.getBoundingClientRect().top))).size,
      items: items.length,
      sectionPadding: style('.policyc-section').paddingTop,
      sectionBackground: style('.policyc-section').backgroundColor,
      heading: style('.policyc-notice h2').textTransform,
      spacing: style('.policyc-notice h2').letterSpacing,
      dt: style('.policyc-notice dt').float,
    };
  });
  expect(look.items).toBeGreaterThan(5);
  expect(look).toEqual({
    list: 'block',
    marker: 'decimal',
    item: 'list-item',
    lines: look.items,
    items: look.items,
    sectionPadding: '0px',
    sectionBackground: 'rgba(0, 0, 0, 0)',
    heading: 'none',
    spacing: 'normal',
    dt: 'none',
  });
});

test.each([
  ['a flex column centred on its axis', '{}'],
  ['a float', '<div class="shrink">{}</div>'],
  ['an inline-block', '<div style="display: inline-block">{}</div>'],
  ['a box of width: fit-content', '<div style="width: fit-content">{}</div>'],
])('in %s the notice keeps its width, and nothing is wider than the screen', async (_, wrap) => {
  const page = await open({ wrap });
  const width = await page.evaluate(() => ({
    notice: document.querySelector('.policyc-notice')!.getBoundingClientRect().width,
    page: document.documentElement.scrollWidth,
  }));
  expect(width.notice).toBeGreaterThan(0.9 * (390 - 32));
  expect(width.page).toBeLessThanOrEqual(390);
});

/** Contrast (WCAG 2.x) of every heading, dt, th, caption, link and paragraph with the background it stands on. */
const contrasts = (page: Page): Promise<Array<{ text: string; color: string; ratio: number }>> =>
  page.evaluate(() => {
    const rgb = (value: string): number[] => (value.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = (value: string): number => {
      const [r, g, b] = rgb(value).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const background = (element: Element | null): string => {
      for (let e = element; e; e = e.parentElement) {
        const value = getComputedStyle(e).backgroundColor;
        if (rgb(value)[3] !== 0) return value;
      }
      return 'rgb(255, 255, 255)';
    };
    const selector = '.policyc-notice :is(h2, h3, h4, h5, dt, th, caption, a, p)';
    return [...document.querySelectorAll(selector)].map((element) => {
      const color = getComputedStyle(element).color;
      const [l1, l2] = [luminance(color), luminance(background(element))].sort((a, b) => b - a);
      return { text: element.textContent!.slice(0, 30), color, ratio: (l1! + 0.05) / (l2! + 0.05) };
    });
  });

test.each([
  ['a dark class on <html>', { htmlAttributes: 'class="dark"' }],
  ['prefers-color-scheme: dark', { dark: true }],
])('under the site’s dark mode by %s, headings, dt, th, captions and links keep AA contrast', async (_, options) => {
  const page = await open(options);
  const all = await contrasts(page);
  expect(all.length).toBeGreaterThan(50);
  expect(all.filter((c) => c.ratio < 4.5)).toEqual([]);
});

test.each([
  [
    'data-policyc-theme="dark" on <html>, whatever the system',
    { htmlAttributes: 'class="dark" data-policyc-theme="dark"' },
  ],
  [
    'data-policyc-theme="auto" on <html>, with a dark system',
    { dark: true, htmlAttributes: 'data-policyc-theme="auto"' },
  ],
])('asked for by %s, the notice is dark, with AA contrast throughout', async (_, options) => {
  const page = await open(options);
  const notice = await page.evaluate(
    () => getComputedStyle(document.querySelector('.policyc-notice')!).backgroundColor,
  );
  expect(notice).toBe('rgb(21, 25, 29)');
  const all = await contrasts(page);
  expect(all.filter((c) => c.ratio < 4.5)).toEqual([]);
});

test('data-policyc-theme="auto" with a light system, and "dark" on paper, leave the notice light', async () => {
  const background = (page: Page): Promise<string> =>
    page.evaluate(() => getComputedStyle(document.querySelector('.policyc-notice')!).backgroundColor);
  expect(await background(await open({ htmlAttributes: 'data-policyc-theme="auto"' }))).toBe('rgb(255, 255, 255)');
  const printed = await open({ htmlAttributes: 'data-policyc-theme="dark"' });
  await printed.emulateMedia({ media: 'print' });
  expect(await background(printed)).toBe('rgb(255, 255, 255)');
});
