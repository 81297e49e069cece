import { responseTimeLimitDays, shortestMonthDays } from '../law/legal-thresholds.js';
import {
  narrowings,
  numberWords,
  restrictionGroundWords,
  statedTerm,
  termUnitDays,
  type Narrowing,
} from '../law/rights-limits.js';
import { idCopyMaskedWords, idCopyWords, noIdCopyWords } from '../law/wording-patterns.js';
import type { PolicyModel } from '../resolve/model.js';
import { quoteIn } from './quote-in.js';
import type { Finding, Rule } from './rules.js';
import { sentences as sentencesOf } from '../sentences.js';
import { compiledOnce, compileNow } from '../regexp-ahead.js';
import { sentenceIn, textsIn, type FoundText } from './wording-rules.js';

/** Each text's sentences, split once for all the narrowings that read it. */
type Sentences = Map<string, readonly string[]>;

function sentencesIn(text: string, split: Sentences): readonly string[] {
  let sentences = split.get(text);
  if (!sentences) split.set(text, (sentences = sentencesOf(text)));
  return sentences;
}

/** A narrowing's pattern for every match in any case, made once (matchAll needs the 'g' flag). */
const everyMatch = (n: Narrowing): RegExp => {
  let every = everyPatterns.get(n);
  if (!every) everyPatterns.set(n, (every = compileNow(new RegExp(n.pattern.source, 'gi'))));
  return every;
};
const everyPatterns = new WeakMap<Narrowing, RegExp>();

/** The days of a term the responseTime pattern matched ('zes weken', '30 working days'). */
function termDays(match: RegExpMatchArray): number {
  const count = Number(match[1]) || (numberWords[match[1]!.toLowerCase()] ?? 0);
  return count * (termUnitDays[match[2]!.toLowerCase()] ?? 0);
}

/**
 * A hoped-for term no longer than any month ("we aim to answer within five working days", "binnen vier weken": 28 days
 * is never more than a month; officer review 2, finding 7): an aim beside the law's month.
 */
function shorterAim(quote: string): boolean {
  const term = quote.match(compiledOnce(statedTerm));
  return term !== null && termDays(term) <= shortestMonthDays;
}

/** What in one language's text narrows a right in the way of `n`, or undefined when nothing does (or the text makes it lawful). */
function narrowingIn(n: Narrowing, text: string, split: Sentences): string | undefined {
  // A pattern that matches no part of the text matches none of its sentences (their ends stand next to whitespace,
  // where `\b` holds as it does at a sentence's ends): most texts are read once per narrowing, not split and read
  // sentence by sentence.
  if (!compiledOnce(n.pattern).test(text)) return undefined;
  if (n.lawfulIfInText?.test(text)) return undefined;
  // Every case of art. 18(1) named: "only" then lists them all.
  if (n.kind === 'restrictionGrounds' && restrictionGroundWords.every((w) => w.test(text))) return undefined;
  const every = everyMatch(n);
  for (const sentence of sentencesIn(text, split)) {
    if (n.lawfulIf?.test(sentence)) continue;
    for (const match of sentence.matchAll(every)) {
      if (n.kind === 'responseTime' && termDays(match) <= responseTimeLimitDays) continue;
      if (n.kind === 'responseTimeHedged' && shorterAim(match[0])) continue;
      return match[0];
    }
  }
  return undefined;
}

/**
 * Whether any narrowing's pattern matches somewhere in the text: a text that none matches is passed over. Not one
 * union of the patterns: V8 compiles that (some 4,000 characters, case-insensitive) in about four times what the
 * patterns take one by one, and a cold `policyc check` compiles each pattern it runs (issue 14); these are the
 * patterns quoteOf reads next.
 */
const mayNarrow = (s: string): boolean => narrowings.some((n) => compiledOnce(n.pattern).test(s));

/**
 * The statement's own rights texts that narrow a right (law/rights-limits.ts): one finding per text and kind.
 * Rights set aside with a reason (rights.notApplicable) are reported, if at all, by what they cite, not here.
 */
function narrowedRights(model: PolicyModel): Finding[] {
  const texts: FoundText[] = textsIn(model.source.rights, '/rights').filter(
    ({ pointer, text }) => !pointer.startsWith('/rights/notApplicable') && Object.values(text).some(mayNarrow),
  );
  const split: Sentences = new Map();
  return texts.flatMap(({ pointer, text }) =>
    narrowings
      .filter((n) => !n.right || pointer === `/rights/notes/${n.right}`)
      .flatMap((n) => {
        const quote = quoteIn(text, (s) => narrowingIn(n, s, split));
        if (!quote) return [];
        // The narrowing's own provisions, not all seven of the rule (officer review 2, finding 6).
        return [{ pointer, ...(n.kind === 'channel' ? {} : { variant: n.kind }), vars: { quote }, article: n.article }];
      }),
  );
}

/** What in one language's text asks for a copy of an identity document, where the text does not say to mask it. */
function idCopyIn(text: string): string | undefined {
  if (!compiledOnce(idCopyWords).test(text) || idCopyMaskedWords.test(text)) return undefined;
  const sentence = sentencesOf(text).find((x) => idCopyWords.test(x) && !noIdCopyWords.test(x));
  return sentence?.match(idCopyWords)![0];
}

/**
 * Rights texts that ask for a copy of an identity document without saying the BSN and photo may be masked
 * (patients' review F8: Doctolib). One finding per text, quoting the request in each language.
 */
function idCopyRequested(model: PolicyModel): Finding[] {
  return textsIn(model.source.rights, '/rights').flatMap(({ pointer, text }) => {
    const quote = sentenceIn(text, idCopyIn);
    return quote ? [{ pointer, vars: { quote } }] : [];
  });
}

export const rightsRules: readonly Rule[] = [
  {
    id: 'rights/narrowed',
    // A pattern cannot read the whole statement: a warning, with the words that narrow the right quoted.
    severity: 'warning',
    article: 'GDPR 12(2), 12(3), 12(5), 15(3), 17(1), 18(1), 21(1)',
    check: narrowedRights,
  },
  {
    id: 'rights/id-copy-requested',
    // Info: 12(6) lets the controller confirm the identity; the AP's advice is how to ask for it.
    severity: 'info',
    article: 'GDPR 5(1)(c), 12(6)',
    check: idCopyRequested,
  },
];
