import { createHash } from 'node:crypto';
import { handlebarsRuntime as Handlebars } from '../render/template-compiler.js';
import { labelled, messagesFor, withDetail, withNote, type Messages } from '../i18n/messages.js';
import { escapeMarkdownText } from '../render/markdown-inline.js';
import { readTemplate } from '../render/templates.js';
import { localiseDiagnostics } from '../diagnostics/render-message.js';
import { sharedFindingKey } from '../diagnostics/shared-findings.js';
import { singleLine } from '../diagnostics/single-line.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { changeWords } from './change-words.js';
import { changeGroup } from './change-groups.js';
import { positionWords } from './change-position.js';
import {
  classCounts,
  diffReport,
  type DiffResult,
  type DiffSide,
  type Report,
  type ReportFinding,
  type ReportGroup,
  type ReportItem,
} from './diff-report.js';
import type { NoticeDraftText } from './notice-draft.js';

export type { DiffResult, DiffSide } from './diff-report.js';

/** Long texts on one line: the report shows what changed, not the layout. */
const oneLine = (value: string): string => value.replace(/\s+/g, ' ').trim();

/** Wording changes show the texts themselves; other changes say old → new in their summary. */
const showsTexts = (item: ReportItem): boolean => item.change.kind === 'wording';

/** The texts before and after a wording change, labelled in the report's language. */
function beforeAfter(item: ReportItem, m: Messages): Array<[label: string, text: string, tag: 'del' | 'ins']> {
  if (!showsTexts(item)) return [];
  return [
    ...(item.before !== undefined
      ? [[m.t('diff:label.before'), oneLine(item.before), 'del'] as [string, string, 'del']]
      : []),
    ...(item.after !== undefined
      ? [[m.t('diff:label.after'), oneLine(item.after), 'ins'] as [string, string, 'ins']]
      : []),
  ];
}

/** 'policy.json:41:5': the file and position as editors link them. */
function fileLine(item: ReportItem, result: DiffResult): string {
  const { change } = item;
  const file = change.file ?? result[change.side].label;
  return change.line ? `${file}:${change.line}:${change.column ?? 1}` : file;
}

/** Author text may hold control characters; in a terminal they could move the cursor or change colours. */
const printable = (value: string): string => value.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd');

/** The text report's lines, joined: a line break in an author's text within a line shown as '↵' (singleLine). */
export const printableLines = (lines: readonly string[]): string => printable(lines.map(singleLine).join('\n'));

const languageName = (lang: string, m: Messages): string => m.t(`terms:language.${lang}`);

/** The notice draft as plain lines, one language after another. */
function draftLines(text: NoticeDraftText): string[] {
  const m = messagesFor(text.lang);
  return [
    labelled(m.t('diff:notice.subjectLabel'), text.subject, m),
    '',
    ...text.opening,
    '',
    text.changesIntro,
    ...text.changes.map((c) => `- ${c}`),
    ...(text.closing.length ? ['', ...text.closing] : []),
    ...(text.historyHeading ? ['', text.historyHeading, ...text.history.map((h) => `- ${h}`)] : []),
    '',
    text.signature,
    '',
    text.senderHeading,
    ...text.senderNotes.map((n) => `- ${n}`),
  ];
}

/** One change as the text report gives it: its sentence, where it is, and for a wording change the texts. */
export function itemLines(item: ReportItem, result: DiffResult, m: Messages): string[] {
  return [
    `  [${item.classLabel}] ${item.sentence}${item.language ? ` [${item.language}]` : ''}`,
    `      ${[item.where, fileLine(item, result), item.article].filter(Boolean).join(' · ')}`,
    ...beforeAfter(item, m).map(([, text, tag]) => `      ${tag === 'del' ? '-' : '+'} ${text}`),
  ];
}

/** For a report within a chain's: what the chain's report already gave once for several policies. */
export interface InChain {
  /** Changes (their itemLines, joined) listed in the chain's shared section: left out here, and counted. */
  told?: ReadonlySet<string>;
  /** In place of the drafts: a line saying whose draft this policy's is the same as. */
  draftAs?: string;
  /** New errors (their sharedFindingKey) listed in the chain's shared section: left out here, and counted. */
  toldFindings?: ReadonlySet<string>;
}

