import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { describe, expect, it } from 'vitest';
import { authorMarkdownToHtml, isPlainText } from '../src/render/author-html.js';
import {
  inlinesToMarkdown,
  tableToMarkdown,
  escapeHeading,
  escapeMarkdownText,
} from '../src/render/markdown-inline.js';
import { toString } from 'mdast-util-to-string';
import { findMarkdownHazards, mayHoldHazards, parsedMarkdownHazards } from '../src/validate/markdown-safety.js';

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
    const html = authorMarkdownToHtml(
      'We *never* share:\n\n- with [your employer](https://example.nl)\n- by [mail](mailto:privacy@example.nl)',
    );
    expect(html).toContain('<em>never</em>');
    expect(html).toContain('<li>with <a href="https://example.nl">your employer</a></li>');
    expect(html).toContain('href="mailto:privacy@example.nl"');
  });

  it('the plain-text fast path renders exactly what the Markdown pipeline renders', () => {
    const full = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify);
    // Every Markdown syntax character is in the alphabet, so a gap in isPlainText would be found;
    // plain characters dominate so that long plain strings are common too.
    const syntax = '\\`*_[]<>&!|~#=-+.)'.split('');
    const plain = 'abcXYZ éü0123  ,;:(?/%€@\'"–\n\n\t\r'.split('');
    const char = fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...plain) },
      { weight: 1, arbitrary: fc.constantFrom(...syntax) },
    );
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 60 }).map((cs) => cs.join('')),
        (text) => {
          if (isPlainText(text)) expect(authorMarkdownToHtml(text)).toBe(String(full.processSync(text)));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('the hazard pre-check answers as the parser does: text it lets through unparsed has no raw HTML, image or unsafe link', () => {
    // Fragments of every hazard (tags, autolinks, links, definitions, images, schemes, entities) among plain text.
    const piece = fc.constantFrom(
      '<',
      '>',
      '[',
      ']',
      '(',
      ')',
      '!',
      ':',
      '&',
      '#',
      ';',
      '/',
      '"',
      "'",
      '\\',
      '`',
      ' ',
      '\n',
      '\n\n',
      '    ',
      'a',
      'x',
      'javascript:',
      'data:',
      'vbscript:',
      'http://e.nl',
      'mailto:',
      '&lt;',
      '&#60;',
      '&colon;',
      '&#x3a;',
      'script',
      'img',
      'b',
      '![',
      '](',
      ']:',
      '<a href=',
      'onerror=',
      '*',
      '_',
      '-',
      '1.',
      // Heading shapes, for the pre-check's line-start test: ATX in lists and quotes, setext underlines.
      '=',
      '===',
      '---',
      '# ',
      '>',
      '+',
      ')',
      '\t',
      'https://e.nl/a#b',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }).map((ps) => ps.join('')),
        (text) => {
          // Without '<' or '[' there is no raw HTML, image or link, and without a line starting with '#' or one of
          // only '=' or '-' no heading; a fence left open is the one hazard
          // without either, and findMarkdownHazards parses text that may open one (the assertion below).
          if (!mayHoldHazards(text))
            expect(parsedMarkdownHazards(text).filter((hazard) => hazard.kind !== 'unclosed-fence')).toEqual([]);
          expect(findMarkdownHazards(text)).toEqual(parsedMarkdownHazards(text));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('a "#" inside a URL or a word is no reason to parse; a heading line is', () => {
    // Doctolib's only '#' is in a cnil.fr address: parsing it loaded the Markdown stack into every worker.
    for (const text of ['zie https://www.cnil.fr/fr/x#y', 'C# en F#', 'tot en met -', 'a = b -'])
      expect(mayHoldHazards(text), text).toBe(false);
    for (const text of [
      '# Kop',
      '  ## Kop',
      '- # Kop',
      '1. # Kop',
      '> # Kop',
      'Kop\n===',
      'Kop\n  ---  ',
      '> Kop\n> ---',
    ])
      expect(mayHoldHazards(text), text).toBe(true);
  });

  it('anything with Markdown syntax takes the full pipeline', () => {
    for (const text of [
      'a *b*',
      'a _b_',
      'a `b`',
      'a ~~b~~',
      'a \\* b',
      '![i](x)',
      'a | b',
      '- item',
      '+ item',
      '1. item',
      '1) item',
      '# h',
      'h\n===',
      'h\n---',
      'a  \nb',
      '    code',
      ' \tcode',
      'a & b',
      'x < y',
      'x > y',
      '[a](b)',
      '> quote',
    ]) {
      expect(isPlainText(text), text).toBe(false);
    }
  });
});

describe('plain text → Markdown stays text', () => {
  it('escapes what Markdown would interpret', () => {
    const hostile = '*Praktijk* _[x](javascript:alert(1))_ <b>B.V.</b> # 1. `code`';
    const md = escapeMarkdownText(hostile);
    const tree = unified().use(remarkParse).parse(md);
    // The whole value parses back as one paragraph of plain text.
    expect(tree.children).toHaveLength(1);
    const paragraph = tree.children[0] as { type: string; children: Array<{ type: string; value?: string }> };
    expect(paragraph.type).toBe('paragraph');
    expect(paragraph.children.map((c) => c.type)).toEqual(['text']);
    expect(paragraph.children[0]!.value).toBe(hostile);
  });

  it('any text reads back through GFM as one paragraph, and as a heading, of exactly that text, with no HTML (line breaks folded)', () => {
    const parser = unified().use(remarkParse).use(remarkGfm);
    // Tokens, not just characters, so that URLs, www. names, e-mail addresses and tags actually occur.
    const token = fc.constantFrom(
      'https://',
      'http://',
      'www.',
      'mailto:',
      'x.nl',
      '/',
      'a',
      'Z',
      '0',
      '1.',
      ' ',
      '\n',
      '\t',
      '.',
      ')',
      '(',
      '-',
      '+',
      '*',
      '_',
      '`',
      '~',
      '[',
      ']',
      '<',
      '>',
      '</',
      'meta',
      'script',
      '"',
      "'",
      '|',
      '!',
      '#',
      '&',
      'amp;',
      ';',
      ':',
      '\\',
      '=',
      '{',
      '}',
      '@',
      'é',
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 24 }).map((cs) => cs.join('')),
        (value) => {
          const expected = value.replace(/\s*\n\s*/g, ' ').trim();
          fc.pre(expected.length > 0);
          const tree = parser.parse(escapeMarkdownText(value));
          expect(tree.children.map((c) => c.type)).toEqual(['paragraph']);
          expect(toString(tree)).toBe(expected);
          const types = new Set<string>();
          const walk = (n: { type: string; children?: unknown[] }): void => {
            types.add(n.type);
            (n.children as (typeof n)[] | undefined)?.forEach(walk);
          };
          walk(tree);
          expect(types.has('html')).toBe(false);
          // As a heading's text too: a run of '#' at its end is no closing sequence (second-read review 4, finding 7).
          const heading = parser.parse(`### ${escapeHeading(value)}`);
          expect(heading.children.map((c) => c.type)).toEqual(['heading']);
          expect(toString(heading)).toBe(expected);
        },
      ),
      { numRuns: 10000 },
    );
  }, 120_000); // 20,000 parses: 10–20 s of CPU on this machine, more while other work shares it

  it('keeps the escape after a URL (the GFM autolink-literal hole)', () => {
    const parser = unified().use(remarkParse).use(remarkGfm);
    const tree = parser.parse(
      escapeMarkdownText('see https://x/">\\<meta http-equiv=refresh content="0;url=https://evil">'),
    );
    expect(JSON.stringify(tree)).not.toContain('"type":"html"');
  });

  it('escapes a line-start list marker', () => {
    expect(escapeMarkdownText('1. first')).toBe('1\\. first');
    expect(escapeMarkdownText('- dash')).toBe('\\- dash');
  });

  it('links keep their text and target; a link that is its own address is an autolink', () => {
    expect(inlinesToMarkdown([{ text: 'privacy@x.nl', href: 'mailto:privacy@x.nl' }])).toBe('<privacy@x.nl>');
    expect(inlinesToMarkdown([{ text: 'https://ap.nl/a?b=c', href: 'https://ap.nl/a?b=c' }])).toBe(
      '<https://ap.nl/a?b=c>',
    );
    expect(inlinesToMarkdown([{ text: 'Cookie policy', href: 'https://x.nl/(c)' }])).toBe(
      '[Cookie policy](https://x.nl/%28c%29)',
    );
    expect(inlinesToMarkdown([{ text: '+31 20', href: 'tel:+3120' }])).toBe('[\\+31 20](tel:+3120)');
    const parser = unified().use(remarkParse).use(remarkGfm);
    const tree = parser.parse(
      inlinesToMarkdown([{ text: 'privacy@x.nl', href: 'mailto:privacy@x.nl' }]),
    ) as unknown as { children: Array<{ children: Array<{ type: string; url: string }> }> };
    expect(tree.children[0]!.children[0]).toMatchObject({ type: 'link', url: 'mailto:privacy@x.nl' });
  });

  it('table cells escape the pipe', () => {
    const md = tableToMarkdown({ caption: 'c', head: ['A|B', 'C'], rows: [[[{ text: 'x | y' }], [{ text: 'z' }]]] });
    expect(md.split('\n')).toEqual(['| A\\|B | C |', '| --- | --- |', '| x \\| y | z |']);
  });
});

describe('author Markdown → plain text (register cells)', () => {
  it('the plain-text fast path gives what the parser gives', async () => {
    const { markdownToPlainText, parsedToPlainText } = await import('../src/render/register/plain-text.js');
    const plainChar = fc.constantFrom(...'abc XYZ é 0123 ,.;:()?/%€@\'"–-+\n\n\t'.split(''));
    fc.assert(
      fc.property(
        fc.array(plainChar, { maxLength: 60 }).map((cs) => cs.join('')),
        (text) => {
          fc.pre(isPlainText(text));
          expect(markdownToPlainText(text)).toBe(parsedToPlainText(text));
        },
      ),
      { numRuns: 3000 },
    );
    expect(markdownToPlainText('One *two*\n\n- three\n- four')).toBe('One two\nthree\nfour');
  });
});
