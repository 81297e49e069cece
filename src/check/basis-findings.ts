import type { PolicyModel, Purpose } from '../resolve/model.js';
import { namedInterests } from '../law/named-interests.js';
import { basesWithout } from '../policy/policy-facts.js';
import { quoteIn } from './quote-in.js';
import type { Finding } from './rules.js';

/** basesWithout's bases of every purpose, each a finding that names its purpose (a loop: docs/architecture.md). */
export function basesWithoutFindings(
  model: PolicyModel,
  basis: string,
  ...fields: Array<'legitimateInterest' | 'legalObligation' | 'publicTask'>
): Finding[] {
  const found: Finding[] = [];
  for (const p of model.purposes)
    for (const b of basesWithout(p, basis, ...fields)) found.push({ pointer: b.pointer, vars: { purpose: p.name } });
  return found;
}

/**
 * 6(1)(f) bases that name no interest. Where the purpose's name or description speaks of an interest the GDPR
 * itself names (fraud, recital 47; network and information security, recital 49: law/named-interests.ts), the
 * message quotes those words and names the probable interest (privacy officer's review 8, S4). It stays an error like
 * the others: the notice still does not state the interest (13(1)(d)), however well the checker guesses it (officer11
 * F15).
 */
export function legitimateInterestFindings(model: PolicyModel): Finding[] {
  const found: Finding[] = [];
  for (const p of model.purposes) {
    const bases = basesWithout(p, '6(1)(f)', 'legitimateInterest');
    const named = bases.length ? namedInterestOf(p) : undefined;
    for (const b of bases)
      found.push(named ? { pointer: b.pointer, ...named } : { pointer: b.pointer, vars: { purpose: p.name } });
  }
  return found;
}

/** The first named interest the purpose's name, then its description, speaks of: the variant and the words quoted. */
function namedInterestOf(purpose: Purpose): Pick<Finding, 'variant' | 'vars'> | undefined {
  for (const interest of namedInterests)
    for (const text of [purpose.name, purpose.description]) {
      const quote = text && quoteIn(text, (s, lang) => s.match(interest.words[lang])?.[0]);
      if (quote) return { variant: interest.id, vars: { purpose: purpose.name, quote } };
    }
  return undefined;
}
