import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { describe, expect, test } from 'vitest';
import { compile } from '../src/index.js';
import { policySchema } from '../src/validate/schema-validator.js';
import { isMarkdownAt } from '../src/validate/text-checks.js';
import { repoRoot } from './support/cli.js';
import { webTestPolicies } from './support/seed-pages.js';

/**
 * privacy.md is dropped into a clinic's own site, whose renderer may be markdown-it (raw HTML off: an HTML comment is
 * printed as text), MDX (an HTML comment does not compile), marked, goldmark or remark. Two lists in a row are one
 * list in all of them, whatever blank lines stand between; an `<!-- -->` line kept Dental Clinics' kinds of cookies
 * and its consent link apart in remark only. Now no two lists abut: the lists are as many as the page's, with nothing
 * between them but text every renderer shows.
 */

const gfmHtml = (markdown: string): string =>
  String(unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify).processSync(markdown));
const count = (html: string, tag: string): number => (html.match(new RegExp(`<${tag}[ >]`, 'g')) ?? []).length;

/** The Markdown notices of a policy, each with its page's list count (a label list, <dl>, is a list in Markdown). */
async function notices(
  text: string,
  file: string,
): Promise<Array<{ path: string; markdown: string; pageLists: number }>> {
  const result = await compile(text, { file });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.outputs
    .filter((o) => o.path.endsWith('/privacy.md'))
    .map((md) => {
      const page = String(
        result.outputs.find((o) => o.path === md.path.replace(/privacy\.md$/, 'privacy.fragment.html'))!.contents,
      );
      return {
        path: md.path,
        markdown: String(md.contents),
        pageLists: count(page, 'ul') + count(page, 'ol') + count(page, 'dl'),
      };
    });
}

/** Every Markdown text of the document (x-markdown in the schema) replaced by a list, in each language. */
function everyTextAList(document: unknown): void {
  const walk = (node: unknown, pointer: string): void => {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const at = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (typeof value === 'string' && isMarkdownAt(policySchema().schema, document, at))
        (node as Record<string, unknown>)[key] = `- ${value}\n- ${key}`;
      else walk(value, at);
    }
  };
  walk(document, '');
}

describe('privacy.md keeps every list apart without HTML, in any CommonMark renderer', () => {
  test.each(webTestPolicies())('%s: no HTML comment, and as many lists as the page', async (file) => {
    for (const notice of await notices(readFileSync(path.join(repoRoot, file), 'utf8'), file)) {
      expect(notice.markdown, notice.path).not.toContain('<!--');
      expect(count(gfmHtml(notice.markdown), 'ul') + count(gfmHtml(notice.markdown), 'ol'), notice.path).toBe(
        notice.pageLists,
      );
    }
  });

  test('where every author text is a list, beside the DPO, representative, cookies and measures the notice lists', async () => {
    const file = path.join('test', 'fixtures', 'full', 'policy.json');
    const policy = JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8'));
    everyTextAList(policy);
    policy.cookies = {
      ...policy.cookies,
      used: true,
      categories: [{ id: 'functional', name: { nl: 'Functionele cookies', en: 'Functional cookies' } }],
      policyUrl: 'https://example.org/cookies',
      consentUrl: 'https://example.org/consent',
    };
    policy.security = { ...policy.security, measures: [{ nl: 'Versleuteling', en: 'Encryption' }] };
    const written = await notices(JSON.stringify(policy, null, 2), file);
    expect(written).toHaveLength(2);
    for (const notice of written) {
      expect(notice.markdown, notice.path).not.toContain('<!--');
      const html = gfmHtml(notice.markdown);
      expect(count(html, 'ul') + count(html, 'ol'), notice.path).toBe(notice.pageLists);
      // The author's lists reached the notice: the check above is not one of a notice without them.
      expect(notice.pageLists, notice.path).toBeGreaterThan(30);
    }
  });
});
