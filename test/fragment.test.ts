import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/index.js';
import { linkContactsInHtml, telHref } from '../src/render/contact-links.js';
import { displayUrl } from '../src/render/format.js';
import { fragmentStylesheet, stylesheet } from '../src/render/templates.js';
import { repoRoot } from './support/cli.js';
import { webTestPolicies } from './support/seed-pages.js';

/**
 * The fragment a site embeds: every id carries the prefix (so '#top' or
 * '#rights' cannot collide with the host page), every in-page link points at
 * a prefixed id, the top heading is at the level asked for (no <h1> by
 * default), and its stylesheet touches nothing outside .policyc-notice.
 */
const read = (file: string): string => readFileSync(path.join(repoRoot, file), 'utf8');
const fragmentOf = async (file: string, options = {}): Promise<string[]> =>
  (await compile(read(file), { file, ...options })).outputs
    .filter((o) => o.path.endsWith('/privacy.fragment.html'))
    .map((o) => String(o.contents));
const ids = (html: string): string[] => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
const inPageLinks = (html: string): string[] =>
  [...html.matchAll(/(?:href="#|aria-labelledby=")([^"]*)"/g)].map((m) => m[1]!);

describe('privacy.fragment.html', () => {
  it.each(webTestPolicies())(
    '%s: every id has the default prefix, every in-page link lands on one, no <h1>',
    async (file) => {
      for (const html of await fragmentOf(file)) {
        expect(ids(html).length).toBeGreaterThan(5);
        expect(ids(html).filter((id) => !id.startsWith('policyc-'))).toEqual([]);
        expect(new Set(ids(html)).size, 'ids are unique').toBe(ids(html).length);
        expect(inPageLinks(html).filter((id) => !ids(html).includes(id))).toEqual([]);
        expect(html).not.toMatch(/<h1[\s>]/);
        expect(html).toMatch(
          /^<article class="policyc-notice" lang="(nl|en)">\n<header class="policyc-header">\n<h2 id="policyc-top">/,
        );
      }
    },
  );

  it('takes another prefix and heading level (idPrefix, headingLevel), and the page keeps plain ids and its <h1>', async () => {
    const result = await compile(read('policies/ipractice/policy.json'), { idPrefix: 'pv_', headingLevel: 3 });
    const html = String(result.outputs.find((o) => o.path === 'ipractice/nl/privacy.fragment.html')!.contents);
    expect(ids(html).every((id) => id.startsWith('pv_'))).toBe(true);
    expect(html).toContain('<h3 id="pv_top">');
    expect(html).toMatch(/<h4 id="pv_rights">/);
    expect(html).toMatch(/<h5 id="pv_right-access">/);
    expect(html).not.toMatch(/<h[12][\s>]/);
    const page = String(result.outputs.find((o) => o.path === 'ipractice/nl/privacy.html')!.contents);
    expect(page).toContain('<h1 id="top">');
    expect(page).toContain('<h2 id="rights">');
  });

  it("puts each fragment's language where the prefix says {lang}: the nl and en fragments on one page share no id", async () => {
    const [nl, en] = await fragmentOf('policies/ipractice/policy.json', { idPrefix: 'privacy-{lang}-' });
    expect(ids(nl!).length).toBeGreaterThan(5);
    expect(ids(nl!).filter((id) => !id.startsWith('privacy-nl-'))).toEqual([]);
    expect(ids(en!).filter((id) => !id.startsWith('privacy-en-'))).toEqual([]);
    expect(inPageLinks(en!).filter((id) => !ids(en!).includes(id))).toEqual([]);
    expect(ids(nl!).filter((id) => ids(en!).includes(id))).toEqual([]);
    const [onlyLang] = await fragmentOf('policies/ipractice/policy.json', { idPrefix: '{lang}_', languages: ['en'] });
    expect(onlyLang).toContain('<h2 id="en_top">');
  });

  it('refuses a prefix that would make invalid ids and a level HTML cannot hold', async () => {
    const text = read('policies/ipractice/policy.json');
    await expect(compile(text, { idPrefix: '1x' })).rejects.toThrow(/idPrefix must be empty or start with a letter/);
    await expect(compile(text, { idPrefix: 'a b' })).rejects.toThrow(/idPrefix/);
    await expect(compile(text, { idPrefix: 'a{en}' })).rejects.toThrow(/idPrefix/);
    await expect(compile(text, { headingLevel: 5 })).rejects.toThrow(/headingLevel must be an integer from 1 to 4: 5/);
  });

  it('has a stylesheet scoped under .policyc-notice: no rule reaches the host page', () => {
    const css = fragmentStylesheet().replace(/\/\*[\s\S]*?\*\//g, '');
    const selectors = [...css.matchAll(/([^{}@;]+)\{[^{}]*\}/g)]
      .map((m) => m[1]!.trim())
      .filter((s) => !/^(from|to|\d+%)$/.test(s));
    expect(selectors.length).toBeGreaterThan(20);
    for (const list of selectors)
      for (const selector of list.split(/,(?![^(]*\))/))
        expect(selector.trim(), list).toMatch(/^\.policyc-notice(?:[\s.:[]|$)/);
    // The standalone page adds its own body and main on top of the same rules.
    expect(stylesheet().endsWith(fragmentStylesheet())).toBe(true);
    expect(stylesheet()).toMatch(/^body \{/m);
  });
});

describe('links a reader can follow', () => {
  it('e-mail addresses and phone numbers in running text become mailto: and tel: links, outside tags and existing links only', () => {
    expect(linkContactsInHtml('<p>Mail privacy@ipractice.nl or call 020 - 123 45 67.</p>')).toBe(
      '<p>Mail <a href="mailto:privacy@ipractice.nl">privacy@ipractice.nl</a> or call <a href="tel:+31201234567">020 - 123 45 67</a>.</p>',
    );
    expect(linkContactsInHtml('<p><a href="mailto:a@b.nl">a@b.nl</a> +31 (0)30 123 4567</p>')).toBe(
      '<p><a href="mailto:a@b.nl">a@b.nl</a> <a href="tel:+31301234567">+31 (0)30 123 4567</a></p>',
    );
    // Not a phone number: a year, a postcode, a KvK number, a version.
    for (const text of ['<p>since 2016, 1017 DR, KvK 71629610, version 2025-02-05</p>'])
      expect(linkContactsInHtml(text)).toBe(text);
    expect(telHref('+31 20 123 4567')).toBe('tel:+31201234567');
  });

  it('a number links only with the length of a Dutch phone number: an 8-digit KvK number, AGB code or policy number stays text', () => {
    const linked = {
      '038-1234567': 'tel:+31381234567',
      '06 1234 5678': 'tel:+31612345678',
      '(0348) 12 34 56': 'tel:+31348123456',
      '+31 6 12345678': 'tel:+31612345678',
      '+31 (0)88 123 4567': 'tel:+31881234567',
      '0800 1234': 'tel:+318001234',
      '0900-1234567': 'tel:+319001234567',
    };
    for (const [number, href] of Object.entries(linked))
      expect(linkContactsInHtml(`<p>Bel ${number}.</p>`)).toBe(`<p>Bel <a href="${href}">${number}</a>.</p>`);
    // A KvK number with a leading 0 (the first-user review's), an AGB code, 9 digits, 11 digits not 0800/090x.
    for (const number of ['05123456', '01012345', '012345678', '020 123 45 678', '0612 345 678 9', '0800 12345'])
      expect(linkContactsInHtml(`<p>Nummer ${number}.</p>`)).toBe(`<p>Nummer ${number}.</p>`);
  });

  it('the KvK number is shown as written, never a phone link, in both languages (first-user review: 05123456)', async () => {
    const policy = JSON.parse(read('policies/ipractice/policy.json'));
    policy.controller.kvkNumber = '05123456';
    const { outputs } = await compile(policy, { file: 'policies/ipractice/policy.json' });
    const fragments = outputs.filter((o) => o.path.endsWith('/privacy.fragment.html')).map((o) => String(o.contents));
    expect(fragments).toHaveLength(2);
    for (const html of fragments) {
      expect(html).toMatch(/<dd>05123456<\/dd>/);
      expect(html).not.toContain('tel:+315123456');
    }
  });

  it('the iPractice notice links the address written in its introduction', async () => {
    const [nl] = await fragmentOf('policies/ipractice/policy.json', { languages: ['nl'] });
    expect(nl).toContain('laat het ons weten via <a href="mailto:privacy@ipractice.nl">privacy@ipractice.nl</a>.');
  });

  it('a link that would show a long address says where it goes instead', () => {
    expect(displayUrl('https://autoriteitpersoonsgegevens.nl')).toBe('autoriteitpersoonsgegevens.nl');
    expect(displayUrl('https://www.dentalclinics.nl/tandarts/')).toBe('dentalclinics.nl/tandarts');
    expect(displayUrl('https://www.cnil.fr/fr/ce-que-change-la-loi-pour-une-republique-numerique#mortnumerique')).toBe(
      'cnil.fr/…',
    );
  });
});
