import { compareStrings } from '../compare-strings.js';

/**
 * The one problem report every stage produces. Shape after vfile-message,
 * esbuild's Message and ajv's error objects; see docs/architecture.md.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Stable kebab-case id, e.g. 'schema/enum', 'reference/dangling'. */
  ruleId: string;
  severity: Severity;
  /** One sentence, in the language the caller asked for. */
  message: string;
  file?: string;
  /** RFC 6901 JSON pointer to the value at fault ('' for the document). */
  pointer: string;
  /** 1-based, from the source position map. */
  line?: number;
  column?: number;
  /** Legal reference, e.g. 'GDPR 13(1)(d)' or 'BW 7:454'. */
  article?: string;
  /** e.g. 'did you mean "retention"?' */
  suggestion?: string;
  /**
   * Set when the privacy officer accepts the finding (metadata.acknowledged
   * or the config file): reporters show it as such, SARIF as a suppression,
   * and it fails no check and counts towards no --max-warnings.
   */
  acknowledged?: { reason: string; source: 'policy' | 'config' };
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Orders diagnostics by file, then position, then severity, then rule id: deterministic output. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareStrings(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    severityRank[a.severity] - severityRank[b.severity] ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.pointer, b.pointer)
  );
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}

/** Findings that still count: not acknowledged by the privacy officer. */
export function unacknowledged(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.acknowledged === undefined);
}