/** The report's groups without the changes the chain's shared section gave, and the line that says how many those are. */
function groupsInChain(
  r: Report,
  result: DiffResult,
  m: Messages,
  chain: InChain,
): { groups: ReportGroup[]; told?: string } {
  const told = (item: ReportItem): boolean => chain.told?.has(itemLines(item, result, m).join('\n')) ?? false;
  const count = r.groups.flatMap((g) => g.items).filter(told).length;
  const groups = r.groups
    .map((group) => ({ ...group, items: group.items.filter((item) => !told(item)) }))
    .filter((group) => group.items.length);
  return { groups, ...(count ? { told: m.t('diff:chain.toldAbove', { count }) } : {}) };
}

/** A report as a chain's report gives it: without the changes and the new errors given above, saying how many. */
export interface ChainReport {
  r: Report;
  groups: ReportGroup[];
  told?: string;
  findings: ReportFinding[];
}

export function reportInChain(result: DiffResult, m: Messages, chain: InChain): ChainReport {
  const toldAbove = (d: Diagnostic): boolean => {
    const key = sharedFindingKey(d); // undefined for a finding in the policy's own file
    return key !== undefined && (chain.toldFindings?.has(key) ?? false);
  };
  const all = result.newFindings ?? [];
  const r = diffReport(result, m, all.filter(toldAbove).length);
  // r.findings are result.newFindings in the report's words, one for one.
  const findings = r.findings.filter((_, i) => !toldAbove(all[i]!));
  return { r, ...groupsInChain(r, result, m, chain), findings };
}

/** Whether a report within a chain's has nothing of its own: every change and new error given above, its draft another's or none. */
export function nothingOwn({ r, groups, findings }: ChainReport, chain: InChain): boolean {
  return groups.length === 0 && findings.length === 0 && (chain.draftAs !== undefined || !r.notice);
}

/** One new error as the text report gives it: its message, then where, the article and the rule. */
export function findingLines(f: ReportFinding): string[] {
  return [`  ${f.message}`, `      ${[f.place, f.article, `[${f.ruleId}]`].filter(Boolean).join(' · ')}`];
}

/** One new error as a Markdown list item: its message, where (withDetail), the article (withNote) and the rule. */
export function markdownFinding(f: ReportFinding, m: Messages): string {
  const md = escapeMarkdownText;
  const line = withDetail(md(f.message), md(f.place), m);
  return `- ${f.article ? withNote(line, md(f.article), m) : line} [${md(f.ruleId)}]`;
}

/** One new error as an HTML list item; `note` (already escaped) closes it. */
export function htmlFinding(f: ReportFinding, note = ''): string {
  return `<li>${h(f.message)}<br><code>${h(f.place)}</code>${f.article ? ` · ${h(f.article)}` : ''} <code>${h(f.ruleId)}</code>${note}</li>`;
}

/** The drafts to write out: none where the chain's report says whose draft this one's is. */
const draftTexts = (r: Report, chain: InChain): NoticeDraftText[] => (chain.draftAs ? [] : (r.notice?.texts ?? []));

/** The text report; `report`, the report within a chain's when the caller has it already. */
export function renderDiffText(
  result: DiffResult,
  m: Messages,
  chain: InChain = {},
  report: ChainReport = reportInChain(result, m, chain),
): string {
  const { r, groups, told, findings } = report;
  const out = [r.title, ...r.lines];
  if (told) out.push(told);
  for (const group of groups)
    out.push('', `${group.heading}:`, ...group.items.flatMap((item) => itemLines(item, result, m)));
  if (findings.length) out.push('', `${r.findingsHeading}:`, ...findings.flatMap(findingLines));
  if (result.changes.length) {
    out.push('', `${r.noticeHeading}:`);
    if (r.noNotice) out.push(`  ${r.noNotice}`);
    if (chain.draftAs) out.push(`  ${chain.draftAs}`);
    for (const text of draftTexts(r, chain)) {
      out.push('', `  [${languageName(text.lang, m)}]`, ...draftLines(text).map((l) => (l ? `  ${l}` : '')));
    }
  }
  return printableLines(out) + '\n';
}

