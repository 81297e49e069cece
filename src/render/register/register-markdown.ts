import { tableToMarkdown, escapeMarkdownText } from '../markdown-inline.js';
import { text, type Inline } from '../outline.js';
import { runOfValues } from './cell-values.js';
import type { Register, RegisterCell } from './register-model.js';

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
        head: table.columns.map(headerOf),
        rows: tableRows(table.rows, register.empty),
      }),
    );
  }
  return parts.join('\n\n') + '\n';
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
const headerOf = (column: { header: string }): string => column.header;

/** Each cell as one run of text (Markdown cannot break a line inside a GFM table cell): its values run on, or `empty`. */
function tableRows(rows: ReadonlyArray<readonly RegisterCell[]>, empty: string): Inline[][][] {
  const table: Inline[][][] = [];
  for (const row of rows) {
    const cells: Inline[][] = [];
    for (const cell of row) cells.push([text(cell.length ? runOfValues(cell) : empty)]);
    table.push(cells);
  }
  return table;
}
