import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lint } from 'markdownlint/sync';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import GithubSlugger from 'github-slugger';
import { describe, expect, test } from 'vitest';
import { toString } from 'mdast-util-to-string';
import { compile } from '../src/index.js';
import { repoRoot } from './support/cli.js';
import { miniPolicy } from './support/mini-policy.js';
import { policyOutputs } from './support/policy-outputs.js';
import { webTestPolicies } from './support/seed-pages.js';

/** The committed config; README.md ('The Markdown output') says why each rule differs from the default. */
const config = JSON.parse(readFileSync(path.join(repoRoot, '.markdownlint.json'), 'utf8'));

/** GitHub's Markdown as HTML; each notice's is rendered once for all the checks of this file. */
const rendered = new Map<string, string>();
const gfmToHtml = (markdown: string): string => {
  let html = rendered.get(markdown);
  if (html === undefined) {
    html = String(
      unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify).processSync(markdown),
    );
    rendered.set(markdown, html);
  }
  return html;
};

/** The header cells of every table, as text, in document order. */
const tableHeads = (html: string): string[][] =>
  [...html.matchAll(/<thead[^>]*>([\s\S]*?)<\/thead>/g)].map((m) =>
    [...m[1]!.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '').trim()),
  );

/** How many elements of each tag name the HTML has. */
const count = (html: string, tag: string): number => (html.match(new RegExp(`<${tag}[ >]`, 'g')) ?? []).length;

describe.each(webTestPolicies())('Markdown of %s', (file) => {
  // Compiled once for both tests of the policy.
  let compiled: ReturnType<typeof compile> | undefined;
  const compiledOnce = (): ReturnType<typeof compile> =>
    (compiled ??= compile(readFileSync(path.join(repoRoot, file), 'utf8'), { file }));

  test('has as many lists as the page has lists, label lists and contents: none joined to the next', async () => {
    // CommonMark joins two lists in a row (Dental Clinics' cookie kinds and the consent link after them).
    const result = await compiledOnce();
    for (const md of result.outputs.filter((o) => o.path.endsWith('/privacy.md'))) {
      const page = String(
        result.outputs.find((o) => o.path === md.path.replace(/privacy\.md$/, 'privacy.fragment.html'))!.contents,
      );
      const html = gfmToHtml(String(md.contents));
      const lists = count(html, 'ul') + count(html, 'ol');
      expect(lists, md.path).toBe(count(page, 'ul') + count(page, 'ol') + count(page, 'dl'));
    }
  });

  test('ends each section in a link back to the contents, by the anchor GitHub gives its heading', async () => {
    // The HTML page's sections end in one (Doctolib's complaints stood 59 phone screens below the contents); the
    // Markdown, rendered on others' sites, had none. Its contents' links already rely on the same slugs.
    const result = await compiledOnce();
    for (const md of result.outputs.filter((o) => o.path.endsWith('/privacy.md'))) {
      const html = gfmToHtml(String(md.contents));
      const slugger = new GithubSlugger();
      const headings = [...html.matchAll(/<h([1-6])>([\s\S]*?)<\/h\1>/g)].map((h) => ({
        level: h[1]!,
        slug: slugger.slug(h[2]!.replace(/<[^>]+>/g, '')),
      }));
      // The contents: the h2 whose first content is a list of in-page links.
      const parts = html.split('<h2>');
      const at = parts.findIndex((part) => /^[^<]*<\/h2>\n<ul>\n<li><a href="#/.test(part));
      const target = headings.filter((h) => h.level === '2')[at - 1]!;
      // Each section the contents list, the author's introduction too (listed since nl2-review improvement 7):
      // its last paragraph is the link back.
      const listed = new Set([...parts[at]!.matchAll(/<li><a href="#([^"]+)">/g)].map((l) => l[1]!));
      const h2s = headings.filter((h) => h.level === '2');
      const after = parts.slice(at + 1).filter((_, i) => listed.has(h2s[at + i]!.slug));
      expect(after.length, md.path).toBe(listed.size);
      expect(after.length, md.path).toBeGreaterThan(5);
      for (const section of after)
        expect(section.trimEnd(), `${md.path}: ${section.slice(0, 60)}`).toMatch(
          new RegExp(`<p><a href="#${target.slug}">[^<]+</a></p>$`),
        );
    }
  });

  test("passes markdownlint with the committed config, and its GFM tables render as the HTML page's tables", async () => {
    const result = await compiledOnce();
    const markdowns = result.outputs.filter((o) => o.path.endsWith('/privacy.md'));
    expect(markdowns.length).toBeGreaterThan(0);
    for (const md of markdowns) {
      const text = String(md.contents);
      const problems = lint({ strings: { [md.path]: text }, config })[md.path] ?? [];
      expect(
        problems.map(
          (p) => `${md.path}:${p.lineNumber} ${p.ruleNames.join('/')} ${p.ruleDescription} ${p.errorDetail ?? ''}`,
        ),
      ).toEqual([]);
      const page = String(
        result.outputs.find((o) => o.path === md.path.replace(/privacy\.md$/, 'privacy.fragment.html'))!.contents,
      );
      const heads = tableHeads(page);
      expect(tableHeads(gfmToHtml(text)), md.path).toEqual(heads);
      // Every table row of the page is a row of the Markdown table too.
      expect((gfmToHtml(text).match(/<tr>/g) ?? []).length, md.path).toBe((page.match(/<tr[\s>]/g) ?? []).length);
    }
  });
});

describe("a heading's text ending in '#' (second-read review 4, finding 7)", () => {
  test("keeps its '#' in the notice: not read as the heading's closing sequence", () => {
    const policy = miniPolicy();
    policy.purposes[0]!.name = { nl: 'Nazorg #', en: 'Aftercare #' };
    const { notice } = policyOutputs(policy);
    for (const [md, name] of [
      [notice.nl, 'Nazorg #'],
      [notice.en, 'Aftercare #'],
    ] as const) {
      const root = unified().use(remarkParse).use(remarkGfm).parse(md);
      const headings = root.children.filter((node) => node.type === 'heading').map((node) => toString(node));
      expect(headings).toContain(name);
    }
  });
});
