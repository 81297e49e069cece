/**
 * The authored policy, as schema/policy.schema.json defines it. Keep the two
 * in step: test/schema.test.ts checks that every schema property has a
 * field here.
 */
import type { Language } from '../i18n/messages.js';

export type Text = Partial<Record<Language, string>>;
export type MarkdownText = Partial<Record<Language, string>>;

export type LegalBasisId = '6(1)(a)' | '6(1)(b)' | '6(1)(c)' | '6(1)(d)' | '6(1)(e)' | '6(1)(f)';
export type SpecialConditionId = `9(2)(${'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j'})`;
export type SpecialCategoryId =
  | 'racial-ethnic-origin' | 'political-opinions' | 'religious-beliefs' | 'trade-union-membership'
  | 'genetic' | 'biometric' | 'health' | 'sex-life-orientation';
export type TransferMechanismId = 'adequacy' | 'eu-us-dpf' | 'scc' | 'ad-hoc-clauses' | 'bcr' | 'code-of-conduct' | 'certification' | 'derogation' | 'privacy-shield';
export type RetentionStartId =
  | 'collection' | 'last-file-change' | 'end-of-treatment' | 'end-of-contract' | 'end-of-employment'
  | 'end-of-application' | 'last-practice-visit' | 'last-website-visit' | 'last-contact' | 'deletion' | 'submission';
export type RetentionConditionId =
  | 'treatment-duration' | 'contract-duration' | 'until-consent-withdrawn' | 'until-objection'
  | 'until-deletion-request' | 'until-opt-out' | 'until-verification' | 'as-long-as-necessary';
export type RightId =
  | 'information' | 'access' | 'rectification' | 'erasure' | 'restriction' | 'portability' | 'objection'
  | 'automated-decisions' | 'withdraw-consent' | 'complaint';
export type LawId = 'gdpr' | 'uavg' | 'wgbo' | 'awr' | 'wabvpz' | 'wkkgz' | 'popia';

export interface Address { street?: string; postalCode?: string; city: string; country: string }
export interface Contact { email?: string; phone?: string; url?: string; address?: Address; note?: Text }
export interface LawReference { law?: LawId; article?: string; citation?: Text }
/** A company identified by name, by country, or both. */
export interface Entity { name?: string; country?: string }

/** A compliance finding the privacy officer accepts, with the reason (metadata.acknowledged). */
export interface Acknowledgement { rule: string; pointer?: string; reason: Text }

/** An earlier version of the policy, for the notice's change history. */
export interface HistoryEntry { version: string; date: string; summary: Text }

export interface PolicySource {
  $schema?: string;
  id: string;
  metadata: {
    version?: string;
    effectiveDate?: string;
    lastModified?: string;
    languages: Language[];
    sourceLanguage: Language;
    formality?: 'formal' | 'informal';
    source?: { title: string; url?: string; file?: string };
    authoringNotes?: string[];
    history?: HistoryEntry[];
    acknowledged?: Acknowledgement[];
  };
  controller: {
    name: string;
    shortName?: string;
    kvkNumber?: string;
    address?: Address;
    contact?: Contact;
    website?: string;
    parentCompany?: Entity;
    isCareProvider?: boolean;
    placeholder?: boolean;
  };
  dpo?: { name?: string; contact?: Contact; registeredWithAuthority?: boolean };
  representative?: { name: string; address?: Address; contact?: Contact };
  introduction?: MarkdownText;
  scope?: MarkdownText;
  applicableLaws?: LawReference[];
  collectsSpecialCategories?: boolean;
  dataSubjects: Array<{ id: string; name: Text; description?: Text; minimumAge?: number }>;
  dataCategories: Array<{
    id: string;
    name: Text;
    description?: Text;
    special?: SpecialCategoryId;
    criminal?: boolean;
    nationalIdentifier?: boolean;
    source?: { description: Text; publiclyAccessible?: boolean };
  }>;
  purposes: PurposeSource[];
  processors?: ProcessorSource[];
  processorActivities?: ProcessorActivitySource[];
  recipients?: RecipientSource[];
  sharing?: MarkdownText;
  transfers?: { storageLocations?: string[]; statement?: MarkdownText; mechanisms?: TransferSource[] };
  retention?: RetentionRuleSource[];
  retentionStatement?: MarkdownText;
  rights?: {
    howToExercise?: MarkdownText;
    contact?: Contact;
    responseTime?: string;
    stated?: RightId[];
    additional?: AdditionalRightSource[];
    notes?: Partial<Record<RightId, MarkdownText>>;
  };
  security?: { description?: MarkdownText; measures?: Text[]; standards?: string[] };
  automatedDecisionMaking?: { takesPlace: boolean; statement?: MarkdownText };
  cookies?: {
    used: boolean;
    description?: MarkdownText;
    policyUrl?: string;
    consentUrl?: string;
    categories?: CookieCategorySource[];
  };
  complaints?: { internal?: MarkdownText; authority?: 'nl-ap' };
  changes?: { noticePeriod?: string; statement?: MarkdownText };
  contact?: Contact;
}

