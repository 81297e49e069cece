import type { Messages } from '../i18n/messages.js';
import { joinList, pick } from '../render/format.js';
import { finishSentence, formatValue } from './change-words.js';
import type { Purpose } from '../resolve/model.js';

/**
 * What a purpose brings its data subjects that the notice of a change must tell them (GDPR 13(3):
 * "any relevant further information as referred to in paragraph 2"): consent asked and withdrawable
 * (13(2)(c), 7(3)), the right to object (21(1), brought explicitly to their attention: 21(4)), the
 * unconditional objection to direct marketing (21(2)-(3)), and automated decisions (13(2)(f), 22).
 * The sentences live in locales/<lang>/diff.json under `notice.newly.<item>`.
 */
export type NewlyItem = 'consent' | 'objection' | 'directMarketing' | 'automated';

/** The right each item is, as the diff's right-added names it (diffRights). */
export const rightOfItem: Readonly<Record<NewlyItem, string>> = {
  consent: 'withdraw-consent',
  objection: 'objection',
  directMarketing: 'objection',
  automated: 'automated-decisions',
};

/** The bases and exceptions behind each item (GDPR 7(3), 9(2)(a), 21(1)); direct marketing and automated decisions by the purpose's own properties. */
const consentBases = new Set(['6(1)(a)']);
const objectionBases = new Set(['6(1)(e)', '6(1)(f)']);

function applying(purpose: Purpose | undefined): Set<NewlyItem> {
  const items = new Set<NewlyItem>();
  if (!purpose) return items;
  const bases = purpose.bases.map((b) => b.basis as string);
  if (bases.some((b) => consentBases.has(b)) || purpose.specialCategoryCondition?.condition === '9(2)(a)')
    items.add('consent');
  if (bases.some((b) => objectionBases.has(b))) items.add('objection');
  if (purpose.directMarketing === true) items.add('directMarketing');
  if (purpose.automatedDecision) items.add('automated');
  return items;
}

/** The items that apply to the purpose in the new version and did not in the old (all of them for a new purpose). */
export function newlyApplying(newPurpose: Purpose, oldPurpose: Purpose | undefined): NewlyItem[] {
  const before = applying(oldPurpose);
  return [...applying(newPurpose)].filter((item) => !before.has(item));
}

/** The sentences for the items newly applying to one purpose: what it means, what the person may do. */
export function newlySentences(purpose: Purpose, items: readonly NewlyItem[], m: Messages): string {
  const name = formatValue({ type: 'name', value: purpose.name }, m);
  return items
    .map((item) => {
      const decision = purpose.automatedDecision;
      // The art. 22 rights follow the logic and significance, in the notice's own words.
      return item === 'automated' && decision
        ? `${finishSentence(
            m.t('diff:notice.newly.automated', {
              purpose: name,
              logic: pick(decision.logic, m),
              significance: pick(decision.significance, m),
            }),
          )} ${m.t('terms:right.automated-decisions.description')}`
        : m.t(`diff:notice.newly.${item}`, { purpose: name });
    })
    .join(' ');
}

/** 'Nieuwsbrief: toestemming (artikel 6, lid 1, onder a, AVG)': the bases of a new purpose, in words. */
export function basesWords(purpose: Purpose, m: Messages): string {
  return joinList(
    purpose.bases.map((b) => formatValue({ type: 'basis', value: b.basis }, m)),
    m,
  );
}
