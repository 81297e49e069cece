import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { compile } from '../../src/index.js';
import { repoRoot } from '../support/cli.js';
import { workerChromium, type Browser, type Page } from '../support/browser.js';

/**
 * The accessibility review of 2026-12-07 (findings 1, 3, 4, 7 and 9): the notice's stylesheet in browsers that lack
 * light-dark() or container queries (simulated as the review did, by renaming them in a copy of the stylesheet so
 * that the browser cannot read them), under a site whose root text is 62.5 %, on paper, and under a reader's spacing.
 */
let browser: Browser;
let page: Page;
const outputs = new Map<string, string>();

async function compileSeed(org: string): Promise<void> {
  const policy = readFileSync(path.join(repoRoot, 'policies', org, 'policy.json'), 'utf8');
  for (const output of (await compile(policy, { languages: ['nl'] })).outputs)
    outputs.set(output.path, String(output.contents));
}

const file = (name: string): string => {
  const text = outputs.get(name);
  if (text === undefined) throw new Error(`no ${name}`);
  return text;
};

/** The standalone page with its stylesheet inline, after `edit` (the simulation of an older browser). */
function standalone(org: string, edit: (css: string) => string = (css) => css, extraCss = ''): string {
  const html = file(`${org}/nl/privacy.html`);
  const css = edit(file(`${org}/nl/privacy.css`));
  return html.replace('<link rel="stylesheet" href="privacy.css">', `<style>${css}</style><style>${extraCss}</style>`);
}

/** A browser without light-dark(): every light-dark( is an unknown function, as it is to Safari 17.4. */
const withoutLightDark = (css: string): string => css.replaceAll('light-dark(', 'x-light-dark(');
/** A browser without container queries: @container and container-type are unknown, as they are to Safari 15. */
const withoutContainerQueries = (css: string): string =>
  css.replaceAll('@container', '@x-container').replaceAll('container-type', 'x-container-type');

beforeAll(async () => {
  await compileSeed('dental-clinics');
  await compileSeed('doctolib');
  browser = await workerChromium();
  page = await browser.newPage({ viewport: { width: 360, height: 740 } });
}, 60_000);

afterAll(async () => {
  await page?.close();
});

/** Tabs to the first link in the notice's sections and reads its focus ring. */
async function focusRing(): Promise<{ style: string; colour: string; width: string }> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const inSection = await page.evaluate(() => !!document.activeElement?.closest('.policyc-section'));
    if (inSection) break;
  }
  return page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { style: style.outlineStyle, colour: style.outlineColor, width: style.outlineWidth };
  });
}

test('without light-dark(): the focus ring and the borders keep the light palette (finding 1)', async () => {
  await page.setContent(standalone('dental-clinics', withoutLightDark));
  expect(await focusRing()).toEqual({ style: 'solid', colour: 'rgb(11, 87, 164)', width: '3px' });
  const borders = await page.evaluate(() => {
    const style = (selector: string): CSSStyleDeclaration => getComputedStyle(document.querySelector(selector)!);
    return {
      summary: `${style('.policyc-summary').borderTopStyle} ${style('.policyc-summary').borderTopColor}`,
      section: `${style('.policyc-section > h2').borderTopStyle} ${style('.policyc-section > h2').borderTopColor}`,
      text: style('.policyc-section p').color,
      background: style('.policyc-notice').backgroundColor,
    };
  });
  expect(borders).toEqual({
    summary: 'solid rgb(201, 219, 233)',
    section: 'solid rgb(217, 217, 217)',
    text: 'rgb(26, 26, 26)',
    background: 'rgb(255, 255, 255)',
  });
});

test('a palette the browser cannot read (a site sets one with light-dark()): the focus ring stays, in the text colour', async () => {
  const sitePalette = '.policyc-notice.policyc-notice.policyc-notice { --policyc-link: x-light-dark(#000, #fff); }';
  await page.setContent(standalone('dental-clinics', withoutLightDark, sitePalette));
  const ring = await focusRing();
  expect(ring.style).toBe('solid');
  expect(ring.width).toBe('3px');
});

test('without container queries, at 320 px no page scrolls sideways: its tables are cards (finding 4)', async () => {
  await page.setViewportSize({ width: 320, height: 740 });
  try {
    for (const org of ['dental-clinics', 'doctolib']) {
      await page.setContent(standalone(org, withoutContainerQueries));
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        display: getComputedStyle(document.querySelector('.policyc-notice tbody tr')!).display,
      }));
      expect(widths, org).toEqual({ page: 320, display: 'block' });
    }
  } finally {
    await page.setViewportSize({ width: 360, height: 740 });
  }
});

