import {
  erasureWords,
  goodCareWords,
  medicalFileTermWords,
  representativeWords,
  retentionDutyWords,
} from '../law/wording-patterns.js';
import { compiledOnce } from '../regexp-ahead.js';
import { sentences } from '../sentences.js';
import type { Language, Text } from './policy-types.js';

/**
 * Reasons a care provider's rights texts give for refusing to destroy the medical file, read sentence by sentence:
 * the wgbo/erasure-refused-* rules quote them, and the notice adds under an own note that gives good care as the
 * reason a pointer to the law's rule (BW 7:455), which it states above. One reading for both.
 */

/** The words of one sentence (in `lang`) that give a reason to refuse erasure, to quote; undefined where it gives none. */
export type RefusalReason = (sentence: string, lang: Language) => string | undefined;

/** Whether a rights text at `pointer` is one the erasure rules read: any under rights.notes.erasure, or one on erasure. */
export function readAsErasureText(pointer: string, t: Text): boolean {
  if (pointer.startsWith('/rights/notes/erasure')) return true;
  for (const s of Object.values(t)) if (erasureWords.test(s)) return true;
  return false;
}

/** The words of the first sentence of `s` that gives `reason`; undefined where none does. */
export function firstReason(s: string, lang: Language, reason: RefusalReason): string | undefined {
  for (const sentence of sentences(s)) {
    const quote = reason(sentence, lang);
    if (quote !== undefined) return quote;
  }
  return undefined;
}

/**
 * "Good care" as the reason to keep the file, in a sentence where neither the request nor the file is a parent's,
 * guardian's or representative's: towards them BW 7:465(4) makes good care the ground (law/wording-patterns.ts,
 * representativeWords).
 */
export const goodCare: RefusalReason = (s, lang) =>
  compiledOnce(representativeWords[lang]).test(s) ? undefined : s.match(goodCareWords)?.[0];

/** A retention duty as the reason, in a sentence that makes it the medical file's own term (medicalFileTermWords). */
export const fileTermDuty: RefusalReason = (s) =>
  compiledOnce(medicalFileTermWords).test(s) ? s.match(retentionDutyWords)?.[0] : undefined;

/**
 * Whether a care provider's rights text at `pointer` refuses destruction of the file for good care in any of its
 * languages: what wgbo/erasure-refused-for-good-care reports.
 */
export function refusesForGoodCare(pointer: string, t: Text): boolean {
  if (!readAsErasureText(pointer, t)) return false;
  for (const [lang, s] of Object.entries(t)) if (firstReason(s, lang as Language, goodCare) !== undefined) return true;
  return false;
}
