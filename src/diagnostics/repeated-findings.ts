import type { Messages } from '../i18n/messages.js';
import type { LocalisedDiagnostic } from './diagnostic.js';
import { policiesPhrase } from './render-message.js';

/**
 * What makes findings in the policies' own files one entry of a human report: the same rule, severity, sentences
 * (so the same values), pointer, line and column, related locations and acknowledgement — a chain's practices,
 * written alike, each with the same finding. Undefined for a finding in a shared base (already said once, with
 * the policies it was found for: shared-findings.ts) or without a file.
 */
export function repeatedKey(d: LocalisedDiagnostic): string | undefined {
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
 * The text and compact reports' entries (sorted with compareDiagnostics), given in parts: a finding repeated in
 * several policies' own files at the same place is given once, at the first of them, its message followed by the
 * policies it is in ('in 300 policies: a, b, c and 297 more'). Only the first of each is kept (a repeat adds its
 * file's name), found by a number (a hash of its key) rather than the key. JSON and SARIF keep every one.
 */
export function repeatedFindings(messages: Messages): {
  add(sorted: readonly LocalisedDiagnostic[]): void;
  folded(): LocalisedDiagnostic[];
} {
  const out: LocalisedDiagnostic[] = [];
  const at = new Map<number | string, number>();
  const files = new Map<number, string[]>();
  const add = (given: LocalisedDiagnostic): void => {
    const key = repeatedKey(given);
    const d = reported(given);
    if (key === undefined) return void out.push(d);
    // Two keys with one hash (unlikely): the second is found by its key.
    const hash = cyrb53(key);
    const first = at.get(hash);
    const id = first === undefined || repeatedKey(out[first]!) === key ? hash : key;
    const index = id === hash ? first : at.get(key);
    if (index === undefined) {
      at.set(id, out.length);
      out.push(d);
      return;
    }
    const group = files.get(index);
    if (group) group.push(d.file!);
    else files.set(index, [out[index]!.file!, d.file!]);
  };
  return {
    add: (sorted) => sorted.forEach(add),
    folded: () =>
      out.map((d, i) => {
        const where = files.get(i);
        return where ? { ...d, message: `${d.message} ${policiesPhrase(where, messages, 'in')}` } : d;
      }),
  };
}

/**
 * What the text and compact reports print of a diagnostic: all that is held to the end of the run. Its data (which
 * repeat the author's texts the message already holds) are left out: a build of 800 Doctolib copies, whose findings
 * all differ, holds every one.
 */
function reported(d: LocalisedDiagnostic): LocalisedDiagnostic {
  const {
    ruleId,
    severity,
    message,
    suggestion,
    article,
    citation,
    file,
    line,
    column,
    pointer,
    related,
    acknowledged,
  } = d;
  return {
    ruleId,
    severity,
    messageId: d.messageId,
    message,
    pointer,
    ...(suggestion !== undefined ? { suggestion } : {}),
    ...(article !== undefined ? { article } : {}),
    ...(citation !== undefined ? { citation } : {}),
    ...(file !== undefined ? { file } : {}),
    ...(line !== undefined ? { line, column } : {}),
    ...(related ? { related } : {}),
    ...(acknowledged ? { acknowledged } : {}),
  };
}

/** A 53-bit hash of a string (cyrb53, public domain): a map key far smaller than the string; `seed` gives another. */
export function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
