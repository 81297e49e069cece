import type { SpecialCategoryId, TransferMechanismId, RecipientSource } from '../policy/policy-types.js';

/**
 * The W3C Data Privacy Vocabulary (DPV 2.x) terms the JSON-LD output uses,
 * as data. Checked against the published DPV, PD and GDPR extension term
 * lists; legal-basis and art. 9 IRIs live with the bases in legal-bases.ts.
 */
export const dpvNamespaces = {
  dpv: 'https://w3id.org/dpv#',
  'eu-gdpr': 'https://w3id.org/dpv/legal/eu/gdpr#',
  pd: 'https://w3id.org/dpv/pd#',
  loc: 'https://w3id.org/dpv/loc#',
  dct: 'http://purl.org/dc/terms/',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  schema: 'https://schema.org/',
} as const;

/** Art. 9(1) categories → PD extension concepts (each a subclass of dpv:SpecialCategoryPersonalData). */
export const specialCategoryConcepts: Readonly<Record<SpecialCategoryId, readonly string[]>> = {
  'racial-ethnic-origin': ['pd:Race', 'pd:EthnicOrigin'],
  'political-opinions': ['pd:PoliticalOpinion'],
  'religious-beliefs': ['pd:ReligiousBelief', 'pd:PhilosophicalBelief'],
  'trade-union-membership': ['pd:TradeUnionMembership'],
  genetic: ['pd:Genetic'],
  biometric: ['pd:Biometric'],
  health: ['pd:Health'],
  'sex-life-orientation': ['pd:Sexual'],
};

/** Art. 10 data (criminal convictions and offences). */
export const criminalDataConcept = 'pd:Criminal';

/**
 * Transfer mechanisms (GDPR chapter V) → GDPR extension articles. A
 * derogation (art. 49) names no single article until the policy says which
 * point applies, and the Privacy Shield adequacy decision was declared invalid
 * (Schrems II): both are written without a legal basis rather than a wrong one.
 */
export const transferMechanismBases: Readonly<Record<TransferMechanismId, string | undefined>> = {
  adequacy: 'eu-gdpr:A45-3',
  'eu-us-dpf': 'eu-gdpr:A45-3',
  scc: 'eu-gdpr:A46-2-c',
  bcr: 'eu-gdpr:A46-2-b',
  'code-of-conduct': 'eu-gdpr:A46-2-e',
  certification: 'eu-gdpr:A46-2-f',
  // Contractual clauses authorised by the supervisory authority, art. 46(3)(a): defined in w3c/dpv's legal/eu/gdpr/modules/legal_basis_data_transfer.csv as "Art 46(3-a) contractual clauses".
  'ad-hoc-clauses': 'eu-gdpr:A46-3-a',
  derogation: undefined,
  'privacy-shield': undefined,
};

/** Recipient types → DPV entity classes. */
export const recipientClasses: Readonly<Record<RecipientSource['type'], string>> = {
  authority: 'dpv:Authority',
  insurer: 'dpv:Recipient',
  'care-provider': 'dpv:Recipient',
  'group-company': 'dpv:Recipient',
  'third-party': 'dpv:ThirdParty',
};
