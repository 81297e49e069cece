import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { compile } from '../../src/index.js';
import { repoRoot } from '../support/cli.js';
import { workerChromium, type Browser, type Page } from '../support/browser.js';

/**
 * The notice fragment embedded in a site whose stylesheet resets the
 * browser's defaults, as Tailwind's preflight does: headings unbolded,
 * margins zeroed, list markers and link underlines gone. The fragment's own
 * stylesheet states them again, so the notice still reads as one.
 */
const PREFLIGHT = `
*, ::before, ::after { box-sizing: border-box; border: 0 solid; margin: 0; padding: 0; }
h1, h2, h3, h4, h5, h6 { font-size: inherit; font-weight: inherit; }
ol, ul, menu { list-style: none; }
a { color: inherit; text-decoration: inherit; }
`;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const policy = readFileSync(path.join(repoRoot, 'policies/ipractice/policy.json'), 'utf8');
  const compiled = await compile(policy, { languages: ['nl'] });
  const file = (name: string): string => {
    const output = compiled.outputs.find((o) => o.path.endsWith(`/nl/${name}`));
    if (!output) throw new Error(`no ${name}`);
    return String(output.contents);
  };
  browser = await workerChromium();
  page = await browser.newPage();
  await page.setContent(
    `<!DOCTYPE html><html lang="nl"><head><style>${PREFLIGHT}</style><style>${file('privacy.fragment.css')}</style></head>` +
      `<body><main>${file('privacy.fragment.html')}</main></body></html>`,
  );
}, 60_000);

afterAll(async () => {
  await page?.close();
});

test('under a reset like Tailwind preflight, headings are bold, paragraphs and lists spaced, lists marked, links underlined', async () => {
  const styles = await page.evaluate(() => {
    const style = (selector: string): CSSStyleDeclaration => getComputedStyle(document.querySelector(selector)!);
    const notice = '.policyc-notice';
    return {
      heading: style(`${notice} h2`).fontWeight,
      paragraphMargin: style(`${notice} .policyc-section > p`).marginTop,
      list: style(`${notice} .policyc-section ul`).listStyleType,
      listIndent: style(`${notice} .policyc-section ul`).paddingLeft,
      contents: style(`${notice} .policyc-contents ol`).listStyleType,
      link: style(`${notice} .policyc-section a`).textDecorationLine,
    };
  });
  expect(styles).toEqual({
    heading: '700',
    paragraphMargin: expect.not.stringMatching(/^0(px)?$/) as unknown as string,
    list: 'disc',
    listIndent: expect.not.stringMatching(/^0(px)?$/) as unknown as string,
    contents: 'decimal',
    link: 'underline',
  });
});

test('a list in a list (author Markdown) keeps the browser defaults too: no margin, a circle', async () => {
  const nested = await page.evaluate(() => {
    const outer = document.querySelector('.policyc-notice .policyc-section ul')!;
    const inner = document.createElement('ul');
    inner.innerHTML = '<li>nested</li>';
    outer.querySelector('li')!.append(inner);
    const style = getComputedStyle(inner);
    return { margin: style.marginTop, marker: style.listStyleType };
  });
  expect(nested).toEqual({ margin: '0px', marker: 'circle' });
});
