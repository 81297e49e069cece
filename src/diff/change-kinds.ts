/**
 * Every kind of change the diff reports, with its class and the GDPR reason
 * for that class. Material changes are the ones people must be told about
 * before they take effect (GDPR 13(3) for a new purpose; the organisation's
 * own notice period for the rest); editorial ones change the wording or the
 * details without changing what happens to anyone's data.
 *
 * The words for each kind live in locales/<lang>/diff.json under `kind.<id>`.
 */
export type ChangeClass = 'material' | 'editorial';

export interface ChangeKindFacts {
  class: ChangeClass;
  /** The provision that makes the change (im)material, as the report cites it. */
  article: string;
}

export const changeKinds = {
  // Purposes — a new purpose must be announced before processing starts (13(3)).
  'purpose-added': { class: 'material', article: 'GDPR 13(3)' },
  'purpose-removed': { class: 'editorial', article: 'GDPR 13(1)(c)' },
  // Data and the people it is about.
  'data-category-added': { class: 'material', article: 'GDPR 14(1)(d)' },
  'data-category-removed': { class: 'editorial', article: 'GDPR 14(1)(d)' },
  'data-category-special': { class: 'material', article: 'GDPR 9(1)' },
  'data-category-not-special': { class: 'editorial', article: 'GDPR 9(1)' },
  'data-subject-added': { class: 'editorial', article: 'GDPR 30(1)(c)' },
  'data-subject-removed': { class: 'editorial', article: 'GDPR 30(1)(c)' },
  'processor-activity-added': { class: 'editorial', article: 'GDPR 30(2)' },
  'processor-activity-removed': { class: 'editorial', article: 'GDPR 30(2)' },
  // Who receives the data, and where it goes.
  'processor-added': { class: 'material', article: 'GDPR 13(1)(e)' },
  'processor-removed': { class: 'material', article: 'GDPR 13(1)(e)' },
  'recipient-added': { class: 'material', article: 'GDPR 13(1)(e)' },
  'recipient-removed': { class: 'material', article: 'GDPR 13(1)(e)' },
  // One party swapped for another in the same role (used by the same purposes): one change. Adding and
  // removing a processor or recipient are each material (13(1)(e)), so a swap is material whatever the
  // new party's country; a new country outside the EEA is also reported as its own transfer-added (13(1)(f)).
  'processor-replaced': { class: 'material', article: 'GDPR 13(1)(e)' },
  'recipient-replaced': { class: 'material', article: 'GDPR 13(1)(e)' },
  // Same id, other name: a company renamed, or another company — the diff cannot tell, so it counts as material.
  'party-name-changed': { class: 'material', article: 'GDPR 13(1)(e)' },
  'transfer-added': { class: 'material', article: 'GDPR 13(1)(f)' },
  'transfer-removed': { class: 'editorial', article: 'GDPR 13(1)(f)' },
  'transfer-safeguard-changed': { class: 'material', article: 'GDPR 13(1)(f)' },
  'location-added': { class: 'editorial', article: 'GDPR 13(1)(f)' },
  'location-removed': { class: 'editorial', article: 'GDPR 13(1)(f)' },
  // How each purpose processes data.
  'legal-basis-changed': { class: 'material', article: 'GDPR 13(1)(c)' },
  // The law a basis or an art. 9 exception cites (6(3), 9(2)(g)-(j)): another law or article.
  'basis-law-changed': { class: 'material', article: 'GDPR 13(1)(c)' },
  'legal-basis-data-added': { class: 'material', article: 'GDPR 13(1)(c)' },
  'legal-basis-data-removed': { class: 'material', article: 'GDPR 13(1)(c)' },
  // Whose consent a basis rests on (consentBy): only the person whose data it is can consent (6(1)(a)).
  'consent-giver-added': { class: 'material', article: 'GDPR 6(1)(a), 13(1)(c)' },
  'consent-giver-removed': { class: 'material', article: 'GDPR 6(1)(a), 13(1)(c)' },
  'special-condition-changed': { class: 'material', article: 'GDPR 9(2)' },
  'purpose-data-added': { class: 'material', article: 'GDPR 13(3)' },
  'purpose-data-removed': { class: 'editorial', article: 'GDPR 13(1)(c)' },
  'purpose-subject-added': { class: 'material', article: 'GDPR 13(3)' },
  'purpose-subject-removed': { class: 'editorial', article: 'GDPR 13(1)(c)' },
  'purpose-processor-added': { class: 'material', article: 'GDPR 13(1)(e)' },
  'purpose-processor-removed': { class: 'editorial', article: 'GDPR 13(1)(e)' },
  'purpose-recipient-added': { class: 'material', article: 'GDPR 13(1)(e)' },
  'purpose-recipient-removed': { class: 'editorial', article: 'GDPR 13(1)(e)' },
  // A party moved from one purpose to another: for the new purpose it is a party added, which is material.
  'purpose-processor-moved': { class: 'material', article: 'GDPR 13(1)(e)' },
  'purpose-recipient-moved': { class: 'material', article: 'GDPR 13(1)(e)' },
  'purpose-retention-added': { class: 'material', article: 'GDPR 13(2)(a)' },
  'purpose-retention-removed': { class: 'editorial', article: 'GDPR 13(2)(a)' },
  'automated-decision-added': { class: 'material', article: 'GDPR 13(2)(f)' },
  'automated-decision-removed': { class: 'editorial', article: 'GDPR 13(2)(f)' },
  // Retention: longer, or on terms that cannot be shown to be shorter, is material.
  'retention-longer': { class: 'material', article: 'GDPR 13(2)(a)' },
  'retention-shorter': { class: 'editorial', article: 'GDPR 13(2)(a)' },
  'retention-changed': { class: 'material', article: 'GDPR 13(2)(a)' },
  'retention-added': { class: 'material', article: 'GDPR 13(2)(a)' },
  'retention-removed': { class: 'editorial', article: 'GDPR 13(2)(a)' },
  'retention-data-added': { class: 'material', article: 'GDPR 13(2)(a)' },
  'retention-data-removed': { class: 'editorial', article: 'GDPR 13(2)(a)' },
  // Rights, as derived from the bases used.
  'right-removed': { class: 'material', article: 'GDPR 13(2)(b)' },
  'right-added': { class: 'editorial', article: 'GDPR 13(2)(b)' },
  // Rights set aside (art. 11(2)): whether a right applies is reported as right-added/removed; the reason given is wording.
  'right-exception-changed': { class: 'editorial', article: 'GDPR 11(2)' },
  // Going to court (art. 79): information dropped is material, added is not.
  'judicial-remedy-added': { class: 'editorial', article: 'GDPR 79' },
  'judicial-remedy-removed': { class: 'material', article: 'GDPR 79' },
  // Other controllers: someone else deciding about the data, jointly or for a purpose, is what 13(1)(a) tells people.
  'other-controller-added': { class: 'material', article: 'GDPR 13(1)(a), 26' },
  'other-controller-removed': { class: 'material', article: 'GDPR 13(1)(a), 26' },
  'purpose-controller-changed': { class: 'material', article: 'GDPR 13(1)(a)' },
  'joint-controller-added': { class: 'material', article: 'GDPR 26' },
  'joint-controller-removed': { class: 'material', article: 'GDPR 26' },
  // Who answers requests and informs people may move between joint controllers: people must know whom to address.
  'joint-arrangement-changed': { class: 'material', article: 'GDPR 26(2)' },
  // The controller and how to reach it.
  'controller-changed': { class: 'material', article: 'GDPR 13(1)(a)' },
  'contact-changed': { class: 'editorial', article: 'GDPR 13(1)(a)' },
  'dpo-added': { class: 'material', article: 'GDPR 13(1)(b)' },
  'dpo-removed': { class: 'material', article: 'GDPR 13(1)(b)' },
  // The languages the notice is in (metadata.languages): people who read it in a language dropped lose it (12(1)).
  'language-added': { class: 'editorial', article: 'GDPR 12(1)' },
  'language-removed': { class: 'material', article: 'GDPR 12(1)' },
  // Everything else.
  renamed: { class: 'editorial', article: '' },
  wording: { class: 'editorial', article: '' },
  changed: { class: 'editorial', article: '' },
} as const satisfies Record<string, ChangeKindFacts>;

