import {
  definesSpecialCategories,
  negationTakenBack,
  negationWords,
  notANegation,
} from '../law/special-category-words.js';
import type { Text } from '../policy/policy-types.js';
import { sentences } from '../sentences.js';
import { quoteIn } from './quote-in.js';

/**
 * What `pattern` names in a sentence of `s` that does not say the data is left out, or undefined. A pattern that
 * matches no part of `s` matches none of its sentences (their ends stand next to whitespace, where `\b` holds as it
 * does at a sentence's ends), so most texts are read once per pattern instead of split into sentences for each.
 * `definitions`: also pass over a sentence that defines the special categories (art9 rules; not for the BSN).
 */
export function namedIn(s: string, pattern: RegExp, definitions = true): string | undefined {
  if (!pattern.test(s)) return undefined;
  for (const sentence of sentences(s)) {
    const found = pattern.exec(sentence);
    if (found && !leftOut(sentence, found.index, definitions)) return found[0];
  }
  return undefined;
}

/** Whether a sentence says the word at `at` is not processed: a definition, or a negation before it not taken back. */
function leftOut(sentence: string, at: number, definitions: boolean): boolean {
  if (definitions && definesSpecialCategories.test(sentence)) return true;
  const before = sentence.slice(0, at).replace(notANegation, ' ');
  const negation = negationWords.exec(before);
  return negation !== null && !negationTakenBack.test(sentence.slice(negation.index));
}

/** The words `pattern` names in each language of `t` (quoteIn), or undefined when none names it. */
export const namedQuote = (t: Text, pattern: RegExp, definitions = true): Text | undefined =>
  quoteIn(t, (s) => namedIn(s, pattern, definitions));
