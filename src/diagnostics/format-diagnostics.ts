import path from 'node:path';
import type { Language } from '../i18n/messages.js';
import { compareDiagnostics, type Diagnostic, type LocalisedDiagnostic } from './diagnostic.js';
import { localiseDiagnostics } from './render-message.js';
import { singleLine } from './single-line.js';

/** 'policies/x/policy.json:14:7' — relative to the working directory, as editors and terminals link it. */
export function location(d: Diagnostic, cwd = process.cwd()): string {
  const file = d.file ? path.relative(cwd, path.resolve(cwd, d.file)) || d.file : '<input>';
  return d.line ? `${file}:${d.line}:${d.column ?? 1}` : file;
}

/**
 * One line per diagnostic, written in `lang`: `file:line:col severity /pointer message (suggestion) {article} [rule-id]`,
 * then each related location `(inherited from … at …)`, then `(acknowledged: reason)` when accepted; a line break in
 * an author's text is shown as '↵' (singleLine). A fixed grammar for problem matchers: the severity, the article (the language-neutral notation, 'GDPR 13(1)(a)') and the rule id
 * read the same in every message language.
 */
export function formatCompact(diagnostics: readonly Diagnostic[], cwd = process.cwd(), lang: Language = 'en'): string {
  return formatLocalisedCompact(localiseDiagnostics([...diagnostics].sort(compareDiagnostics), lang), cwd);
}

/** formatCompact of diagnostics already written in the message language and sorted with compareDiagnostics. */
export function formatLocalisedCompact(sorted: readonly LocalisedDiagnostic[], cwd = process.cwd()): string {
  return sorted.map((d) => singleLine(`${location(d, cwd)} ${d.severity} ${findingText(d)}`)).join('\n');
}

/** A finding as a line says it after its place and severity: `/pointer message (suggestion) {article} [rule-id]…`. */
function findingText(d: LocalisedDiagnostic): string {
  const suggestion = d.suggestion ? ` (${d.suggestion})` : '';
  const article = d.article ? ` {${d.article}}` : '';
  const acknowledged = d.acknowledged ? ` (acknowledged: ${d.acknowledged.reason})` : '';
  const related = (d.related ?? []).map((r) => ` (${r.message})`).join('');
  return `${d.pointer || '/'} ${d.message}${suggestion}${article} [${d.ruleId}]${related}${acknowledged}`;
}

/** The GitHub Actions annotation level of a finding: an info, or one the policy acknowledges, is a notice. */
const GITHUB_LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * One GitHub Actions workflow command per diagnostic, `::error file=…,line=…,col=…,title=rule-id::/pointer message …`,
 * which the runner shows as an annotation at that line of the file (in the log and the pull request's diff). Values
 * are escaped as the runner reads them back: %, CR and LF in the message, and also : and , in a property. `file=` is
 * from `root`, the repository's folder (GITHUB_WORKSPACE), against which GitHub places annotations: a job may run
 * policyc in a folder below it (`working-directory: site`). A file's path in a diagnostic is from `cwd`.
 */
export function formatLocalisedGithub(sorted: readonly LocalisedDiagnostic[], cwd = process.cwd(), root = cwd): string {
  const data = (s: string) => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
  const property = (s: string) => data(s).replaceAll(':', '%3A').replaceAll(',', '%2C');
  return sorted
    .map((d) => {
      const file = d.file ? [`file=${property(path.relative(root, path.resolve(cwd, d.file)) || d.file)}`] : [];
      const at = d.line ? [`line=${d.line}`, `col=${d.column ?? 1}`] : [];
      const level = d.acknowledged ? 'notice' : GITHUB_LEVEL[d.severity];
      return `::${level} ${[...file, ...at, `title=${property(d.ruleId)}`].join(',')}::${data(findingText(d))}`;
    })
    .join('\n');
}

/** The diagnostics as a JSON array: each with its messageId and data, and its message (and suggestion) written in `lang`. */
export function formatJson(diagnostics: readonly Diagnostic[], lang: Language = 'en'): string {
  return JSON.stringify(localiseDiagnostics([...diagnostics].sort(compareDiagnostics), lang), null, 2);
}

/**
 * One element of formatJson's array as it appears there (indented one level),
 * so that a long report can be written element by element: '[\n', the
 * elements joined by ',\n', then '\n]' — or '[]' for none.
 */
export function formatJsonElement(d: LocalisedDiagnostic): string {
  return '  ' + JSON.stringify(d, null, 2).replaceAll('\n', '\n  ');
}
