import { eachString, type PathToken } from '../load/each-string.js';
import { joinPointer } from '../load/json-pointer.js';
import { blankWord } from '../blank-words.js';
import type { PolicyModel } from '../resolve/model.js';
import type { Finding, Rule } from './rules.js';
import { textsIn, type FoundText } from './wording-rules.js';
import { compiledOnce } from '../regexp-ahead.js';

/**
 * An author's note to self left in a text that the notice would publish
 * ("en": "TODO"; first-user review, finding 4): only policyc init's FILL-IN
 * markers were caught. Upper-case markers as programmers write them, a
 * bracketed or templated blank ('[naam]', '<name>', '{{datum}}'), Dutch
 * 'nog invullen', 'lorem ipsum' and question marks in a row, anywhere in a
 * text; 'invullen', dots or an ellipsis only as the whole text, where they
 * cannot be running prose ('een formulier invullen', 'naam, adres, …'). Not
 * '[…]' or '[...]': the mark for words left out of a quotation (officer review 2,
 * finding 2: a quote of art. 7:457 BW).
 */
export const placeholderPatterns: readonly RegExp[] = [
  // Case-sensitive: 'TODO' as programmers write it, not a word that holds the letters.
  /\b(?:TODO|FIXME|TBD|XXX+)\b/,
  /\?{3,}/,
  /lorem ipsum/i,
  /\b(?:nog (?:in te vullen|invullen|aanvullen)|nader in te vullen)\b/i,
  /\{\{[^{}\n]*\}\}/,
  new RegExp(`[[<{]\\s*(?:${blankWord}|invullen|fill in|x+)\\s*[\\]>}](?!\\()`, 'i'),
  // Officer review 2, M1: a blank word among more words in square brackets ('[naam FG]', '[DPO name]',
  // '[e-mailadres]'), not a link or a reference link ('[naam van de praktijk](#top)').
  // Short, as a blank is: two words before the blank word at most, three after (not the cosmetic clinic's
  // "[Cosmetic clinic — name not stated]", the corpus author's own note on a name the statement does not give).
  // A word is no '[' either: from each '[' of a long run of them the pattern scanned to the end (quadratic).
  new RegExp(`\\[(?:[^[\\]\\s]+\\s+){0,2}${blankWord}\\b(?:\\s+[^[\\]\\s]+){0,3}\\](?![([])`, 'i'),
  // 'nog te bepalen', 'to be decided', 'n.t.b.': not 'to be determined by your doctor', which is prose.
  /\bnog te bepalen\b(?!\s+door)|\bto be (?:decided|determined|confirmed)\b(?!\s+(?:by|in|at|on|with|per)\b)|\bn\.t\.b\./i,
  // Case-sensitive: 'N.N.' (name unknown), and 'PM' (pro memorie) as the whole value after a colon.
  // PM first, then what stands before it: a look-behind tried at every position scanned back over a long run of
  // spaces from each one (hostile-input's 1 MB of spaces took minutes).
  /\bN\.N\.|PM(?<=:\s*PM)(?=\s*$)/,
  // A count left open: 'xx maanden', '.... werkdagen'.
  /\bx{2,}\s+(?:werkdagen|dagen|weken|maanden|jaar|jaren|working days|days|weeks|months|years)\b|(?:^|\s)\.{3,}\s*(?:werkdagen|dagen|weken|maanden|jaar|jaren|working days|days|weeks|months|years)\b/i,
];
const placeholderWhole = /^(?:invullen|in te vullen|todo|tbd|x+|\.{2,}|…|\?+)$/i;

/**
 * What every match of a placeholder pattern holds, whatever its case: a string without any of these matches none
 * of them, and is read once or twice instead of once per pattern (almost every string of a policy: 7 of Doctolib's
 * 746 pass). Two patterns, the words grouped by their first letter: one pattern with every piece as an alternative
 * took twice the instructions. Keep them in step with the patterns: test/check/placeholder-text.test.ts compares
 * them on fuzzed strings.
 */