export type ChangeKind = keyof typeof changeKinds;

/**
 * The article of a change where it depends on where or what changed: the DPO's contact details are
 * 13(1)(b), not the controller's 13(1)(a); the right to withdraw consent is 13(2)(c), to complain
 * 13(2)(d), about automated decisions 13(2)(f), the others 13(2)(b).
 */
export function changeArticle(kind: ChangeKind, pointer: string, value: unknown): string {
  if (kind === 'contact-changed' && /\/dpo(\/|$)/.test(pointer)) return 'GDPR 13(1)(b)';
  if ((kind === 'right-added' || kind === 'right-removed') && typeof value === 'string' && value in rightArticles)
    return rightArticles[value]!;
  return changeKinds[kind].article;
}

/**
 * Rights whose coming into force is material: the notice must bring them to people's attention —
 * consent asked and withdrawable (13(2)(c)), objection explicitly (21(4)), automated decisions (13(2)(f), 22).
 */
const materialRightsAdded = new Set(['withdraw-consent', 'objection', 'automated-decisions']);

/** The class of a change of a kind, where it depends on the value: one of those rights now applying is material. */
export function changeClassOf(kind: ChangeKind, value: unknown): ChangeClass {
  if (kind === 'right-added' && typeof value === 'string' && materialRightsAdded.has(value)) return 'material';
  return changeKinds[kind].class;
}

const rightArticles: Readonly<Record<string, string>> = {
  'withdraw-consent': 'GDPR 13(2)(c)',
  complaint: 'GDPR 13(2)(d)',
  'automated-decisions': 'GDPR 13(2)(f)',
};
