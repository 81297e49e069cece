import { tableToMarkdown, escapeMarkdownText } from '../markdown-inline.js';
import { text } from '../outline.js';
import type { Register } from './register-model.js';

/** Markdown cannot break a line inside a GFM table cell; multiple values are separated by this. */
const MARKDOWN_VALUE_SEPARATOR = '; ';

/** The register as Markdown: a heading per table and a GFM table, every value escaped. */
export function registerToMarkdown(register: Register): string {
  const parts = [`# ${escapeMarkdownText(register.title)}`, escapeMarkdownText(register.versionLine)];
  parts.push(`## ${escapeMarkdownText(register.organisation.caption)}`);
  parts.push(
    register.organisation.facts
      .map((f) => `- **${escapeMarkdownText(f.label)}**: ${escapeMarkdownText(f.value)}`)
      .join('\n'),
  );
  for (const table of register.tables) {
    parts.push(`## ${escapeMarkdownText(table.caption)}`);
    parts.push(
      tableToMarkdown({
        caption: table.caption,
        head: table.columns.map((c) => c.header),
        rows: table.rows.map((row) =>
          row.map((cell) => [text(cell.length ? cell.join(MARKDOWN_VALUE_SEPARATOR) : register.empty)]),
        ),
      }),
    );
  }
  return parts.join('\n\n') + '\n';
}
