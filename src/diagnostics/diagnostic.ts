import { compareStrings } from '../compare-strings.js';
import type { LocalisedText } from '../i18n/text-in.js';

/**
 * The one problem report every stage produces. Shape after vfile-message,
 * esbuild's Message and ajv's error objects; see docs/architecture.md.
 */
export type Severity = 'error' | 'warning' | 'info';

/** A message by its i18next key in locales/ ('diagnostics:schema.required', 'rules:art6/basis-missing.message') and its values. */
export interface MessageRef {
  messageId: string;
  data?: MessageData;
}

/**
 * A value for a message, itself language-neutral; the reporter writes it in
 * the message language (src/diagnostics/render-message.ts): a plain string
 * or number (ids, pointers, counts); an authored text per language; an ISO
 * 8601 duration or a retention rule, written out; a message of its own; or
 * a list of values joined by the message `separator` (default a space).
 */
export type MessageValue =
  | string
  | number
  | LocalisedText
  | { duration: string }
  | { retention: object }
  | { message: MessageRef }
  | { list: readonly MessageValue[]; separator?: string; conjunction?: 'and' | 'or' };

export type MessageData = Readonly<Record<string, MessageValue>>;

/**
 * Another place that bears on a diagnostic (the preset line a practice inherits, the base's placeholder), with a
 * message saying what it is there; its sentence takes the position as `at`.
 */
export interface RelatedLocation extends MessageRef {
  file: string;
  line: number;
  column: number;
}

export interface Diagnostic {
  /** Stable kebab-case id, e.g. 'schema/enum', 'reference/dangling'. */
  ruleId: string;
  severity: Severity;
  /** The message's i18next key in locales/ (no sentence is rendered by the stage that reports). */
  messageId: string;
  /** The values the message interpolates. */
  data?: MessageData;
  file?: string;
  /**
   * The policy the diagnostic was found for, when `file` is another file (a
   * base it extends, shared by many): reporters say for which policy.
   */
  policy?: string;
  /**
   * Instead of `policy`, in a report of many policies: every policy the same
   * finding in a shared base was found for (see shared-findings.ts), so that
   * it is said and counted once.
   */
  policies?: readonly string[];
  /** RFC 6901 JSON pointer to the value at fault ('' for the document). */
  pointer: string;
  /** 1-based, from the source position map. */
  line?: number;
  column?: number;
  /**
   * Legal reference in the language-neutral notation of law/legal-reference.ts, e.g. 'GDPR 13(1)(d)' or
   * 'BW 7:454': the same in every message language, for tools (JSON, SARIF); `citation` is its reading.
   */
  article?: string;
  /** A hint, e.g. did you mean "retention"? ('diagnostics:didYouMean' with its value). */
  hint?: MessageRef;
  /**
   * Set when the privacy officer accepts the finding (metadata.acknowledged
   * or the config file): reporters show it as such, SARIF as a suppression,
   * and it fails no check and counts towards no --max-warnings. The reason
   * as written (a text per language), shown in the message language.
   */
  acknowledged?: { reason: string | LocalisedText; source: 'policy' | 'config' };
  /** Other places that bear on it: reporters show each after the diagnostic, SARIF as a related location. */
  related?: readonly RelatedLocation[];
}

/**
 * A diagnostic with its message (and hint, and acknowledgement reason)
 * written in one language: what the library API returns and JSON output
 * carries. Made only by localiseDiagnostic, from messageId and data.
 */
export interface LocalisedDiagnostic extends Omit<Diagnostic, 'acknowledged' | 'related'> {
  /** One sentence, in the language the caller asked for. */
  message: string;
  /** `article` as that language cites it: 'art. 13, lid 1, onder d, AVG' in Dutch, 'GDPR 13(1)(d)' in English. */
  citation?: string;
  /** e.g. 'did you mean "retention"?' */
  suggestion?: string;
  acknowledged?: { reason: string; source: 'policy' | 'config' };
  related?: readonly (RelatedLocation & { message: string })[];
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
