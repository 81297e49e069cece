import type { LegalBasisId, RightId, SpecialConditionId } from '../policy/policy-types.js';

/**
 * Which data-subject rights a notice must mention, and when (reference §3,
 * legal-review.md item 7). Names and
 * explanations live in locales/<lang>/terms.json under right.<id>.
 */
export interface RightFacts {
  id: RightId;
  article: string;
  /**
   * 'always', or the art. 6(1) bases and art. 9(2) conditions that bring the
   * right into play; 'direct-marketing' when a purpose is direct marketing
   * (objection, GDPR 21(2)–(3), whatever the basis).
   * 'automated' applies when any purpose makes automated decisions;
   * 'consent' when any purpose relies on 6(1)(a) or 9(2)(a).
   * 'noted' when the policy itself explains the right (rights.notes): the
   * right to information is met by the notice itself, so it is listed only
   * when the organisation's statement names it.
   */
  appliesWhen: 'always' | 'automated' | 'consent' | 'noted' | readonly RightTrigger[];
}

export type RightTrigger = LegalBasisId | SpecialConditionId | 'direct-marketing';

export const rights: readonly RightFacts[] = [
  { id: 'information', article: 'GDPR 12–14', appliesWhen: 'noted' },
  { id: 'access', article: 'GDPR 15', appliesWhen: 'always' },
  { id: 'rectification', article: 'GDPR 16', appliesWhen: 'always' },
  { id: 'erasure', article: 'GDPR 17', appliesWhen: 'always' },
  { id: 'restriction', article: 'GDPR 18', appliesWhen: 'always' },
  // Art. 20(1)(a): consent under 6(1)(a) or 9(2)(a), or a contract; only data the person provided, processed by automated means.
  { id: 'portability', article: 'GDPR 20', appliesWhen: ['6(1)(a)', '6(1)(b)', '9(2)(a)'] },
  // Art. 21(1) for public task and legitimate interests; 21(2)–(3) for direct marketing, absolute.
  { id: 'objection', article: 'GDPR 21', appliesWhen: ['6(1)(e)', '6(1)(f)', 'direct-marketing'] },
  { id: 'withdraw-consent', article: 'GDPR 7(3)', appliesWhen: 'consent' },
  { id: 'automated-decisions', article: 'GDPR 22', appliesWhen: 'automated' },
  { id: 'complaint', article: 'GDPR 77', appliesWhen: 'always' },
];

/**
 * The four cases of art. 18(1) in which the person may have the processing restricted (source:
 * https://eur-lex.europa.eu/eli/reg/2016/679/oj, art. 18(1)(a)–(d)): (a) the accuracy is contested, for
 * the time the controller needs to check it; (b) the processing is unlawful and the person asks for
 * restriction instead of erasure; (c) the controller no longer needs the data, but the person needs them
 * for legal claims; (d) the person objected under 21(1), while it is checked whether the controller's
 * grounds override theirs — only where a purpose rests on 6(1)(e) or (f), the bases 21(1) is for.
 * Texts in locales/<lang>/terms.json under right.restriction.ground.<id>.
 */
export interface RestrictionGround {
  id: 'contested' | 'unlawful' | 'legalClaims' | 'objectionPending';
  point: 'a' | 'b' | 'c' | 'd';
  /** Only when the objection of art. 21(1) applies to the policy. */
  whenObjection?: true;
}

export const restrictionGrounds: readonly RestrictionGround[] = [
  { id: 'contested', point: 'a' },
  { id: 'unlawful', point: 'b' },
  { id: 'legalClaims', point: 'c' },
  { id: 'objectionPending', point: 'd', whenObjection: true },
];
