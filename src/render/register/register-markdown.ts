import { tableToMarkdown, escapeMarkdownText } from '../markdown-inline.js';
import { text, type Inline } from '../outline.js';
import { runOfValues } from './cell-values.js';
import { headerOf, pageColumns, statedOnce, type Register, type RegisterTable } from './register-model.js';
import type { RegisterAssessments } from './register-assessments.js';

/** The register as Markdown: a heading per table and a GFM table, every value escaped. */
export function registerToMarkdown(register: Register): string {
  const parts = [`# ${escapeMarkdownText(register.title)}`, escapeMarkdownText(register.versionLine)];
  parts.push(`## ${escapeMarkdownText(register.organisation.caption)}`);
  parts.push(register.organisation.facts.map(factItem).join('\n'));
  for (const table of register.tables) {
    parts.push(`## ${escapeMarkdownText(table.caption)}`);
    parts.push(
      tableToMarkdown({
        caption: table.caption,
        head: tableColumns(table).map((i) => headerOf(table.columns[i]!)),
        rows: tableRows(table, register.empty),
      }),
    );
  }
  if (register.assessments) parts.push(...assessmentParts(register.assessments));
  return parts.join('\n\n') + '\n';
}

/** The findings the organisation accepted: a heading, what they are, and a table (finding, where, reason). */
function assessmentParts(assessments: RegisterAssessments): string[] {
  return [
    `## ${escapeMarkdownText(assessments.caption)}`,
    escapeMarkdownText(assessments.intro),
    tableToMarkdown({
      caption: assessments.caption,
      head: assessments.columns.map(headerOf),
      rows: assessments.rows.map((row) => row.map((value) => [text(runOfValues([value]))])),
    }),
  ];
}

// Callbacks are module-level functions and hot loops are written out: no closures made per call
// (docs/architecture.md, "No closures made per call").
/**
 * A fact as a list item; a value of several lines (measures, rules, processors, grounds) as a
 * nested list, one line an item — a line break inside a list item is only a space in Markdown,
 * and the values ran together ('… Netwerksegmentatie Firewalls …').
 */
function factItem(fact: { label: string; value: string }): string {
  const label = `- **${escapeMarkdownText(fact.label)}**:`;
  const lines = fact.value.split('\n');
  if (lines.length === 1) return `${label} ${escapeMarkdownText(fact.value)}`;
  return [label, ...lines.map(nestedItem)].join('\n');
}
const nestedItem = (line: string): string => `  - ${escapeMarkdownText(line)}`;

/** The columns a page shows (pageColumns) but those the organisation's details state once (statedOnce). */
function tableColumns(table: RegisterTable): number[] {
  const once = statedOnce(table);
  return pageColumns(table).filter((i) => !once.has(i));
}

/** Each cell as one run of text (Markdown cannot break a line inside a GFM table cell): its values run on, or `empty`. */
function tableRows(table: RegisterTable, empty: string): Inline[][][] {
  const shown = tableColumns(table);
  const rows: Inline[][][] = [];
  for (const row of table.rows) {
    const cells: Inline[][] = [];
    for (const i of shown) cells.push([text(row[i]!.length ? runOfValues(row[i]!) : empty)]);
    rows.push(cells);
  }
  return rows;
}
