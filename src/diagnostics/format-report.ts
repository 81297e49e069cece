import { compareDiagnostics, type Diagnostic, type LocalisedDiagnostic, type Severity } from './diagnostic.js';
import { labelled, messagesFor, withNote, type Language, type Messages } from '../i18n/messages.js';
import { location } from './format-diagnostics.js';
import { localiseDiagnostics } from './render-message.js';
import { singleLine } from './single-line.js';

/** ANSI styles, used only when the caller says the terminal takes colour. */
const styles = {
  error: ['\u001b[31m', '\u001b[39m'],
  warning: ['\u001b[33m', '\u001b[39m'],
  info: ['\u001b[36m', '\u001b[39m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  bold: ['\u001b[1m', '\u001b[22m'],
} as const;

export interface ReportOptions {
  cwd?: string;
  /** The language of the messages; default English. */
  lang?: Language;
  color?: boolean;
  /** Words for the severities (default: the message language's, from the locales). */
  severityLabels?: Record<Severity, string>;
  /** The word for an acknowledged finding (default: the message language's, from the locales). */
  acknowledgedLabel?: string;
  /** Where a rule is documented (docs/rules.md#…), for rules of the catalogue. */
  docsPath?: (ruleId: string) => string | undefined;
}

/**
 * The human report: diagnostics grouped per file, one line each with
 * line:column, severity, message, legal reference and rule id, then the JSON
 * pointer of the value at fault and where the rule is documented; an
 * acknowledged finding gets a third line with the reason. A line break in an
 * author's text (a purpose's name, a reason) is shown as '↵' (singleLine).
 *
 *   policies/ipractice/policy.json
 *     118:7  error    The policy names no legal basis of art. 6(1) for the purpose “…”; …  GDPR 6(1)  art6/basis-missing
 *                     /purposes/2/legalBasis  docs/rules.md#en-art6-basis-missing
 */
export function formatReport(diagnostics: readonly Diagnostic[], options: ReportOptions = {}): string {
  return formatLocalisedReport(
    localiseDiagnostics([...diagnostics].sort(compareDiagnostics), options.lang ?? 'en'),
    options,
  );
}

/** formatReport of diagnostics already written in the message language and sorted with compareDiagnostics. */
export function formatLocalisedReport(sorted: readonly LocalisedDiagnostic[], options: ReportOptions = {}): string {
  const paint = painter(options.color === true);
  const m = messagesFor(options.lang ?? 'en');
  const labels = options.severityLabels ?? severityWords(m);
  const acknowledged = options.acknowledgedLabel ?? m.t('rules:docs.acknowledged');
  const width = Math.max(...Object.values(labels).map((l) => l.length));
  // Each severity's word padded and painted once, not on each of a build's many lines.
  const severities = {
    error: paint('error', labels.error.padEnd(width)),
    warning: paint('warning', labels.warning.padEnd(width)),
    info: paint('info', labels.info.padEnd(width)),
  };
  const blocks: string[] = [];
  for (const [file, items] of byFile(sorted, options.cwd))
    blocks.push(fileBlock(paint('bold', file), items, { paint, severities, width, options, m, acknowledged }));
  return blocks.join('\n\n');
}

/** The severities' words in the message language (the rule catalogue's). */
function severityWords(m: Messages): Record<Severity, string> {
  return {
    error: m.t('rules:docs.severities.error'),
    warning: m.t('rules:docs.severities.warning'),
    info: m.t('rules:docs.severities.info'),
  };
}

type Paint = (style: keyof typeof styles, text: string) => string;

function painter(color: boolean): Paint {
  return color ? (style, text) => styles[style][0] + text + styles[style][1] : (_style, text) => text;
}

/** The diagnostics by the location of their file (worked out once per file), in order. */
function byFile(sorted: readonly LocalisedDiagnostic[], cwd: string | undefined): Map<string, LocalisedDiagnostic[]> {
  const files = new Map<string, LocalisedDiagnostic[]>();
  const shown = new Map<string | undefined, string>();
  for (const d of sorted) {
    let file = shown.get(d.file);
    if (file === undefined) shown.set(d.file, (file = singleLine(location({ ...d, line: undefined }, cwd))));
    const items = files.get(file);
    if (items) items.push(d);
    else files.set(file, [d]);
  }
  return files;
}

/** One file's block: its name, then each diagnostic's two or three lines (see formatReport). */
function fileBlock(
  heading: string,
  items: readonly LocalisedDiagnostic[],
  {
    paint,
    severities,
    width,
    options,
    m,
    acknowledged,
  }: {
    paint: Paint;
    severities: Record<Severity, string>;
    width: number;
    options: ReportOptions;
    m: Messages;
    acknowledged: string;
  },
): string {
  const positions = items.map((d) => (d.line ? `${d.line}:${d.column ?? 1}` : ''));
  const posWidth = Math.max(...positions.map((p) => p.length));
  const indent = `  ${' '.repeat(posWidth)}  ${' '.repeat(width)}  `;
  let block = heading;
  items.forEach((d, i) => {
    const message = singleLine(d.suggestion ? withNote(d.message, d.suggestion, m) : d.message);
    const citation = d.citation ? `  ${paint('dim', d.citation)}` : '';
    block += `\n  ${positions[i]!.padEnd(posWidth)}  ${severities[d.severity]}  ${message}${citation}  ${paint('dim', d.ruleId)}`;
    const docs = options.docsPath?.(d.ruleId);
    // A syntax error has no value to point at and no rule page: then there is no second line ('/' alone said nothing).
    if (d.pointer || docs)
      block += `\n${indent}${paint('dim', d.pointer || '/')}${docs ? `  ${paint('dim', docs)}` : ''}`;
    for (const r of d.related ?? []) block += `\n${indent}${singleLine(r.message)}`;
    if (d.acknowledged) block += `\n${indent}${singleLine(labelled(acknowledged, d.acknowledged.reason, m))}`;
  });
  return block;
}
