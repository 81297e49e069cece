import type { Inline, Table } from './outline.js';
import { foldLineBreaks } from './text-whitespace.js';

/**
 * Plain text → Markdown that reads back as exactly that text. CommonMark
 * lets any ASCII punctuation be backslash-escaped; this escapes every
 * character that can start or end a construct (emphasis, code, links, HTML,
 * entities, tables, strikethrough) anywhere, and block markers at the start.
 * Line breaks (LF, CR, CRLF, U+2028, U+2029), with the whitespace around
 * them, fold to one space: inline text is one line. Other whitespace is kept
 * as written (Markdown reads a tab or a run of spaces inside a line back as is).
 *
 * GFM turns bare URLs and www. names into links that run on to the next
 * space, over backslashes, so an escape inside that run would be lost
 * ('https://x/\\<meta' is raw HTML). A URL with none of the characters
 * escaped here has no backslash in its run and is left as written (it
 * renders as a link); in any other word the pattern is broken ('https\\://').
 * test/render-safety checks the round trip through remark-gfm on random text.
 */
export function escapeMarkdownText(value: string): string {
  // Most text has nothing to escape but perhaps its first character, and no line break: no need to look for words.
  if (!needsWords(value)) return escapeLineStart(value.trim());
  // Escaping word by word is escaping the runs between plain URLs at once: no escape reaches across whitespace,
  // and no plain URL starts with a block marker.
  const text = foldLineBreaks(value);
  let escaped = '';
  let from = 0;
  PLAIN_URL_WORD.lastIndex = 0;
  for (let url = PLAIN_URL_WORD.exec(text); url; url = PLAIN_URL_WORD.exec(text)) {
    escaped += escapeInWords(text.slice(from, url.index)) + url[0];
    from = PLAIN_URL_WORD.lastIndex;
  }
  return escapeLineStart(escaped + escapeInWords(text.slice(from)));
}

/**
 * Plain text → the text of an ATX heading ('## …'): as escapeMarkdownText, and a run of '#' at its end escaped,
 * which would otherwise be read as the heading's optional closing sequence ('### Nazorg #' reads back as 'Nazorg';
 * second-read review 4, finding 7).
 */
export const escapeHeading = (value: string): string => escapeMarkdownText(value).replace(/(\s)#(#*\s*)$/, '$1\\#$2');

/**
 * Anything escapeInWords or the line-break folding would change inside the text (the line breaks of
 * foldLineBreaks). Three tests, not one pattern with three alternatives: this reads every text of the notice
 * (about 135,000 characters a Doctolib compile), and the alternatives tried at each character cost a fifth more.
 */
const needsWords = (value: string): boolean =>
  SPECIAL_CHARACTER.test(value) || value.includes('://') || WWW.test(value);
const SPECIAL_CHARACTER = /[\\`*_[\]<>|~!&\n\r\u2028\u2029]/;
const WWW = /www\./i;

/** A whole word (between whitespace or the text's ends) that is a URL with none of the characters escaped here. */
const PLAIN_URL_WORD = /(?<!\S)(?:https?:\/\/|www\.)[^\s\\`*_[\]<>|~!&]+(?!\S)/gi;

/** Words with every character that can start or end a construct escaped, and the URL patterns broken. */
function escapeInWords(words: string): string {
  return words
    .replace(/[\\`*_[\]<>|~!&]/g, '\\$&')
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/(www)\./gi, '$1\\.');
}

/** A block marker at the start of a line: heading, list item, setext underline. */
function escapeLineStart(text: string): string {
  // Only a text that starts with a marker or a digit can need it: most start with a letter.
  const first = text.charCodeAt(0);
  if (!(first === 0x23 || first === 0x2b || first === 0x3d || first === 0x2d || (first >= 0x30 && first <= 0x39)))
    return text;
  return text.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A URL as a link destination: characters that would end or break it are percent-encoded. */
function destination(url: string): string {
  return url.replace(/[\s()<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A link whose text is its own address, as a CommonMark autolink: <https://…> or <name@host>. */
function autolink(inline: Inline): string | undefined {
  if (inline.strong || !inline.href) return undefined;
  if (inline.href === inline.text && /^https?:\/\/[^\s<>]+$/.test(inline.href)) return `<${inline.href}>`;
  if (inline.href === `mailto:${inline.text}` && /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(inline.text))
    return `<${inline.text}>`;
  return undefined;
}

function inlineToMarkdown(inline: Inline): string {
  const auto = autolink(inline);
  if (auto) return auto;
  let md = escapeMarkdownText(inline.text);
  if (inline.strong && md) md = `**${md}**`;
  return inline.href ? `[${md}](${destination(inline.href)})` : md;
}

/** Runs of plain text (with links and bold) as one line of Markdown; the space between two runs is kept. */
export function inlinesToMarkdown(inlines: readonly Inline[]): string {
  return inlines.map(inlineInRun).join('');
}

function inlineInRun(inline: Inline, i: number, inlines: readonly Inline[]): string {
  const md = inlineToMarkdown(inline);
  const before = i > 0 && /^\s/.test(inline.text) ? ' ' : '';
  const after = i < inlines.length - 1 && /\s$/.test(inline.text) ? ' ' : '';
  return before + md + after;
}

/** A GFM table. Cells are escaped inline Markdown ('|' is always escaped). */
export function tableToMarkdown(table: Table): string {
  return [
    tableRow(table.head.map(escapeMarkdownText)),
    tableRow(table.head.map(delimiterCell)),
    ...table.rows.map(bodyRow),
  ].join('\n');
}

// Callbacks are module-level functions and hot loops are written out: no closures made per call
// (docs/architecture.md, "No closures made per call").
const tableRow = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
const delimiterCell = (): string => '---';
const bodyCell = (cell: readonly Inline[]): string => inlinesToMarkdown(cell) || ' ';
const bodyRow = (cells: ReadonlyArray<readonly Inline[]>): string => tableRow(cells.map(bodyCell));
