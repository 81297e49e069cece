import type { Messages } from '../i18n/messages.js';
import type { LocalisedDiagnostic } from './diagnostic.js';
import { policiesPhrase } from './render-message.js';

/**
 * What makes findings in the policies' own files one entry of a human report: the same rule, severity, sentences
 * (so the same values), pointer, line and column, related locations and acknowledgement — a chain's practices,
 * written alike, each with the same finding. Undefined for a finding in a shared base (already said once, with
 * the policies it was found for: shared-findings.ts) or without a file.
 */
function repeatedKey(d: LocalisedDiagnostic): string | undefined {
  if (d.policy !== undefined || d.policies || d.file === undefined) return undefined;
  return JSON.stringify([
    d.ruleId,
    d.severity,
    d.message,
    d.suggestion ?? null,
    d.article ?? null,
    d.pointer,
    d.line ?? 0,
    d.column ?? 0,
    d.related?.map((r) => r.message) ?? null,
    d.acknowledged?.reason ?? null,
  ]);
}

/**
 * The text and compact reports' entries (sorted with compareDiagnostics): a finding repeated in several policies'
 * own files at the same place is given once, at the first of them, its message followed by the policies it is in
 * ('in 300 policies: a, b, c and 297 more'). JSON and SARIF keep every one.
 */
export function foldRepeatedFindings(
  sorted: readonly LocalisedDiagnostic[],
  messages: Messages,
): LocalisedDiagnostic[] {
  const groups = new Map<string, { at: number; files: string[] }>();
  const out: LocalisedDiagnostic[] = [];
  for (const d of sorted) {
    const key = repeatedKey(d);
    const group = key === undefined ? undefined : groups.get(key);
    if (group) group.files.push(d.file!);
    else {
      if (key !== undefined) groups.set(key, { at: out.length, files: [d.file!] });
      out.push(d);
    }
  }
  for (const { at, files } of groups.values()) {
    if (files.length < 2) continue;
    const first = out[at]!;
    out[at] = { ...first, message: `${first.message} ${policiesPhrase(files, messages, 'in')}` };
  }
  return out;
}
