import { afterAll, beforeAll, expect, test } from 'vitest';
import { workerChromium, type Page } from '../support/browser.js';
import { languageLinks } from './language-links.js';

/**
 * The page checks ask languageLinks() in the page whether the link to the other language is visible, instead of
 * Playwright's `locator.isVisible()`: it must answer as Playwright does, on visible, hidden and strange links alike.
 */
const link = (attributes = '', text = 'English'): string =>
  `<a hreflang="en" href="../en/privacy.html"${attributes}>${text}</a>`;
const CASES: Record<string, string> = {
  'a plain link': `<main>${link()}</main>`,
  'display: none': `<main>${link(' style="display: none"')}</main>`,
  'in a display: none parent': `<main><div style="display: none">${link()}</div></main>`,
  'visibility: hidden': `<main>${link(' style="visibility: hidden"')}</main>`,
  'visibility: collapse': `<main>${link(' style="visibility: collapse"')}</main>`,
  'content-visibility: hidden parent': `<main><div style="content-visibility: hidden">${link()}</div></main>`,
  'no text': `<main>${link('', '')}</main>`,
  'opacity: 0': `<main>${link(' style="opacity: 0"')}</main>`,
  'off screen': `<main>${link(' style="position: absolute; left: -9999px"')}</main>`,
  'display: contents with text': `<main>${link(' style="display: contents"')}</main>`,
  'display: contents, empty': `<main>${link(' style="display: contents"', '')}</main>`,
  'display: contents with a visible child': `<main>${link(' style="display: contents"', '<span>English</span>')}</main>`,
  'display: contents with a hidden child': `<main>${link(' style="display: contents"', '<span style="visibility: hidden">English</span>')}</main>`,
  'outside <main>': link(),
  'two links (a locator is strict: an error)': `<main>${link()}${link()}</main>`,
};

let page: Page;
const outcomes = new Set<boolean | 'error'>();
beforeAll(async () => {
  page = await (await workerChromium()).newPage();
});
afterAll(async () => {
  await page?.close(); // the browser is the worker's
});

test.each(Object.entries(CASES))(
  '%s: visible to languageLinks() exactly when locator.isVisible() says so',
  async (_, html) => {
    await page.setContent(`<!DOCTYPE html><html lang="nl"><head><title>t</title></head><body>${html}</body></html>`);
    const playwright = await page
      .locator('main a[hreflang="en"][href="../en/privacy.html"]')
      .isVisible()
      .catch(() => 'error' as const);
    outcomes.add(playwright);
    const ours = await page.evaluate(languageLinks, { others: ['en'], file: 'privacy.html' });
    expect(ours.visible).toEqual([playwright === true]);
  },
);

// After the cases above (a file's tests run in order): the cases are not all of one kind.
test('the cases include visible and hidden links, and the strict-mode error', () => {
  expect([...outcomes].map(String).sort()).toEqual(['error', 'false', 'true']);
});
