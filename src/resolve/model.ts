import type { ReplacedList } from '../load/load-document.js';
import type { Language } from '../i18n/messages.js';
import type { AuthorityFacts } from '../law/authorities.js';
import type {
  LegalBasisPartSource,
  OtherController as OtherControllerSource,
  PolicySource,
  ProcessorActivitySource,
  ProcessorSource,
  PurposeSource,
  RecipientSource,
  RetentionRuleSource,
  RightId,
  SpecialCategoryId,
} from '../policy/policy-types.js';

type Item<K extends 'dataSubjects' | 'dataCategories'> = PolicySource[K][number];

/** Every resolved item remembers where it was written, for diagnostics. */
export interface Located {
  pointer: string;
}

export type DataSubject = Item<'dataSubjects'> & Located;
/** A data category; `special` as written (one or a list) becomes `specials`, every special category it holds. */
export type DataCategory = Omit<Item<'dataCategories'>, 'special'> &
  Located & { usedBy: Purpose[]; specials: readonly SpecialCategoryId[] };
export type Processor = ProcessorSource & Located & { usedBy: Purpose[] };
export type Recipient = RecipientSource & Located & { usedBy: Purpose[] };
/** Another controller (policy.controllers): of one purpose, or jointly (art. 26). */
export type OtherController = OtherControllerSource & Located;

export interface RetentionRule extends RetentionRuleSource, Located {
  categories: DataCategory[];
}

/**
 * One art. 6(1) basis of a purpose, normalised: a purpose with a single
 * legalBasis has one, a purpose with legalBases has one per entry.
 */
export interface PurposeBasis extends Omit<LegalBasisPartSource, 'dataCategories' | 'consentBy'>, Located {
  dataCategories: DataCategory[];
  /** Who gives the consent, when not everyone whose data it is (consentBy); empty otherwise. */
  consentBy: DataSubject[];
}

export interface Purpose
  extends
    Omit<
      PurposeSource,
      'dataSubjects' | 'dataCategories' | 'recipients' | 'processors' | 'retention' | 'controller' | 'jointControllers'
    >,
    Located {
  /** The controller of this purpose when it is not the policy's controller. */
  controller?: OtherController;
  /** Joint controllers of this purpose (art. 26); empty when there are none. */
  jointControllers: OtherController[];
  dataSubjects: DataSubject[];
  dataCategories: DataCategory[];
  recipients: Recipient[];
  processors: Processor[];
  retention: RetentionRule[];
  /** Every art. 6(1) basis the purpose relies on, from legalBasis or legalBases. */
  bases: PurposeBasis[];
  /** True when any of its data categories is special (art. 9) data. */
  usesSpecialData: boolean;
}

/** Processing done as a processor for other controllers (GDPR 30(2)). */
export interface ProcessorActivity
  extends Omit<ProcessorActivitySource, 'dataSubjects' | 'dataCategories' | 'subProcessors' | 'retention'>, Located {
  dataSubjects: DataSubject[];
  dataCategories: DataCategory[];
  subProcessors: Processor[];
  retention: RetentionRule[];
}

export interface DerivedRight {
  id: RightId;
  article: string;
  /** Purposes that bring the right into play; empty for rights that always apply or that the policy explains itself. */
  purposes: Purpose[];
  /** The bases or conditions that bring it into play. */
  bases: string[];
  /** True when the statement itself lists the right (rights.stated). */
  stated: boolean;
}

/** A policy with references resolved, rights derived and periods written out. */
export interface PolicyModel {
  source: PolicySource;
  id: string;
  languages: Language[];
  dataSubjects: DataSubject[];
  dataCategories: DataCategory[];
  purposes: Purpose[];
  processorActivities: ProcessorActivity[];
  processors: Processor[];
  recipients: Recipient[];
  retention: RetentionRule[];
  /** Other controllers, of single purposes or jointly (art. 26). */
  controllers: OtherController[];
  /** The rights that apply: derived, less those rights.notApplicable sets aside. */
  rights: DerivedRight[];
  authority: AuthorityFacts;
  /** Lists of ids the policy gives in place of a base's that holds ids it leaves out (extends.ts). */
  replacedLists?: readonly ReplacedList[];
  /**
   * The compliance findings the privacy officer acknowledged (metadata.acknowledged and the config's list), by
   * rule id and pointer: set by analyse after the check. The notice does not add, for such a finding, what it
   * adds for an open one (the law's minimum beside a retention period the officer has weighed).
   */
  acknowledgedFindings?: ReadonlyArray<{ ruleId: string; pointer: string }>;
}
