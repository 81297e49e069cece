/**
 * Third countries (and one international organisation) with an EU adequacy
 * decision under GDPR art. 45, as data: the list changes when the European
 * Commission adopts, amends or withdraws a decision. Keys are ISO 3166-1
 * alpha-2 codes, as policies write countries.
 *
 * Entries marked `verify` could not be confirmed from a primary source when
 * this list was written; check them against the Commission's page
 * "Adequacy decisions" before relying on them.
 */
export interface AdequacyFacts {
  /** ISO 3166-1 alpha-2 code, or an id for an international organisation. */
  id: string;
  /** What the decision covers when it is not the whole country. */
  scope?: string;
  /**
   * The transfer mechanism a policy must name for the decision to apply,
   * when it covers only certified organisations (the EU-US Data Privacy Framework).
   */
  requiresMechanism?: 'eu-us-dpf';
  /** A fact that could not be confirmed from a primary source. */
  verify?: string;
}

const adequacyDecisions: readonly AdequacyFacts[] = [
  { id: 'AD' },
  { id: 'AR' },
  { id: 'CA', scope: 'commercial organisations (PIPEDA)' },
  { id: 'FO' },
  { id: 'GG' },
  { id: 'IL' },
  { id: 'IM' },
  { id: 'JP', scope: 'private sector (APPI)' },
  { id: 'JE' },
  { id: 'NZ' },
  { id: 'KR' },
  { id: 'CH' },
  // Renewed in December 2025, valid to December 2031 (legal-review.md item 2).
  { id: 'GB', scope: 'decisions renewed in December 2025, valid until December 2031' },
  { id: 'UY' },
  // The Data Privacy Framework decision was upheld by the General Court in
  // Latombe v Commission, T-553/23, 3 September 2025; an appeal is pending.
  {
    id: 'US',
    scope:
      'organisations certified under the EU-US Data Privacy Framework (decision of 10 July 2023, upheld in T-553/23)',
    requiresMechanism: 'eu-us-dpf',
  },
  // Adopted in July 2025 (legal-review.md item 2).
  { id: 'EPO', scope: 'the European Patent Organisation, an international organisation (decision of July 2025)' },
  // Commission Implementing Decision (EU) 2026/179 of 26 January 2026, published in the
  // Official Journal on 28 January 2026 (legal-review.md item 2; number and dates as listed
  // by the EEA EFTA database, europalov.no/rettsakt/…/id-34841, and law-firm notes of
  // 27 January 2026).
  { id: 'BR', scope: 'Implementing Decision (EU) 2026/179 of 26 January 2026' },
];

const byId = new Map(adequacyDecisions.map((d) => [d.id, d]));

/** The adequacy decision covering a country, if there is one. */
export function adequacyFor(country: string): AdequacyFacts | undefined {
  return byId.get(country);
}
