import type { LocalisedDiagnostic } from './diagnostic.js';

/**
 * What makes findings in the policies' own files one finding of a human report, written in full once and referred
 * to in each other policy's part (streamed-repeats.ts): the same rule, severity, sentences
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
