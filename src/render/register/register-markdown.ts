import { tableToMarkdown, escapeHeading, escapeMarkdownText } from '../markdown-inline.js';
import { text } from '../outline.js';
import { valueOnOneLine } from './cell-values.js';
import { headerOf, type Register, type RegisterCell } from './register-model.js';
import type { RegisterAssessments } from './register-assessments.js';
import type { RegisterWithoutActivity } from './register-without-activity.js';
import { registerRecord, type RegisterRecord } from './register-records.js';

/**
 * The register as Markdown, laid out as register.html is: the organisation's details once, then each record
 * (30(1), and 30(2) when there is one) as a section with one section per activity — its name the heading, its
 * columns a list of labelled facts. A pipe table of twelve to sixteen columns was unreadable in a wiki, on a
 * git host or in a Markdown viewer: cells wrapped to a word a line, or the table scrolled sideways (register5
 * finding 9). Every value is escaped.
 */
export function registerToMarkdown(register: Register): string {
  const parts = [`# ${escapeHeading(register.title)}`, escapeMarkdownText(register.versionLine)];
  parts.push(`## ${escapeHeading(register.organisation.caption)}`);
  parts.push(register.organisation.facts.map(factItem).join('\n'));
  for (const table of register.tables) parts.push(...recordParts(registerRecord(table, register.notStated), register));
  if (register.withoutActivity) parts.push(...withoutActivityParts(register.withoutActivity, register.notStated));
  if (register.assessments) parts.push(...assessmentParts(register.assessments));
  return parts.join('\n\n') + '\n';
}

/**
 * A record: its heading, the columns no activity fills named once (before the activities, as the record's: after
 * the last one they would read as that activity's), then a section per activity.
 */
function recordParts(record: RegisterRecord, register: Pick<Register, 'notStated' | 'noneStated'>): string[] {
  const parts = [`## ${escapeHeading(record.caption)}`];
  if (record.unfilled.length)
    parts.push(escapeMarkdownText(register.noneStated), record.unfilled.map(unfilledItem).join('\n'));
  for (const activity of record.activities) {
    parts.push(`### ${escapeHeading(activity.name)}`);
    const facts: string[] = [];
    for (const fact of activity.facts) facts.push(activityFact(fact.label, fact.values, register.notStated));
    if (facts.length) parts.push(facts.join('\n'));
  }
  return parts;
}

// Callbacks are module-level functions and hot loops are written out: no closures made per call
// (docs/architecture.md, "No closures made per call").
const unfilledItem = (header: string): string => `- ${escapeMarkdownText(header)}`;

/**
 * An activity's fact as the HTML page gives it: one value after its label, several as a nested list (a data
 * category with what it holds, a recipient with why: each an item of its own, not run together), a blank as
 * `notStated` ('niet vermeld'; '—' beside it read as 'none', officer8 R7). A value's own lines (a purpose's paragraphs) stay lines: a hard line break between them.
 */
function activityFact(label: string, values: RegisterCell, notStated: string): string {
  const head = `- **${escapeMarkdownText(label)}**:`;
  if (values.length === 0) return `${head} ${escapeMarkdownText(notStated)}`;
  if (values.length === 1) return `${head} ${linesOf(values[0]!, '  ')}`;
  const items = [head];
  for (const value of values) items.push(`  - ${linesOf(value, '    ')}`);
  return items.join('\n');
}

/**
 * A value's lines, each escaped, with a hard line break between them (CommonMark: a backslash at the line's end)
 * and the next indented to the list item's text. A space before the backslash: GFM reads a bare URL on to the
 * next space, backslash and all ('https://x.nl/a\' linked, the break lost). An escaped line never ends in a
 * lone backslash (escapeMarkdownText writes a backslash as two), so the break is never read as an escape.
 */
function linesOf(value: string, indent: string): string {
  const lines: string[] = [];
  for (const line of value.split('\n')) {
    const escaped = escapeMarkdownText(line);
    if (escaped) lines.push(escaped);
  }
  return lines.join(` \\\n${indent}`);
}

/**
 * What the notice names that no activity processes, after the records: a heading, the line that says the register
 * has no activity for it, and its groups, data categories and their retention periods as an activity's facts are.
 */
function withoutActivityParts(part: RegisterWithoutActivity, notStated: string): string[] {
  const facts: string[] = [];
  for (const fact of part.facts) facts.push(activityFact(fact.label, fact.values, notStated));
  return [`## ${escapeHeading(part.caption)}`, escapeMarkdownText(part.intro), facts.join('\n')];
}

/** The findings the organisation accepted: a heading, what they are, and a table (finding, where, reason). */
function assessmentParts(assessments: RegisterAssessments): string[] {
  return [
    `## ${escapeHeading(assessments.caption)}`,
    escapeMarkdownText(assessments.intro),
    tableToMarkdown({
      caption: assessments.caption,
      head: assessments.columns.map(headerOf),
      rows: assessments.rows.map((row) => row.map((value) => [text(valueOnOneLine(value))])),
    }),
  ];
}

/**
 * A fact of the organisation as a list item; a value of several lines (measures, rules, processors, grounds) as a
 * nested list, one line an item — a line break inside a list item is only a space in Markdown, and the values ran
 * together ('… Netwerksegmentatie Firewalls …').
 */
function factItem(fact: { label: string; value: string }): string {
  const label = `- **${escapeMarkdownText(fact.label)}**:`;
  const lines = fact.value.split('\n');
  if (lines.length === 1) return `${label} ${escapeMarkdownText(fact.value)}`;
  return [label, ...lines.map(nestedItem)].join('\n');
}
const nestedItem = (line: string): string => `  - ${escapeMarkdownText(line)}`;
