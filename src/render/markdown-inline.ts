import type { Inline, Table } from './outline.js';

/**
 * Plain text → Markdown that reads back as exactly that text. CommonMark
 * lets any ASCII punctuation be backslash-escaped; this escapes every
 * character that can start or end a construct (emphasis, code, links, HTML,
 * entities, tables, strikethrough) anywhere, and block markers at the start.
 * Line breaks fold to spaces: inline text is one line. test/render-safety
 * checks the round trip through remark on random strings.
 */
export function escapeMarkdownText(value: string): string {
  return value
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~!&]/g, '\\$&')
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A URL as a link destination: characters that would end or break it are percent-encoded. */
function destination(url: string): string {
  return url.replace(/[\s()<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function inlineToMarkdown(inline: Inline): string {
  let md = escapeMarkdownText(inline.text);
  if (inline.strong && md) md = `**${md}**`;
  return inline.href ? `[${md}](${destination(inline.href)})` : md;
}

/** Runs of plain text (with links and bold) as one line of Markdown. */
export function inlinesToMarkdown(inlines: readonly Inline[]): string {
  return inlines.map(inlineToMarkdown).join('');
}

export function textToMarkdown(value: string): string {
  return escapeMarkdownText(value);
}

/** A GFM table. Cells are escaped inline Markdown ('|' is always escaped). */
export function tableToMarkdown(table: Table): string {
  const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [
    row(table.head.map(escapeMarkdownText)),
    row(table.head.map(() => '---')),
    ...table.rows.map((r) => row(r.map((cell) => inlinesToMarkdown(cell) || ' '))),
  ].join('\n');
}
