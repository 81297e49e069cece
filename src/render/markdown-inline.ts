import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import type { PhrasingContent } from 'mdast';
import type { Inline, Table } from './outline.js';

/**
 * The notice is GFM, so text is escaped for GFM: without the GFM extension
 * a URL in plain text becomes an autolink literal that swallows the
 * backslash of the next escape ('https://x/">\\<meta …>' then yields raw
 * HTML in any renderer that passes HTML through). test/browser/injection.test.ts.
 */
const options: ToMarkdownOptions = { bullet: '-', emphasis: '_', strong: '*', resourceLink: true, extensions: [gfmToMarkdown()] };

/**
 * Plain-text runs (with links and bold) as Markdown, escaped by
 * mdast-util-to-markdown, the serialiser behind remark-stringify: whatever
 * an author's name or address holds, it stays text.
 */
export function inlinesToMarkdown(inlines: readonly Inline[]): string {
  const children: PhrasingContent[] = inlines.map((inline) => {
    const node: PhrasingContent = { type: 'text', value: inline.text.replace(/\s*\n\s*/g, ' ') };
    const wrapped: PhrasingContent = inline.strong ? { type: 'strong', children: [node] } : node;
    return inline.href ? { type: 'link', url: inline.href, children: [wrapped] } : wrapped;
  });
  return toMarkdown({ type: 'paragraph', children }, options).trimEnd();
}

export function textToMarkdown(value: string): string {
  return inlinesToMarkdown([{ text: value }]);
}

/** A GFM table. Cells are escaped inline Markdown, with '|' escaped as the table syntax needs. */
export function tableToMarkdown(table: Table): string {
  const cell = (inlines: readonly Inline[]): string => (inlines.length ? inlinesToMarkdown(inlines).replace(/\|/g, '\\|') : ' ');
  const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [
    row(table.head.map((h) => textToMarkdown(h).replace(/\|/g, '\\|'))),
    row(table.head.map(() => '---')),
    ...table.rows.map((r) => row(r.map(cell))),
  ].join('\n');
}
