import { genericInterest } from '../law/vague-interests.js';
import { joinPointer } from '../load/json-pointer.js';
import { compiledOnce } from '../regexp-ahead.js';
import type { Text } from '../policy/policy-types.js';
import type { PolicyModel, Purpose, PurposeBasis } from '../resolve/model.js';
import { nameList } from './name-list.js';
import type { Finding, Rule } from './rules.js';

/** A 6(1)(f) basis that names its interest, with its purpose. */
interface Interest {
  purpose: Purpose;
  basis: PurposeBasis & { legitimateInterest: Text };
}

/** Every 6(1)(f) basis of the policy that names an interest, in purpose order. */
function interests(model: PolicyModel): Interest[] {
  const found: Interest[] = [];
  for (const purpose of model.purposes)
    for (const basis of purpose.bases)
      if (basis.basis === '6(1)(f)' && basis.legitimateInterest !== undefined)
        found.push({ purpose, basis: basis as Interest['basis'] });
  return found;
}

/** Where the interest is written: beside legalBasis on the purpose, or in its part of legalBases. */
function interestPointer(basis: PurposeBasis): string {
  const single = basis.pointer.endsWith('/legalBasis');
  return single
    ? joinPointer(basis.pointer.slice(0, -'/legalBasis'.length), 'legitimateInterest')
    : joinPointer(basis.pointer, 'legitimateInterest');
}

/** A text as written, trimmed, without its final full stop. */
const bare = (value: string): string => value.trim().replace(/\.$/, '');

/** Whether every language's text of the interest is only a general phrase (law/vague-interests.ts). */
const isGeneric = (text: Text): boolean => {
  const values = Object.values(text).filter((v): v is string => typeof v === 'string');
  return values.length > 0 && values.every((v) => compiledOnce(genericInterest).test(bare(v)));
};

/** The interest's texts, compared without case, spacing or final full stop: one key for the same words. */
function sameWords(text: Text): string {
  const entries = Object.entries(text)
    .filter(([, v]) => typeof v === 'string')
    .map(([lang, v]) => [
      lang,
      bare(v as string)
        .replace(/\s+/g, ' ')
        .toLowerCase(),
    ]);
  return JSON.stringify(entries.sort(([a], [b]) => (a! < b! ? -1 : 1)));
}

/**
 * One interest text given for direct marketing and for purposes that are not (Dental Clinics: quality control,
 * informing about changes, offering additional services): it names what none of them pursues specifically. Once per
 * text, at the first direct-marketing purpose's interest; a general phrase is reported per purpose instead.
 */
function sharedAcrossKinds(found: readonly Interest[]): Finding[] {
  const groups = new Map<string, Interest[]>();
  for (const interest of found) {
    if (isGeneric(interest.basis.legitimateInterest)) continue;
    const key = sameWords(interest.basis.legitimateInterest);
    groups.set(key, [...(groups.get(key) ?? []), interest]);
  }
  const findings: Finding[] = [];
  for (const group of groups.values()) {
    const purposes = [...new Set(group.map((i) => i.purpose))];
    const marketing = purposes.filter((p) => p.directMarketing === true);
    const others = purposes.filter((p) => p.directMarketing !== true);
    if (marketing.length === 0 || others.length === 0) continue;
    const first = group.find((i) => i.purpose === marketing[0])!;
    findings.push({
      pointer: interestPointer(first.basis),
      variant: 'shared',
      vars: {
        interest: first.basis.legitimateInterest,
        marketing: nameList(marketing),
        others: nameList(others),
      },
    });
  }
  return findings;
}

/** Each 6(1)(f) basis whose interest is only a general phrase ("het verbeteren van onze dienstverlening"). */
function generic(found: readonly Interest[]): Finding[] {
  return found
    .filter((i) => isGeneric(i.basis.legitimateInterest))
    .map((i) => ({
      pointer: interestPointer(i.basis),
      vars: { purpose: i.purpose.name, interest: i.basis.legitimateInterest },
    }));
}

export const legitimateInterestRules: Rule[] = [
  {
    // The interest is named (art6/legitimate-interest-missing is satisfied) but says nothing specific: a warning,
    // as only the author knows the interest (officer8 M4).
    id: 'art6/legitimate-interest-vague',
    severity: 'warning',
    article: 'GDPR 13(1)(d), 14(2)(b); WP260 rev.01',
    check: (model) => {
      const found = interests(model);
      return [...generic(found), ...sharedAcrossKinds(found)];
    },
  },
];
