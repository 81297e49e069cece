import { createHash } from 'node:crypto';
import { handlebarsRuntime as Handlebars } from '../render/template-compiler.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import { escapeMarkdownText } from '../render/markdown-inline.js';
import { readTemplate } from '../render/templates.js';
import { changeWords } from './change-words.js';
import { changeGroup } from './change-groups.js';
import { positionWords } from './change-position.js';
import {
  classCounts,
  diffReport,
  type DiffResult,
  type DiffSide,
  type Report,
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
export const printable = (value: string): string =>
  value.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd');

const languageName = (lang: string, m: Messages): string => m.t(`terms:language.${lang}`);

/** The notice draft as plain lines, one language after another. */
function draftLines(text: NoticeDraftText): string[] {
  return [
    `${messagesFor(text.lang).t('diff:notice.subjectLabel')}: ${text.subject}`,
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

/** For a report within a chain's: what the chain's text already gave once for several policies. */
export interface TextInChain {
  /** Changes (their itemLines, joined) listed in the chain's shared section: left out here, and counted. */
  told?: ReadonlySet<string>;
  /** In place of the drafts: a line saying whose draft this policy's is the same as. */
  draftAs?: string;
}

export function renderDiffText(result: DiffResult, m: Messages, chain: TextInChain = {}): string {
  const r = diffReport(result, m);
  const out = [r.title, ...r.lines];
  const groups = r.groups.map((group) => ({
    heading: group.heading,
    items: group.items.map((item) => itemLines(item, result, m)),
  }));
  const told = (lines: string[]): boolean => chain.told?.has(lines.join('\n')) ?? false;
  const toldCount = groups.flatMap((g) => g.items).filter(told).length;
  if (toldCount) out.push(m.t('diff:chain.toldAbove', { count: toldCount }));
  for (const group of groups) {
    const items = group.items.filter((lines) => !told(lines));
    if (items.length) out.push('', `${group.heading}:`, ...items.flat());
  }
  if (r.findings.length) {
    out.push('', `${r.findingsHeading}:`);
    for (const f of r.findings)
      out.push(`  ${f.message}`, `      ${[f.place, f.article, `[${f.ruleId}]`].filter(Boolean).join(' · ')}`);
  }
  if (result.changes.length) {
    out.push('', `${r.noticeHeading}:`);
    if (r.noNotice) out.push(`  ${r.noNotice}`);
    if (chain.draftAs) out.push(`  ${chain.draftAs}`);
    for (const text of chain.draftAs ? [] : (r.notice?.texts ?? [])) {
      out.push('', `  [${languageName(text.lang, m)}]`, ...draftLines(text).map((l) => (l ? `  ${l}` : '')));
    }
  }
  return printable(out.join('\n')) + '\n';
}

export function renderDiffMarkdown(result: DiffResult, m: Messages): string {
  const r = diffReport(result, m);
  const md = escapeMarkdownText;
  const out = [
    `# ${md(r.title)}`,
    '',
    ...r.lines
      .map((l) => md(l))
      .join('\n\n')
      .split('\n'),
  ];
  for (const group of r.groups) {
    out.push('', `## ${md(group.heading)}`, '');
    for (const item of group.items) {
      const language = item.language ? ` (${languageName(item.language, m)})` : '';
      const article = item.article ? ` (${md(item.article)})` : '';
      const where = `${md(item.where)} · ${md(fileLine(item, result))}`;
      out.push(`- **${md(item.classLabel)}:** ${md(item.sentence)}${language} — ${where}${article}`);
      for (const [label, text] of beforeAfter(item, m)) out.push(`  - ${md(label)}: ${md(text)}`);
    }
  }
  if (r.findings.length) {
    out.push('', `## ${md(r.findingsHeading)}`, '');
    for (const f of r.findings)
      out.push(`- ${md(f.message)} — ${md(f.place)}${f.article ? ` (${md(f.article)})` : ''} [${md(f.ruleId)}]`);
  }
  if (result.changes.length) {
    out.push('', `## ${md(r.noticeHeading)}`, '');
    if (r.noNotice) out.push(md(r.noNotice));
    for (const text of r.notice?.texts ?? []) {
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

function htmlChangeRow(item: ReportItem, result: DiffResult, m: Messages): string {
  let cell = h(item.sentence) + (item.language ? ` (${h(languageName(item.language, m))})` : '');
  const texts = beforeAfter(item, m);
  if (texts.length)
    cell += `<dl>${texts.map(([label, text, tag]) => `<dt>${h(label)}</dt><dd><${tag}>${h(text)}</${tag}></dd>`).join('')}</dl>`;
  const badge = `<span class="class-${item.change.class}">${h(item.classLabel)}</span>`;
  const where = `${h(item.where)}<br><code>${h(fileLine(item, result))}</code>`;
  return `<tr class="change-${item.change.class}"><td>${badge}</td><td>${cell}</td><td>${where}</td><td>${h(item.article)}</td></tr>`;
}

function htmlNotice(r: Report, m: Messages): string[] {
  const out = ['<section class="notice-draft">', `<h2>${h(r.noticeHeading)}</h2>`];
  if (r.noNotice) out.push(`<p>${h(r.noNotice)}</p>`);
  for (const text of r.notice?.texts ?? []) {
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

export function renderDiffHtml(result: DiffResult, m: Messages): string {
  const r = diffReport(result, m);
  const out = [
    ...htmlHead(r),
    '<body>',
    '<main>',
    `<h1>${h(r.title)}</h1>`,
    ...r.lines.map((l) => `<p class="report-meta">${h(l)}</p>`),
  ];
  const heads = ['class', 'change', 'where', 'article']
    .map((key) => `<th scope="col">${h(m.t(`diff:label.${key}`))}</th>`)
    .join('');
  for (const group of r.groups) {
    out.push(
      `<section class="changes changes-${group.group}">`,
      `<h2>${h(group.heading)}</h2>`,
      '<table>',
      `<thead><tr>${heads}</tr></thead>`,
      '<tbody>',
      ...group.items.map((item) => htmlChangeRow(item, result, m)),
      '</tbody>',
      '</table>',
      '</section>',
    );
  }
  if (r.findings.length) {
    out.push('<section class="new-findings">', `<h2>${h(r.findingsHeading)}</h2>`, '<ul>');
    for (const f of r.findings)
      out.push(
        `<li>${h(f.message)}<br><code>${h(f.place)}</code>${f.article ? ` · ${h(f.article)}` : ''} <code>${h(f.ruleId)}</code></li>`,
      );
    out.push('</ul>', '</section>');
  }
  if (result.changes.length) out.push(...htmlNotice(r, m));
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

export const diffRenderers: Record<string, (result: DiffResult, m: Messages) => string> = {
  text: renderDiffText,
  markdown: renderDiffMarkdown,
  html: renderDiffHtml,
  json: renderDiffJson,
};
