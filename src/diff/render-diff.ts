import { handlebarsRuntime as Handlebars } from '../render/template-compiler.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import { controllerName, formatDate } from '../render/format.js';
import { escapeMarkdownText } from '../render/markdown-inline.js';
import type { PolicyModel } from '../resolve/model.js';
import type { ChangeClass } from './change-kinds.js';
import type { Change } from './change.js';
import { changeWords, type ChangeWords } from './change-words.js';
import type { NoticeDraft, NoticeDraftText } from './notice-draft.js';

/** One side of the comparison: where it came from, and its model. */
export interface DiffSide {
  /** As given on the command line: a path, or 'HEAD~1:policies/x/policy.json'. */
  label: string;
  model: PolicyModel;
}

export interface DiffResult {
  old: DiffSide;
  new: DiffSide;
  changes: Change[];
  /** The notice to send, when anything material changed. */
  notice?: NoticeDraft;
}

interface ReportItem extends ChangeWords {
  change: Change;
}

interface ReportGroup {
  class: ChangeClass;
  heading: string;
  items: ReportItem[];
}

/** The report in one language, format-free; each renderer below writes it out. */
interface Report {
  lang: string;
  title: string;
  lines: string[];
  groups: ReportGroup[];
  noticeHeading: string;
  notice?: NoticeDraft;
  noNotice: string;
}

const classes: readonly ChangeClass[] = ['material', 'editorial'];

/** Long texts on one line: the report shows what changed, not the layout. */
const oneLine = (value: string): string => value.replace(/\s+/g, ' ').trim();

function report(result: DiffResult, m: Messages): Report {
  const t = m.t;
  const meta = (side: DiffSide) => side.model.source.metadata;
  const counts = Object.fromEntries(classes.map((c) => [c, result.changes.filter((x) => x.class === c).length]));
  const version = (side: DiffSide): string => {
    // Without a version label the side is named by where it came from (file or revision).
    // ('versie policies/x.json' would call a file name a version.)
    const { version, effectiveDate } = meta(side);
    const date = effectiveDate && formatDate(effectiveDate, m);
    if (version) return date ? t('diff:version', { version, date }) : t('diff:versionUndated', { version });
    return date ? t('diff:sourceDated', { source: side.label, date }) : t('diff:sourceUndated', { source: side.label });
  };
  const lines = [
    t('diff:versions', { old: version(result.old), new: version(result.new) }),
    t('diff:sides', { old: result.old.label, new: result.new.label }),
    result.changes.length ? t('diff:counts', counts) : t('diff:noChanges'),
  ];
  const groups = classes
    .map((c) => ({
      class: c,
      heading: t(`diff:heading.${c}`),
      items: result.changes.filter((x) => x.class === c).map((change) => ({ change, ...changeWords(change, m) })),
    }))
    .filter((g) => g.items.length > 0);
  return {
    lang: m.lang, title: t('diff:title', { name: controllerName(result.new.model.source.controller, m) }), lines, groups,
    noticeHeading: t('diff:heading.notice'), noNotice: t('diff:notice.notNeeded'),
    ...(result.notice ? { notice: result.notice } : {}),
  };
}

/** Wording changes show the texts themselves; other changes say old → new in their summary. */
const showsTexts = (item: ReportItem): boolean => item.change.kind === 'wording';

/** 'policy.json:41:5 /processors/1 · GDPR 13(1)(e)': the file and position as editors link them, the pointer, the article. */
function whereLine(item: ReportItem, result: DiffResult): string {
  const { change } = item;
  const file = change.file ?? result[change.side].label;
  const position = change.line ? `${file}:${change.line}:${change.column ?? 1}` : file;
  return [`${position} ${change.pointer || '/'}`, change.article].filter(Boolean).join(' · ');
}

/** Author text may hold control characters; in a terminal they could move the cursor or change colours. */
const printable = (value: string): string => value.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd');

function languageName(lang: string, m: Messages): string {
  return m.t(`terms:language.${lang}`);
}

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

export function renderDiffText(result: DiffResult, m: Messages): string {
  const r = report(result, m);
  const out = [r.title, ...r.lines];
  for (const group of r.groups) {
    out.push('', `${group.heading}:`);
    for (const item of group.items) {
      out.push(`  ${item.summary}${item.language ? ` [${item.language}]` : ''}`, `      ${whereLine(item, result)}`);
      if (showsTexts(item)) {
        if (item.before !== undefined) out.push(`      - ${oneLine(item.before)}`);
        if (item.after !== undefined) out.push(`      + ${oneLine(item.after)}`);
      }
    }
  }
  if (result.changes.length) {
    out.push('', `${r.noticeHeading}:`);
    if (!r.notice && !r.groups.some((g) => g.class === 'material')) out.push(`  ${r.noNotice}`);
    for (const text of r.notice?.texts ?? []) {
      out.push('', `  [${languageName(text.lang, m)}]`, ...draftLines(text).map((l) => (l ? `  ${l}` : '')));
    }
  }
  return printable(out.join('\n')) + '\n';
}

