import type { MessageValue } from '../diagnostics/diagnostic.js';
import { healthDataWords, specialCategoryWords } from '../law/special-category-words.js';
import { joinPointer } from '../load/json-pointer.js';
import type { PolicySource, Text } from '../policy/policy-types.js';
import type { DataCategory, PolicyModel } from '../resolve/model.js';
import { namedQuote } from './named-in.js';
import type { Finding, Rule } from './rules.js';
import { compiledOnce } from '../regexp-ahead.js';

/** A special category's name in the message language. */
const term = (kind: string): MessageValue => ({ message: { messageId: `terms:specialCategory.${kind}` } });

/**
 * The words of every special category in one pattern: a data category whose texts match it nowhere names none (a
 * union matches where one of its patterns does), and is passed over after one reading instead of one per category.
 */
const anySpecialCategoryWord = new RegExp(
  specialCategoryWords.map(([, pattern]) => `(?:${pattern.source})`).join('|'),
  'i',
);
const hasSpecialCategoryWord = (s: string): boolean => compiledOnce(anySpecialCategoryWord).test(s);
const namesAnySpecialCategory = (t: Text | undefined): boolean =>
  t !== undefined && Object.values(t).some(hasSpecialCategoryWord);

/** One finding per special category that `c` names in its name or description and that no category declares. */
function undeclaredIn(c: DataCategory, declared: ReadonlySet<string>): Finding[] {
  if (!namesAnySpecialCategory(c.name) && !namesAnySpecialCategory(c.description)) return [];
  return specialCategoryWords
    .filter(([kind]) => !declared.has(kind))
    .flatMap(([kind, pattern]) => {
      const field = (['name', 'description'] as const).find((f) => c[f] && namedQuote(c[f], pattern));
      if (!field) return [];
      const vars = { category: c.name, special: term(kind), kind, quote: namedQuote(c[field]!, pattern)! };
      const pointer = joinPointer(c.pointer, field);
      // Inside a category declared special, the notice and the register give it as that category.
      return [
        c.specials.length > 0
          ? {
              pointer,
              variant: 'inSpecial',
              vars: { ...vars, declared: { list: c.specials.map(term), conjunction: 'and' } },
            }
          : { pointer, vars },
      ];
    });
}

/**
 * A data category that names a special category of art. 9(1) (religion among medical data) that no data category
 * of the policy declares (`special`): the notice and the register do not mark it, and no one is asked for its
 * art. 9(2) exception.
 */
function undeclaredSpecial(model: PolicyModel): Finding[] {
  const declared = new Set(model.dataCategories.flatMap((c) => c.specials));
  // A loop, not a closure made per call (docs/architecture.md, "No closures made per call").
  const found: Finding[] = [];
  for (const c of model.dataCategories) found.push(...undeclaredIn(c, declared));
  return found;
}

/** The organisation's general texts, in the notice's order, with their pointers: those a health data word is read in. */
function generalTexts(source: PolicySource): Array<{ pointer: string; text: Text | undefined }> {
  const { security } = source;
  return [
    { pointer: '/introduction', text: source.introduction },
    { pointer: '/scope', text: source.scope },
    { pointer: '/sharing', text: source.sharing },
    { pointer: '/security/description', text: security?.description },
    ...(security?.measures ?? []).map((text, i) => ({ pointer: joinPointer('/security/measures', i), text })),
    { pointer: '/transfers/statement', text: source.transfers?.statement },
    { pointer: '/retentionStatement', text: source.retentionStatement },
  ];
}

/**
 * A policy whose general texts say it processes health data (Doctolib: "Persoonlijke Gezondheidsgegevens worden
 * gehost bij Amazon Web Services") while no data category of it is special: the notice and the register mark none,
 * and no art. 9(2) exception is asked for (officer11 F7). Once per policy, at the first text that says it.
 */
function healthDataUndeclared(model: PolicyModel): Finding[] {
  if (model.dataCategories.some((c) => c.specials.length > 0)) return [];
  for (const { pointer, text } of generalTexts(model.source)) {
    const quote = text && namedQuote(text, healthDataWords);
    if (!quote) continue;
    // With a processor's record, the 30(2) route is there already: only the category is asked for.
    return [{ pointer, ...(model.processorActivities.length ? { variant: 'processing' } : {}), vars: { quote } }];
  }
  return [];
}

export const specialCategoryRules: readonly Rule[] = [
  {
    id: 'art9/category-undeclared',
    // A warning: a word in a description is not proof that the data is processed as such.
    severity: 'warning',
    article: 'GDPR 9(1), 30(1)(c)',
    check: undeclaredSpecial,
  },
  {
    id: 'art9/health-data-undeclared',
    // A warning: the text may speak of health data the organisation handles only as a processor, which the policy
    // can record instead (processorActivities).
    severity: 'warning',
    article: 'GDPR 9(1), 30(1)(c), 30(2)',
    check: healthDataUndeclared,
  },
];
