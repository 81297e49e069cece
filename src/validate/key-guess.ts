import { didYouMean } from './did-you-mean.js';
import { keySynonyms } from './key-synonyms.js';

/** A key's or word's plain form: lower case, without "-", "_" and spaces ("KvK-nummer" → "kvknummer"). */
const plain = (key: string): string => key.toLowerCase().replace(/[-_\s]/g, '');

/**
 * The key of `allowed` an unknown key most plausibly stands for, or nothing: a typo (didYouMean), a Dutch word for
 * it (keySynonyms: "telefoon" for "phone"), or the one allowed key it is the start of ("kvk" for "kvkNumber") or
 * that it contains, or is contained in, in four letters or more ("phoneNumber" for "phone"). A key two allowed keys
 * fit equally well gets no guess.
 */
export function guessKey(input: string, allowed: readonly string[]): string | undefined {
  const typo = didYouMean(input, allowed);
  if (typo !== undefined) return typo;
  const given = plain(input);
  const synonym = keySynonyms[given];
  if (synonym !== undefined && allowed.includes(synonym)) return synonym;
  if (given.length < 3) return undefined;
  const fits = allowed.filter((key) => {
    const candidate = plain(key);
    if (candidate === given) return false;
    if (candidate.startsWith(given)) return true;
    return (given.length >= 4 && candidate.includes(given)) || (candidate.length >= 4 && given.includes(candidate));
  });
  return fits.length === 1 ? fits[0] : undefined;
}

/**
 * The value of `allowed` a value not among them most plausibly stands for, or nothing: a typo (didYouMean), else a
 * word of `synonyms` (the schema's x-synonyms: "fysiotherapie" for "physiotherapy"), as written or, in five letters
 * or more, with a typo (a short word's typo is another word: "ggd" is not "ggz").
 */
export function guessValue(
  input: string,
  allowed: readonly string[],
  synonyms: Readonly<Record<string, string>> = {},
): string | undefined {
  const typo = didYouMean(input, allowed);
  if (typo !== undefined) return typo;
  const byPlain = new Map(Object.entries(synonyms).map(([word, value]) => [plain(word), value]));
  const given = plain(input);
  const word = byPlain.has(given) || given.length < 5 ? given : didYouMean(given, [...byPlain.keys()]);
  const value = word === undefined ? undefined : byPlain.get(word);
  return value !== undefined && allowed.includes(value) ? value : undefined;
}