const placeholderMarks = /[[<{]|\?\?\?|\.\.\./;
const placeholderWords =
  /t(?:odo|bd|o be|e bepalen)|fixme|xx|lorem ipsum|n(?:og (?:in|aan)|ader (?:in|aan)|\.t\.b\.|\.n\.)|pm/i;
export const placeholderPieces = [placeholderMarks, placeholderWords] as const;
export const mayHoldPlaceholder = (s: string): boolean =>
  placeholderMarks.test(s) || compiledOnce(placeholderWords).test(s);

/** The placeholder in `s`, if any, as written. */
function placeholderIn(s: string): string | undefined {
  const whole = s.trim();
  if (compiledOnce(placeholderWhole).test(whole)) return whole;
  if (!mayHoldPlaceholder(s)) return undefined;
  for (const pattern of placeholderPatterns) {
    const found = compiledOnce(pattern).exec(s);
    if (found) return found[0];
  }
  return undefined;
}

/** Strings the notice and the register never show: notes to the author, acknowledgements, references. */
const unpublished = /^\/(?:\$schema|extends|metadata\/(?:authoringNotes|acknowledged))(?:\/|$)/;

/** Every string of the policy with a placeholder in it, at its own pointer (a text's language). */
export function placeholderTexts(model: PolicyModel): Finding[] {
  const found: Finding[] = [];
  eachString(model.source, placeholderTextIn, found);
  return found;
}

function placeholderTextIn(text: string, path: readonly PathToken[], isKey: boolean, found: Finding[]): void {
  if (isKey) return;
  const quote = placeholderIn(text);
  if (quote === undefined) return;
  const pointer = joinPointer('', ...path);
  if (!unpublished.test(pointer)) found.push({ pointer, vars: { quote } });
}

/** Web and e-mail addresses, whose parts are lower-case words but no prose ('privacy@praktijk.nl'). */
const addresses = /(?<!\S)\S+@\S+|\bhttps?:\/\/\S+|\bwww\.\S+/g;
/** A lower-case word of two letters or more: prose has many ('de', 'het', 'the'); names and addresses few. */
const proseWord = /(?<![\p{L}\p{N}])\p{Ll}{2,}(?![\p{L}\p{N}])/gu;

/**
 * A law reference's free citation (lawReference.citation): a Dutch law or guideline is cited by its Dutch title in an
 * English notice too ("art. 7:454 BW (Wet op de geneeskundige behandelingsovereenkomst)", "KNMG-richtlijn Omgaan met
 * medische gegevens"), since most have no official English one (officer review 2, finding 3).
 */
const lawCitation = /\/citation$/;

/**
 * A text whose Dutch and English are the same: one notice shows the other's language (an English text that is
 * the Dutch one copied). Prose only, three
 * lower-case words or more: a name ('Microsoft Azure', 'Stichting Vereniging van Huisartsenposten'), a
 * service category ('Hosting') or an address reads the same in both languages.
 */
export function untranslatedTexts(model: PolicyModel): Finding[] {
  // Reported at the copy: the language that is not the one the policy was written in.
  const copied = model.source.metadata.sourceLanguage === 'en' ? 'nl' : 'en';
  return textsIn(model.source, '')
    .filter(isUntranslatedProse)
    .map(({ pointer, text }) => ({ pointer: joinPointer(pointer, copied), vars: { quote: shortQuote(text.en!) } }));
}

/** untranslatedTexts' test, module-level (docs/architecture.md, "No closures made per call"). */
function isUntranslatedProse({ pointer, text }: FoundText): boolean {
  return (
    !unpublished.test(pointer) &&
    !lawCitation.test(pointer) &&
    text.nl !== undefined &&
    text.en !== undefined &&
    sameText(text.nl, text.en) &&
    (text.en.replace(addresses, ' ').match(compiledOnce(proseWord)) ?? []).length >= 3
  );
}

/** The same words: a copy whose final full stop or spaces were dropped or added is still a copy (officer review 2, M4). */
const sameText = (a: string, b: string): boolean => withoutEndMarks(a) === withoutEndMarks(b);

/**
 * `s` without its leading spaces and its trailing spaces and punctuation. A loop, not /[\s.!?;:,]+$/: that pattern
 * tries every position of a long run of spaces and scans it to the end from each (hostile-input's 1 MB of spaces).
 */
function withoutEndMarks(s: string): string {
  let end = s.length;
  while (end > 0 && endMark.test(s[end - 1]!)) end--;
  return s.slice(0, end).trimStart();
}
const endMark = /[\s.!?;:,]/;

/** The start of a long text, for a message: its first 60 characters and an ellipsis. */
const shortQuote = (s: string): string => (s.length > 60 ? `${s.slice(0, 57).trimEnd()}…` : s);

export const placeholderRules: readonly Rule[] = [
  { id: 'wording/placeholder-text', severity: 'warning', article: 'GDPR 12(1)', check: placeholderTexts },
  { id: 'wording/untranslated', severity: 'warning', article: 'GDPR 12(1); WP260 rev.01', check: untranslatedTexts },
];
