import type { LegalBasisId, RightId } from '../policy/policy-types.js';

/**
 * Which data-subject rights a notice must mention, and when (reference §3;
 * the W3C DPV GDPR extension encodes the same mapping). Names and
 * explanations live in locales/<lang>/terms.json under right.<id>.
 */
export interface RightFacts {
  id: RightId;
  article: string;
  /**
   * 'always', or the art. 6(1) bases that bring the right into play.
   * 'automated' applies when any purpose makes automated decisions;
   * 'consent' when any purpose relies on 6(1)(a) or 9(2)(a).
   * 'noted' when the policy itself explains the right (rights.notes): the
   * right to information is met by the notice itself, so it is listed only
   * when the organisation's statement names it.
   */
  appliesWhen: 'always' | 'automated' | 'consent' | 'noted' | readonly LegalBasisId[];
}

export const rights: readonly RightFacts[] = [
  { id: 'information', article: 'GDPR 12–14', appliesWhen: 'noted' },
  { id: 'access', article: 'GDPR 15', appliesWhen: 'always' },
  { id: 'rectification', article: 'GDPR 16', appliesWhen: 'always' },
  { id: 'erasure', article: 'GDPR 17', appliesWhen: 'always' },
  { id: 'restriction', article: 'GDPR 18', appliesWhen: 'always' },
  { id: 'portability', article: 'GDPR 20', appliesWhen: ['6(1)(a)', '6(1)(b)'] },
  { id: 'objection', article: 'GDPR 21', appliesWhen: ['6(1)(e)', '6(1)(f)'] },
  { id: 'withdraw-consent', article: 'GDPR 7(3)', appliesWhen: 'consent' },
  { id: 'automated-decisions', article: 'GDPR 22', appliesWhen: 'automated' },
  { id: 'complaint', article: 'GDPR 77', appliesWhen: 'always' },
];