test('on a site with html { font-size: 62.5% }, the fragment sizes its text from its own: headings above body text (finding 3)', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  try {
    await page.setContent(
      '<!DOCTYPE html><html lang="nl"><head><style>html { font-size: 62.5% } body { font-size: 1.7rem }</style>' +
        `<style>${file('dental-clinics/nl/privacy.fragment.css')}</style></head>` +
        `<body><main>${file('dental-clinics/nl/privacy.fragment.html')}</main></body></html>`,
    );
    const sizes = await page.evaluate(() => {
      const size = (selector: string): number =>
        parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize);
      return {
        text: size('.policyc-section > p'),
        section: size('.policyc-section > :first-child'),
        card: size('.policyc-subsection > :first-child'),
        summary: size('.policyc-summary > :first-child'),
        cell: size('.policyc-table:not(.policyc-table-cards) td'),
      };
    });
    expect(sizes.text).toBe(17);
    expect(sizes.section).toBeCloseTo(17 * 1.4, 1);
    expect(sizes.card).toBeCloseTo(17 * 1.1, 1);
    expect(sizes.summary).toBeCloseTo(17 * 1.25, 1);
    expect(sizes.cell).toBeCloseTo(17 * 0.95, 1);
  } finally {
    await page.setViewportSize({ width: 360, height: 740 });
  }
});

/**
 * The web developer's review of 2026-12-07 (webdev10, finding 1): with html { font-size: 62.5% } the notice's
 * container query (44rem) and its paddings followed the site's 10 px rem: at 450 to 500 px the tables kept their
 * columns and the page scrolled to 582 px, and the contents' list numbers stood on its box's edge (12.5 px in).
 */
test.each([450, 480, 500])(
  'on a site with html { font-size: 62.5% } at %i px, nothing is wider than the screen and the contents list keeps its indent',
  async (width) => {
    await page.setViewportSize({ width, height: 900 });
    try {
      await page.setContent(
        '<!DOCTYPE html><html lang="nl"><head><style>html { font-size: 62.5% } body { margin: 0; font-size: 1.6rem }</style>' +
          `<style>${file('dental-clinics/nl/privacy.fragment.css')}</style></head>` +
          `<body><main>${file('dental-clinics/nl/privacy.fragment.html')}</main></body></html>`,
      );
      const measured = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        tableRight: Math.max(
          ...[...document.querySelectorAll('.policyc-notice table')].map((t) => t.getBoundingClientRect().right),
        ),
        listIndent: parseFloat(getComputedStyle(document.querySelector('.policyc-contents ol')!).paddingLeft),
      }));
      expect(measured.page).toBe(width);
      expect(measured.tableRight).toBeLessThanOrEqual(width);
      expect(measured.listIndent).toBe(16 * 1.25);
    } finally {
      await page.setViewportSize({ width: 360, height: 740 });
    }
  },
);

test('in print, headings do not split over pages and links within the notice are not underlined (finding 7)', async () => {
  await page.setContent(standalone('dental-clinics'));
  await page.emulateMedia({ media: 'print' });
  try {
    const styles = await page.evaluate(() => {
      const style = (selector: string): CSSStyleDeclaration => getComputedStyle(document.querySelector(selector)!);
      return {
        heading: style('.policyc-section > h2').breakInside,
        subheading: style('.policyc-subsection > h3').breakInside,
        inPage: style('.policyc-summary a[href^="#"]').textDecorationLine,
        outside: style('.policyc-notice a[href^="http"]').textDecorationLine,
      };
    });
    expect(styles).toEqual({ heading: 'avoid', subheading: 'avoid', inPage: 'none', outside: 'underline' });
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
});

const READER_SPACING = 'body { letter-spacing: .12em; word-spacing: .16em; line-height: 2; }';

const spacing = (): Promise<{ letter: string; word: string; line: string }> =>
  page.evaluate(() => {
    const style = getComputedStyle(document.querySelector('.policyc-section > p')!);
    return { letter: style.letterSpacing, word: style.wordSpacing, line: style.lineHeight };
  });

test("the standalone page lets the reader's spacing on body reach the notice text (finding 9)", async () => {
  await page.setContent(standalone('dental-clinics', undefined, READER_SPACING));
  const size = await page.evaluate(() =>
    parseFloat(getComputedStyle(document.querySelector('.policyc-section > p')!).fontSize),
  );
  const s = await spacing();
  expect(parseFloat(s.letter)).toBeCloseTo(0.12 * size, 1);
  expect(parseFloat(s.word)).toBeCloseTo(0.16 * size, 1);
  expect(parseFloat(s.line)).toBeCloseTo(2 * size, 1);
});

test("the fragment keeps its reset: a site's spacing on body does not reach the notice text", async () => {
  await page.setContent(
    `<!DOCTYPE html><html lang="nl"><head><style>${READER_SPACING}</style>` +
      `<style>${file('dental-clinics/nl/privacy.fragment.css')}</style></head>` +
      `<body><main>${file('dental-clinics/nl/privacy.fragment.html')}</main></body></html>`,
  );
  const s = await spacing();
  expect(s.letter).toBe('normal');
  expect(s.word).toBe('0px');
});