export interface PurposeSource {
  id: string;
  name: Text;
  description?: MarkdownText;
  /** The purpose as the art. 30 register records it (not the patient-facing description). */
  registerDescription?: Text;
  legalBasis?: LegalBasisId;
  legalBasisExplanation?: Text;
  legalBases?: LegalBasisPartSource[];
  legalObligation?: LawReference;
  legitimateInterest?: Text;
  specialCategoryCondition?: { condition: SpecialConditionId; lawReference?: LawReference; explanation?: Text };
  requirement?: { type: 'statutory' | 'contractual' | 'contract-prerequisite' | 'voluntary'; consequence?: Text };
  dataSubjects: string[];
  dataCategories: string[];
  recipients?: string[];
  processors?: string[];
  retention?: string[];
  automatedDecision?: { profiling?: boolean; logic: Text; significance: Text };
  directMarketing?: boolean;
  systems?: string[];
}

/** One of several bases of a purpose, and the part of the data or processing it covers. */
export interface LegalBasisPartSource {
  basis: LegalBasisId;
  appliesTo?: Text;
  dataCategories?: string[];
  explanation?: Text;
  legalObligation?: LawReference;
  legitimateInterest?: Text;
}

export interface TransferSource { mechanism: TransferMechanismId; countries?: string[]; copyAvailableAt?: Text; note?: Text }

export interface ProcessorSource {
  id: string;
  /** A proper name, or a description in every language when the statement does not name the processor. */
  name: string | Text;
  service: Text;
  country?: string;
  parentCompany?: Entity;
  contractingEntity?: Entity;
  serverLocations?: string[];
  serverLocationsText?: Text;
  serviceCategory?: Text;
  transfer?: TransferSource;
}

export interface RecipientSource {
  id: string;
  name: Text;
  type: 'authority' | 'insurer' | 'care-provider' | 'group-company' | 'third-party';
  description?: Text;
  country?: string;
  transfer?: TransferSource;
}

export interface RetentionRuleSource {
  id: string;
  name: Text;
  dataCategories?: string[];
  period?: string;
  maximum?: boolean;
  from?: RetentionStartId;
  condition?: RetentionConditionId;
  withConsent?: string;
  endsOnObjection?: boolean;
  earliestOf?: RetentionTermSource[];
  legalClaimsHold?: RetentionTermSource;
  deletionHandling?: { period: string; extendedPeriod?: string };
  afterwards?: 'deleted' | 'anonymised' | 'deleted-or-anonymised';
  legalSource?: LawReference;
  note?: Text;
}

/** One retention term: a period from an event, or a criterion. */
export interface RetentionTermSource {
  period?: string;
  maximum?: boolean;
  from?: RetentionStartId;
  condition?: RetentionConditionId;
}

export interface AdditionalRightSource {
  id: string;
  name: Text;
  description: MarkdownText;
  legalSource?: LawReference;
  moreInfo?: string;
}

export interface ProcessorActivitySource {
  id: string;
  name: Text;
  description?: MarkdownText;
  controllers: Text;
  dataSubjects?: string[];
  dataCategories?: string[];
  subProcessors?: string[];
  retention?: string[];
}

export interface CookieCategorySource {
  id: string;
  name: Text;
  description?: Text;
  consentRequired?: boolean;
  canBeDisabled?: boolean;
}
