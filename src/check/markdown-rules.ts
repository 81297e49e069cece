import type { Root, RootContent } from 'mdast';
import { vagueLinkTexts } from '../law/wording-patterns.js';
import { joinPointer } from '../load/json-pointer.js';
import { lazyModule } from '../render/lazy-module.js';
import { parseAuthorMarkdown } from '../render/parse-author-markdown.js';
import type { PolicyModel } from '../resolve/model.js';
import { policySchema } from '../validate/schema-validator.js';
import { isMarkdownAt } from '../validate/text-checks.js';
import type { Finding, Rule } from './rules.js';
import { allTexts } from './wording-rules.js';

/**
 * How author Markdown reads to a screen reader and on a phone (the accessibility review of 2026-12-07): a link
 * whose text is 'hier' says nothing in a list of links (finding 6); a Markdown table is not Markdown the notice
 * renders, and comes out as lines of pipes read out one by one (finding 2). Each finding points into the text, at
 * the link or the table's first row, in its language (`/rights/howToExercise/nl`).
 */

/**
 * Every language's string of the policy's texts that holds `mark` ('](' for a link, '|' for a table), with its
 * pointer; metadata is not published. From the texts the wording rules already walked (allTexts), and a pointer made
 * only for a string that may hold what the rule looks for.
 */
function authorStrings(model: PolicyModel, mark: string): Array<{ pointer: string; value: string }> {
  const strings: Array<{ pointer: string; value: string }> = [];
  for (const { pointer, text } of allTexts(model)) {
    if (pointer.startsWith('/metadata')) continue;
    for (const [lang, value] of Object.entries(text))
      if (value.includes(mark)) strings.push({ pointer: joinPointer(pointer, lang), value });
  }
  return strings;
}

// Loaded on the first link: a cold check of texts without links loads no Markdown stack (test/cold-start.test.ts).
const toStringModule = lazyModule<typeof import('mdast-util-to-string')>('mdast-util-to-string');

interface VagueLink {
  text: string;
  offset: number;
}

/** The links in a string whose whole text is vague, with their offsets. */
function vagueLinks(value: string): VagueLink[] {
  const found: VagueLink[] = [];
  visitLinks(parseAuthorMarkdown(value), found);
  return found;
}

// A module-level walk, not a closure made per text (docs/architecture.md, "No closures made per call").
function visitLinks(node: Root | RootContent, found: VagueLink[]): void {
  if (node.type === 'link') {
    const text = toStringModule().toString(node).trim();
    if (vagueLinkTexts.test(text.replace(/[.,;:!?]+$/, '')))
      found.push({ text, offset: node.position?.start.offset ?? 0 });
  }
  if ('children' in node) for (const child of node.children) visitLinks(child, found);
}

function vagueLinkFindings(model: PolicyModel): Finding[] {
  const findings: Finding[] = [];
  for (const { pointer, value } of authorStrings(model, ']('))
    // A link in a plain text (a name, a title) is shown as typed: it is no link, and its words are not a link text.
    if (isMarkdownAt(policySchema().schema, model.source, pointer))
      for (const link of vagueLinks(value)) findings.push({ pointer, offset: link.offset, vars: { quote: link.text } });
  return findings;
}

/** '[words](address)' as an author types a Markdown link (bounded runs: linear on any string). */
const TYPED_LINK = /\[[^\]\n]{1,200}\]\([^)\s]{1,2000}\)/;

/**
 * A Markdown link typed in a text that is not Markdown (a name, a title): the notice shows it as typed, brackets and
 * address included.
 */
function linksInPlainText(model: PolicyModel): Finding[] {
  const findings: Finding[] = [];
  for (const { pointer, value } of authorStrings(model, '](')) {
    if (isMarkdownAt(policySchema().schema, model.source, pointer)) continue;
    const link = TYPED_LINK.exec(value);
    if (link) findings.push({ pointer, offset: link.index, vars: { quote: link[0] } });
  }
  return findings;
}

/** A line holding a '|' over a line of only dashes, colons, pipes and blanks: where a GFM table may start. */
const TABLE_ROWS = /^([^\n]*\|[^\n]*)\n([ \t]*[-:|][-:| \t]*)$/gm;
/** A delimiter row's cell: dashes, a colon at either end for the alignment. */
const DELIMITER_CELL = /^[ \t]*:?-+:?[ \t]*$/;

/** A row's cells: split at each '|' not escaped, one empty cell at either edge (a leading or closing '|') left out. */
function rowCells(row: string): string[] {
  const cells = row.trim().split(/(?<!\\)\|/);
  if (cells.length > 1 && cells[0]!.trim() === '') cells.shift();
  if (cells.length > 1 && cells.at(-1)!.trim() === '') cells.pop();
  return cells;
}

/**
 * A GFM table: a header row over a delimiter row with a '|' in it, every cell of which is dashes (with the
 * alignment's colons), and as many cells in both ('| a | b |' over '|---|---|'; one column: '| a |' over '| - |').
 * GFM makes no table of rows whose counts differ, nor of a line of dashes alone, which is a heading's underline.
 */
function tableStart(value: string): { index: number; header: string } | undefined {
  TABLE_ROWS.lastIndex = 0;
  for (let rows = TABLE_ROWS.exec(value); rows; rows = TABLE_ROWS.exec(value)) {
    const [, header, delimiter] = rows as unknown as [string, string, string];
    const cells = rowCells(delimiter);
    if (
      delimiter.includes('|') &&
      cells.every((c) => DELIMITER_CELL.test(c)) &&
      rowCells(header).length === cells.length
    )
      return { index: rows.index, header: header.trim() };
    TABLE_ROWS.lastIndex = rows.index + header.length + 1; // the delimiter line may head a table of its own
  }
  return undefined;
}

function markdownTables(model: PolicyModel): Finding[] {
  const findings: Finding[] = [];
  for (const { pointer, value } of authorStrings(model, '|')) {
    const table = tableStart(value);
    if (table) findings.push({ pointer, offset: table.index, vars: { quote: table.header } });
  }
  return findings;
}

export const markdownRules: readonly Rule[] = [
  {
    id: 'wording/vague-link-text',
    severity: 'warning',
    article: 'GDPR 12(1); WCAG 2.2 2.4.4',
    check: vagueLinkFindings,
  },
  { id: 'wording/markdown-table', severity: 'warning', article: 'GDPR 12(1); WCAG 2.2 1.3.1', check: markdownTables },
  { id: 'wording/link-in-plain-text', severity: 'warning', article: 'GDPR 12(1)', check: linksInPlainText },
];
