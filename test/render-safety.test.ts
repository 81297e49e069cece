import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { describe, expect, it } from 'vitest';
import { authorMarkdownToHtml, isPlainText } from '../src/render/author-html.js';
import { inlinesToMarkdown, tableToMarkdown, textToMarkdown } from '../src/render/markdown-inline.js';
import { toString } from 'mdast-util-to-string';

describe('author Markdown → HTML (the sanitiser behind validation)', () => {
  const payloads: Array<[string, RegExp]> = [
    ['<script>alert(1)</script>', /<script/i],
    ['<img src=x onerror=alert(1)>', /onerror/i],
    ['[click](javascript:alert(1))', /javascript:/i],
    ['[click](JaVaScRiPt&#x3A;alert(1))', /javascript/i],
    ['![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)', /data:/i],
    ['<a href="https://x.nl" onclick="alert(1)">x</a>', /onclick/i],
    ['"><svg onload=alert(1)>', /<svg|onload/i],
    ['<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['<style>body{display:none}</style>', /<style/i],
  ];
  for (const [payload, forbidden] of payloads) {
    it(`neutralises ${payload}`, () => {
      const html = authorMarkdownToHtml(`Text ${payload} more`);
      expect(html).not.toMatch(forbidden);
      expect(html).toContain('Text');
    });
  }

  it('keeps ordinary Markdown: emphasis, lists, safe links', () => {
    const html = authorMarkdownToHtml('We *never* share:\n\n- with [your employer](https://example.nl)\n- by [mail](mailto:privacy@example.nl)');
    expect(html).toContain('<em>never</em>');
    expect(html).toContain('<li>with <a href="https://example.nl">your employer</a></li>');
    expect(html).toContain('href="mailto:privacy@example.nl"');
  });

  it('the plain-text fast path renders exactly what the Markdown pipeline renders', () => {
    const full = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify);
    const plainChar = fc.constantFrom(...'abcXYZ éü0123  ,.;:()?/%€@\'"–-+=\n\t\r'.split(''));
    fc.assert(
      fc.property(fc.array(plainChar, { maxLength: 60 }).map((cs) => cs.join('')), (text) => {
        fc.pre(isPlainText(text));
        expect(authorMarkdownToHtml(text)).toBe(String(full.processSync(text)));
      }),
      { numRuns: 5000 },
    );
  });

  it('anything with Markdown syntax takes the full pipeline', () => {
    for (const text of ['a *b*', '- item', '1. item', '# h', 'a  \nb', '    code', 'a & b', 'x < y', '[a](b)']) {
      expect(isPlainText(text), text).toBe(false);
    }
  });
});

describe('plain text → Markdown stays text', () => {
  it('escapes what Markdown would interpret', () => {
    const hostile = '*Praktijk* _[x](javascript:alert(1))_ <b>B.V.</b> # 1. `code`';
    const md = textToMarkdown(hostile);
    const tree = unified().use(remarkParse).parse(md);
    // The whole value parses back as one paragraph of plain text.
    expect(tree.children).toHaveLength(1);
    const paragraph = tree.children[0] as { type: string; children: Array<{ type: string; value?: string }> };
    expect(paragraph.type).toBe('paragraph');
    expect(paragraph.children.map((c) => c.type)).toEqual(['text']);
    expect(paragraph.children[0]!.value).toBe(hostile);
  });

  it('any text reads back as one paragraph of exactly that text (line breaks folded)', () => {
    const parser = unified().use(remarkParse);
    const alphabet = fc.constantFrom(...'aZ0 19.)(-+*_`~[]<>|!#&;:/\\=\'"{}é\n\t'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join('')), (value) => {
        const expected = value.replace(/\s*\n\s*/g, ' ').trim();
        fc.pre(expected.length > 0);
        const tree = parser.parse(textToMarkdown(value));
        expect(tree.children.map((c) => c.type)).toEqual(['paragraph']);
        expect(toString(tree)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('escapes a line-start list marker', () => {
    expect(textToMarkdown('1. first')).toBe('1\\. first');
    expect(textToMarkdown('- dash')).toBe('\\- dash');
  });

  it('links keep their text and target', () => {
    expect(inlinesToMarkdown([{ text: 'privacy@x.nl', href: 'mailto:privacy@x.nl' }])).toBe('[privacy@x.nl](mailto:privacy@x.nl)');
  });

  it('table cells escape the pipe', () => {
    const md = tableToMarkdown({ caption: 'c', head: ['A|B', 'C'], rows: [[[{ text: 'x | y' }], [{ text: 'z' }]]] });
    expect(md.split('\n')).toEqual(['| A\\|B | C |', '| --- | --- |', '| x \\| y | z |']);
  });
});