/** One change as a Markdown list item, with the texts of a wording change below it. */
export function markdownItem(item: ReportItem, result: DiffResult, m: Messages): string[] {
  const md = escapeMarkdownText;
  const sentence = item.language ? withNote(md(item.sentence), languageName(item.language, m), m) : md(item.sentence);
  const line = withDetail(sentence, `${md(item.where)} · ${md(fileLine(item, result))}`, m);
  return [
    `- **${md(item.classLabel)}:** ${item.article ? withNote(line, md(item.article), m) : line}`,
    ...beforeAfter(item, m).map(([label, text]) => `  - ${labelled(md(label), md(text), m)}`),
  ];
}

export function renderDiffMarkdown(result: DiffResult, m: Messages, chain: InChain = {}): string {
  const { r, groups, told, findings } = reportInChain(result, m, chain);
  const md = escapeMarkdownText;
  const out = [
    `# ${md(r.title)}`,
    '',
    ...[...r.lines, ...(told ? [told] : [])]
      .map((l) => md(l))
      .join('\n\n')
      .split('\n'),
  ];
  for (const group of groups) {
    out.push('', `## ${md(group.heading)}`, '');
    for (const item of group.items) out.push(...markdownItem(item, result, m));
  }
  if (findings.length) out.push('', `## ${md(r.findingsHeading)}`, '', ...findings.map((f) => markdownFinding(f, m)));
  if (result.changes.length) {
    out.push('', `## ${md(r.noticeHeading)}`, '');
    if (r.noNotice) out.push(md(r.noNotice));
    if (chain.draftAs) out.push(md(chain.draftAs));
    for (const text of draftTexts(r, chain)) {
      out.push(`### ${md(languageName(text.lang, m))}`, '');
      // Each plain line its own paragraph; list items stay together.
      for (const line of draftLines(text))
        out.push(...(line.startsWith('- ') ? [`- ${md(line.slice(2))}`] : ['', line && md(line), '']));
      out.push('');
    }
  }
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/\n+$/, '') + '\n'
  );
}

const h = (value: string): string => Handlebars.escapeExpression(value);

/** The report's stylesheet, and the hash a Content-Security-Policy allows it by (no 'unsafe-inline'). */
export function diffReportStyle(): { css: string; hash: string } {
  const css = readTemplate('diff-report.css');
  return { css, hash: `sha256-${createHash('sha256').update(css).digest('base64')}` };
}

