import { negationAlternatives } from '../law/negation-words.js';
import { sentences } from '../sentences.js';
import { compiledOnce, compileNow } from '../regexp-ahead.js';

/**
 * Whether the author's own words already say what a generated sentence would: the notice then leaves the
 * sentence out rather than say it twice. Plain text matching, case-insensitive, on word boundaries, and
 * conservative: a miss only costs a repetition, a false match loses a fact. So a place or period counts
 * only in a sentence that says the same thing (a storage word before the place; an advance-notice word
 * with the period), and not in one that negates it ('buiten de EU', 'niet', 'not').
 */

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words that make a sentence say where data is stored (nl and en): 'slaan … op', 'bewaren', 'servers'. */
const STORAGE_WORDS =
  /(^|[^\p{L}])(opsla\p{L}*|opgeslagen|slaan|slaat|sla|opslag\p{L}*|bewaar\p{L}*|bewaren|bewaard|server\p{L}*|datacent\p{L}*|stor(e|es|ed|ing|age)|data cent(re|er)s?|host(s|ed|ing)?)($|[^\p{L}])/iu;

/** Words that make a sentence say that notice is given in advance (nl and en). */
const ADVANCE_WORDS =
  /(^|[^\p{L}])(vooraf|van tevoren|voordat|vóór|informeren|informeert|melden|meldt|op de hoogte|laten weten|laat weten|in advance|ahead|beforehand|before|prior to|notify|notifies|inform|informs)($|[^\p{L}])/iu;

/** Words that turn a sentence's place or period around: 'buiten de EU', 'niet in', 'not', 'never'. */
const NEGATING_WORDS = new RegExp(
  String.raw`(^|[^\p{L}])(${negationAlternatives('buiten', 'outside', 'behalve', 'except', String.raw`\p{L}+n't`)})($|[^\p{L}])`,
  'iu',
);

/** 'de Europese Unie' is named by 'binnen de Europese Unie' and by 'in Europese Unie': the article is left out. */
const namePattern = (name: string): RegExp | undefined => {
  const bare = name.replace(/^(de|het|the) /i, '');
  return bare === '' ? undefined : new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(bare)}($|[^\\p{L}\\p{N}])`, 'iu');
};

/**
 * Whether a sentence of the text says the data is stored in the place: the place follows a storage word in
 * the same sentence, and no word before the place negates it ('We slaan je gegevens op servers binnen de
 * Europese Unie op' does; 'nooit … naar landen buiten de Europese Unie' does not).
 */
export function mentionsStorageIn(text: string, name: string): boolean {
  const pattern = namePattern(name);
  if (!pattern) return false;
  return sentences(text).some((s) => {
    const at = pattern.exec(s)?.index;
    if (at === undefined) return false;
    const before = s.slice(0, at + 1);
    return STORAGE_WORDS.test(before) && !compiledOnce(NEGATING_WORDS).test(before);
  });
}

/**
 * '15 dagen' is said by '15 dagen' and by 'vijftien (15) dagen': the number, a closing bracket or not, and
 * the unit. A phrase that does not start with a number is looked for as it stands.
 */
function durationPattern(phrase: string): RegExp | undefined {
  const [, count, unit] = /^(\d+) (.+)$/.exec(phrase) ?? [];
  const pattern = count ? `(^|\\D)${count}\\)?\\s+${escapeRegExp(unit!)}` : escapeRegExp(phrase);
  return phrase === '' ? undefined : compileNow(new RegExp(`${pattern}($|[^\\p{L}\\p{N}])`, 'iu'));
}

/**
 * Whether a sentence of the text says notice is given that long in advance: the period and an
 * advance-notice word (or 'voor' right after the period) in the same sentence, and nothing negating
 * ('ten minste vijftien (15) dagen vóór de ingangsdatum … op de hoogte' does; 'Eerdere versies blijven
 * nog 15 dagen op deze pagina staan' does not).
 */
export function mentionsNoticePeriod(text: string, phrase: string): boolean {
  const pattern = durationPattern(phrase);
  if (!pattern) return false;
  return sentences(text).some((s) => {
    const match = pattern.exec(s);
    if (!match) return false;
    const after = s.slice(match.index + match[0].length - 1);
    const advance = compiledOnce(ADVANCE_WORDS).test(s) || /^[^\p{L}]*voor($|[^\p{L}])/iu.test(after);
    return advance && !compiledOnce(NEGATING_WORDS).test(s);
  });
}