export function renderDiffMarkdown(result: DiffResult, m: Messages): string {
  const r = report(result, m);
  const md = escapeMarkdownText;
  const out = [`# ${md(r.title)}`, '', ...r.lines.map((l) => md(l)).join('\n\n').split('\n')];
  for (const group of r.groups) {
    out.push('', `## ${md(group.heading)}`, '');
    for (const item of group.items) {
      const language = item.language ? ` (${languageName(item.language, m)})` : '';
      const article = item.change.article ? ` (${md(item.change.article)})` : '';
      out.push(`- ${md(item.summary)}${language} — \`${item.change.pointer || '/'}\`${article}`);
      if (showsTexts(item)) {
        if (item.before !== undefined) out.push(`  - ${md(m.t('diff:label.before'))}: ${md(oneLine(item.before))}`);
        if (item.after !== undefined) out.push(`  - ${md(m.t('diff:label.after'))}: ${md(oneLine(item.after))}`);
      }
    }
  }
  if (result.changes.length) {
    out.push('', `## ${md(r.noticeHeading)}`, '');
    if (!r.notice && !r.groups.some((g) => g.class === 'material')) out.push(md(r.noNotice));
    for (const text of r.notice?.texts ?? []) {
      out.push(`### ${md(languageName(text.lang, m))}`, '');
      // Each plain line its own paragraph; list items stay together.
      for (const line of draftLines(text)) out.push(...(line.startsWith('- ') ? [`- ${md(line.slice(2))}`] : ['', line && md(line), '']));
      out.push('');
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n+$/, '') + '\n';
}

export function renderDiffHtml(result: DiffResult, m: Messages): string {
  const r = report(result, m);
  const h = (value: string): string => Handlebars.escapeExpression(value);
  const out = [
    '<!DOCTYPE html>', `<html lang="${h(r.lang)}">`, '<head>', '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">', `<title>${h(r.title)}</title>`, '</head>', '<body>', '<main>',
    `<h1>${h(r.title)}</h1>`, ...r.lines.map((l) => `<p>${h(l)}</p>`),
  ];
  for (const group of r.groups) {
    out.push(`<section class="changes-${group.class}">`, `<h2>${h(group.heading)}</h2>`, '<table>',
      `<thead><tr><th>${h(m.t('diff:label.change'))}</th><th>${h(m.t('diff:label.where'))}</th><th>${h(m.t('diff:label.article'))}</th></tr></thead>`, '<tbody>');
    for (const item of group.items) {
      let cell = h(item.summary) + (item.language ? ` (${h(languageName(item.language, m))})` : '');
      if (showsTexts(item)) {
        cell += '<dl>';
        if (item.before !== undefined) cell += `<dt>${h(m.t('diff:label.before'))}</dt><dd><del>${h(oneLine(item.before))}</del></dd>`;
        if (item.after !== undefined) cell += `<dt>${h(m.t('diff:label.after'))}</dt><dd><ins>${h(oneLine(item.after))}</ins></dd>`;
        cell += '</dl>';
      }
      out.push(`<tr><td>${cell}</td><td><code>${h(item.change.pointer || '/')}</code></td><td>${h(item.change.article)}</td></tr>`);
    }
    out.push('</tbody>', '</table>', '</section>');
  }
  if (result.changes.length) {
    out.push('<section class="notice-draft">', `<h2>${h(r.noticeHeading)}</h2>`);
    if (!r.notice && !r.groups.some((g) => g.class === 'material')) out.push(`<p>${h(r.noNotice)}</p>`);
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
  }
  out.push('</main>', '</body>', '</html>');
  return out.join('\n') + '\n';
}

/** The result as data: each change with its words in the report's language, and the notice draft. */
export function renderDiffJson(result: DiffResult, m: Messages): string {
  const side = (s: DiffSide) => ({
    label: s.label, id: s.model.id, version: s.model.source.metadata.version, effectiveDate: s.model.source.metadata.effectiveDate,
  });
  return JSON.stringify({
    old: side(result.old),
    new: side(result.new),
    counts: Object.fromEntries(classes.map((c) => [c, result.changes.filter((x) => x.class === c).length])),
    changes: result.changes.map((change) => {
      const words = changeWords(change, m);
      const position = change.line ? { ...(change.file ? { file: change.file } : {}), line: change.line, column: change.column } : {};
      return { kind: change.kind, class: change.class, article: change.article, pointer: change.pointer, side: change.side, ...position, ...words };
    }),
    notice: result.notice ?? null,
  }, null, 2) + '\n';
}

export const diffRenderers: Record<string, (result: DiffResult, m: Messages) => string> = {
  text: renderDiffText,
  markdown: renderDiffMarkdown,
  html: renderDiffHtml,
  json: renderDiffJson,
};