/** The page's head: its own Content-Security-Policy (no script; the stylesheet by hash), its title, its style. */
export function htmlHead(r: Pick<Report, 'lang' | 'title'>): string[] {
  const { css, hash } = diffReportStyle();
  return [
    '<!DOCTYPE html>',
    `<html lang="${h(r.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '${hash}'; base-uri 'none'; form-action 'none'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(r.title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
  ];
}

/** One change as a row of the report's table; `note` (already escaped) closes its cell. */
export function htmlChangeRow(item: ReportItem, result: DiffResult, m: Messages, note = ''): string {
  let cell = item.language ? withNote(h(item.sentence), h(languageName(item.language, m)), m) : h(item.sentence);
  const texts = beforeAfter(item, m);
  if (texts.length)
    cell += `<dl>${texts.map(([label, text, tag]) => `<dt>${h(label)}</dt><dd><${tag}>${h(text)}</${tag}></dd>`).join('')}</dl>`;
  const badge = `<span class="class-${item.change.class}">${h(item.classLabel)}</span>`;
  const where = `${h(item.where)}<br><code>${h(fileLine(item, result))}</code>`;
  return `<tr class="change-${item.change.class}"><td>${badge}</td><td>${cell}${note}</td><td>${where}</td><td>${h(item.article)}</td></tr>`;
}

function htmlNotice(r: Report, m: Messages, chain: InChain): string[] {
  const out = ['<section class="notice-draft">', `<h2>${h(r.noticeHeading)}</h2>`];
  if (r.noNotice) out.push(`<p>${h(r.noNotice)}</p>`);
  if (chain.draftAs) out.push(`<p>${h(chain.draftAs)}</p>`);
  for (const text of draftTexts(r, chain)) {
    out.push(`<article lang="${h(text.lang)}">`, `<h3>${h(languageName(text.lang, m))}</h3>`);
    let list = false;
    for (const line of draftLines(text)) {
      const item = line.startsWith('- ');
      if (item !== list) out.push(item ? '<ul>' : '</ul>');
      list = item;
      if (item) out.push(`<li>${h(line.slice(2))}</li>`);
      else if (line) out.push(`<p>${h(line)}</p>`);
    }
    if (list) out.push('</ul>');
    out.push('</article>');
  }
  out.push('</section>');
  return out;
}

/** New errors under their heading, one list item each. */
export function htmlFindings(heading: string, className: string, items: string[]): string[] {
  return [`<section class="${className}">`, `<h2>${h(heading)}</h2>`, '<ul>', ...items, '</ul>', '</section>'];
}

/** A table of changes under its heading: the head row, then one row a change. */
export function htmlChangeTable(heading: string, className: string, rows: string[], m: Messages): string[] {
  const heads = ['class', 'change', 'where', 'article']
    .map((key) => `<th scope="col">${h(m.t(`diff:label.${key}`))}</th>`)
    .join('');
  return [
    `<section class="${className}">`,
    `<h2>${h(heading)}</h2>`,
    '<table>',
    `<thead><tr>${heads}</tr></thead>`,
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
    '</section>',
  ];
}

export function renderDiffHtml(result: DiffResult, m: Messages, chain: InChain = {}): string {
  const { r, groups, told, findings } = reportInChain(result, m, chain);
  const out = [
    ...htmlHead(r),
    '<body>',
    '<main>',
    `<h1>${h(r.title)}</h1>`,
    ...[...r.lines, ...(told ? [told] : [])].map((l) => `<p class="report-meta">${h(l)}</p>`),
  ];
  for (const group of groups) {
    const rows = group.items.map((item) => htmlChangeRow(item, result, m));
    out.push(...htmlChangeTable(group.heading, `changes changes-${group.group}`, rows, m));
  }
  if (findings.length)
    out.push(
      ...htmlFindings(
        r.findingsHeading,
        'new-findings',
        findings.map((f) => htmlFinding(f)),
      ),
    );
  if (result.changes.length) out.push(...htmlNotice(r, m, chain));
  out.push('</main>', '</body>', '</html>');
  return out.join('\n') + '\n';
}

/** The result as data: each change with its pointer, group and words in the report's language, and the notice draft. */
export function renderDiffJson(result: DiffResult, m: Messages): string {
  const side = (s: DiffSide) => ({
    label: s.label,
    id: s.model.id,
    version: s.model.source.metadata.version,
    effectiveDate: s.model.source.metadata.effectiveDate,
    // A base's placeholders and missing details, each where it is and in the report's language.
    ...(s.leftOpen
      ? {
          leftOpen: localiseDiagnostics(s.leftOpen, m.lang).map(({ ruleId, message, file, pointer, line, column }) => ({
            ruleId,
            message,
            file,
            pointer,
            line,
            column,
          })),
        }
      : {}),
  });
  return (
    JSON.stringify(
      {
        old: side(result.old),
        new: side(result.new),
        counts: classCounts(result.changes),
        changes: result.changes.map((change) => {
          const words = changeWords(change, m);
          const position = change.line
            ? { ...(change.file ? { file: change.file } : {}), line: change.line, column: change.column }
            : {};
          const where = positionWords(change, result[change.side].model.source, m);
          return {
            kind: change.kind,
            class: change.class,
            group: changeGroup(change),
            article: change.article,
            pointer: change.pointer,
            side: change.side,
            ...position,
            where,
            ...words,
          };
        }),
        newFindings: diffReport(result, m).findings,
        notice: result.notice ?? null,
      },
      null,
      2,
    ) + '\n'
  );
}

export const diffRenderers: Record<string, (result: DiffResult, m: Messages, chain?: InChain) => string> = {
  text: renderDiffText,
  markdown: renderDiffMarkdown,
  html: renderDiffHtml,
  json: renderDiffJson,
};
