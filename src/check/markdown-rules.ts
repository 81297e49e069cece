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

/**
 * A GFM table's header row followed by its delimiter row ('| a | b |' then '|---|---|'). The delimiter row has a
 * pipe between cells, or (one column) at its start or end: a line of dashes alone under a line is a heading's.
 */
const TABLE =
  /^[ \t]*\|?[^\n]*\|[^\n]*\n[ \t]*(?:\|[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?|:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?|:?-+:?[ \t]*\|)[ \t]*$/m;

function markdownTables(model: PolicyModel): Finding[] {
  const findings: Finding[] = [];
  for (const { pointer, value } of authorStrings(model, '|')) {
    const table = TABLE.exec(value);
    if (table) findings.push({ pointer, offset: table.index, vars: { quote: table[0].split('\n')[0]!.trim() } });
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
