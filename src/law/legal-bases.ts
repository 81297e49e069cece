import type { LegalBasisId, SpecialConditionId } from '../policy/policy-types.js';

/**
 * Art. 6(1) bases and art. 9(2) exceptions. Names live in locales/<lang>/terms.json
 * under legalBasis.<id> and specialCondition.<id>; the DPV GDPR extension
 * IRIs are here for machine-readable output.
 */
export interface LegalBasisFacts {
  id: LegalBasisId;
  article: string;
  dpv: string;
}

export const legalBases: readonly LegalBasisFacts[] = [
  { id: '6(1)(a)', article: 'GDPR 6(1)(a)', dpv: 'eu-gdpr:A6-1-a' },
  { id: '6(1)(b)', article: 'GDPR 6(1)(b)', dpv: 'eu-gdpr:A6-1-b' },
  { id: '6(1)(c)', article: 'GDPR 6(1)(c)', dpv: 'eu-gdpr:A6-1-c' },
  { id: '6(1)(d)', article: 'GDPR 6(1)(d)', dpv: 'eu-gdpr:A6-1-d' },
  { id: '6(1)(e)', article: 'GDPR 6(1)(e)', dpv: 'eu-gdpr:A6-1-e' },
  { id: '6(1)(f)', article: 'GDPR 6(1)(f)', dpv: 'eu-gdpr:A6-1-f' },
];

export interface SpecialConditionFacts {
  id: SpecialConditionId;
  article: string;
  dpv: string;
}

export const specialConditions: readonly SpecialConditionFacts[] = (
  ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const
).map((letter) => ({
  id: `9(2)(${letter})` as SpecialConditionId,
  article: `GDPR 9(2)(${letter})`,
  dpv: `eu-gdpr:A9-2-${letter}`,
}));

/** Bases and conditions that mean consent, for the right to withdraw it (GDPR 7(3)). */
export const consentBases: ReadonlySet<string> = new Set(['6(1)(a)', '9(2)(a)']);
