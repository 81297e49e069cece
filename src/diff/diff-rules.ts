/** How the diff compares a policy: the collections of items and the rule per property, as data. */
import type { ChangeKind } from './change-kinds.js';
import type { ValueType } from './change.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Record_ = { [key: string]: Json };

/**
 * How a property is compared. Anything without a rule is compared
 * generically: text (per language) as 'wording', other values as 'changed'.
 */
export type Rule =
  /** One value replaced by another, e.g. a legal basis; `cleared` when the new version has none. */
  | { scalar: ChangeKind; as: ValueType; cleared?: ChangeKind }
  /** A list of ids or values: one change per element added or removed; `ref` names the collection the ids point into. */
  | { set: { added: ChangeKind; removed: ChangeKind }; ref?: CollectionKey; as?: ValueType }
  /**
   * An optional object that appears or disappears (its inner changes compared generically); one with the
   * properties `absentWhen` gives counts as absent (a DPO stated as not appointed is no DPO).
   */
  | { presence: { added: ChangeKind; removed: ChangeKind; absentWhen?: Readonly<Record<string, Json>> } }
  /** A list of objects matched by one property (legal bases by `basis`): one change per entry added or removed, matched entries compared under `path.*`. */
  | {
      keyed: {
        key: string;
        label?: string;
        added: ChangeKind;
        removed: ChangeKind;
        as: ValueType;
        /** The set of keys compared as a whole: one change of this kind from the old set to the new one. */
        asSet?: ChangeKind;
        /** With asSet: the properties of a new entry not told on their own (the key and what the set change says). */
        keep?: string[];
      };
    }
  /** Every difference below this property is of one kind (contact details, legal bases). */
  | { subtree: ChangeKind }
  /** Countries: a new one outside the EEA is a new transfer. */
  | { locations: true }
  | { ignore: true };

export type CollectionKey =
  | 'dataSubjects'
  | 'dataCategories'
  | 'processors'
  | 'recipients'
  | 'retention'
  | 'controllers'
  | 'purposes'
  | 'processorActivities';

export interface CollectionSpec {
  key: CollectionKey;
  added: ChangeKind;
  removed: ChangeKind;
  /** Rules by property path inside an item ('transfer.mechanism'). */
  rules: Record<string, Rule>;
  /** Parties (processors, recipients): countries of establishment, storage and transfer compared together. */
  party?: boolean;
  /** Retention rules: the terms compared together, longer or shorter. */
  retention?: boolean;
}

/** The properties of a retention rule that together make its period. */
export const retentionTerms = [
  'period',
  'maximum',
  'minimum',
  'longerForCare',
  'from',
  'condition',
  'withConsent',
  'endsOnObjection',
  // Not legalSource: the law that sets a period is compared on its own, so that citing its article is not
  // 'the retention period changes' (diff review).
  'earliestOf',
  'legalClaimsHold',
  'deletionHandling',
  'afterwards',
];

const refSet = (ref: CollectionKey, added: ChangeKind, removed: ChangeKind): Rule => ({ set: { added, removed }, ref });

/**
 * The collections of identified items, in the order the report lists them.
 * Referenced collections come before the ones that refer to them, so that
 * renames are known before references are compared.
 */
export const collections: CollectionSpec[] = [
  { key: 'dataSubjects', added: 'data-subject-added', removed: 'data-subject-removed', rules: {} },
  {
    key: 'dataCategories',
    added: 'data-category-added',
    removed: 'data-category-removed',
    rules: {
      special: { scalar: 'data-category-special', as: 'specialCategory', cleared: 'data-category-not-special' },
    },
  },
  {
    key: 'processors',
    added: 'processor-added',
    removed: 'processor-removed',
    party: true,
    rules: {
      'transfer.mechanism': { scalar: 'transfer-safeguard-changed', as: 'mechanism' },
      name: { scalar: 'party-name-changed', as: 'name' },
    },
  },
  {
    key: 'recipients',
    added: 'recipient-added',
    removed: 'recipient-removed',
    party: true,
    rules: {
      'transfer.mechanism': { scalar: 'transfer-safeguard-changed', as: 'mechanism' },
      name: { scalar: 'party-name-changed', as: 'name' },
      type: { scalar: 'changed', as: 'recipientType' },
    },
  },
  {
    key: 'retention',
    added: 'retention-added',
    removed: 'retention-removed',
    retention: true,
    rules: { dataCategories: refSet('dataCategories', 'retention-data-added', 'retention-data-removed') },
  },
  {
    key: 'controllers',
    added: 'other-controller-added',
    removed: 'other-controller-removed',
    rules: {
      name: { scalar: 'controller-changed', as: 'literal' },
      kvkNumber: { scalar: 'controller-changed', as: 'literal' },
      address: { subtree: 'contact-changed' },
      contact: { subtree: 'contact-changed' },
      dpo: { subtree: 'contact-changed' },
      // Whether it is a public authority describes the organisation; the bases that follow are compared on each purpose.
      publicAuthority: { scalar: 'changed', as: 'flag' },
    },
  },
  {
    key: 'purposes',
    added: 'purpose-added',
    removed: 'purpose-removed',
    rules: {
      // A basis given in words is a basis: stating, dropping or changing it (or its law) changes the basis.
      legalBasisStatement: { subtree: 'legal-basis-changed' },
      'legalBases.*.publicTask': { scalar: 'basis-law-changed', as: 'lawReference' },
      controller: { scalar: 'purpose-controller-changed', as: 'id' },
      jointControllers: refSet('controllers', 'joint-controller-added', 'joint-controller-removed'),
      // The bases as the resolver normalised them (purpose.bases), whichever form the policy wrote them in:
      // the set of bases is compared as a whole (one change: 'from now on A and B (was: A and C)'), so that a
      // basis that stays is never told as gone; data moved between bases is a changed legal basis too.
      legalBases: {
        keyed: {
          key: 'basis',
          added: 'legal-basis-changed',
          removed: 'legal-basis-changed',
          as: 'basis',
          asSet: 'legal-basis-changed',
          keep: ['basis', 'dataCategories', 'consentBy', 'appliesTo'],
        },
      },
      'legalBases.*.basis': { ignore: true },
      'legalBases.*.dataCategories': refSet('dataCategories', 'legal-basis-data-added', 'legal-basis-data-removed'),
      // The law a basis cites (by id and article, or a citation): another law is told as such, not as another
      // basis (diff review defect 2); still material, as a changed basis is.
      'legalBases.*.legalObligation': { scalar: 'basis-law-changed', as: 'lawReference' },
      'specialCategoryCondition.lawReference': {
        scalar: 'basis-law-changed',
        as: 'lawReference',
      },
      'legalBases.*.consentBy': refSet('dataSubjects', 'consent-giver-added', 'consent-giver-removed'),
      'specialCategoryCondition.condition': { scalar: 'special-condition-changed', as: 'specialCondition' },
      dataSubjects: refSet('dataSubjects', 'purpose-subject-added', 'purpose-subject-removed'),
      dataCategories: refSet('dataCategories', 'purpose-data-added', 'purpose-data-removed'),
      processors: refSet('processors', 'purpose-processor-added', 'purpose-processor-removed'),
      recipients: refSet('recipients', 'purpose-recipient-added', 'purpose-recipient-removed'),
      retention: refSet('retention', 'purpose-retention-added', 'purpose-retention-removed'),
      automatedDecision: { presence: { added: 'automated-decision-added', removed: 'automated-decision-removed' } },
    },
  },
  {
    key: 'processorActivities',
    added: 'processor-activity-added',
    removed: 'processor-activity-removed',
    rules: {
      dataSubjects: refSet('dataSubjects', 'changed', 'changed'),
      dataCategories: refSet('dataCategories', 'changed', 'changed'),
      subProcessors: refSet('processors', 'changed', 'changed'),
      retention: refSet('retention', 'changed', 'changed'),
    },
  },
];

/** Rules for the rest of the document, by path from the root. */
export const documentRules: Record<string, Rule> = {
  $schema: { ignore: true },
  id: { ignore: true },
  metadata: { ignore: true },
  // What a policy leaves out of its base is compared as what it resolves to: the removed items themselves are reported.
  remove: { ignore: true },
  'controller.name': { scalar: 'controller-changed', as: 'literal' },
  'controller.kvkNumber': { scalar: 'controller-changed', as: 'literal' },
  'controller.address': { subtree: 'contact-changed' },
  'controller.contact': { subtree: 'contact-changed' },
  'controller.website': { subtree: 'contact-changed' },
  // Being a public authority describes the organisation; the bases that follow from it are compared on each purpose.
  'controller.publicAuthority': { scalar: 'changed', as: 'flag' },
  // The kind of care provider describes the organisation too; the DPO duty that follows is the check's, not the notice's.
  'controller.careSector': { scalar: 'changed', as: 'careSector' },
  jointArrangement: { subtree: 'joint-arrangement-changed' },
  'rights.notApplicable': { subtree: 'right-exception-changed' },
  'rights.judicialRemedy': { presence: { added: 'judicial-remedy-added', removed: 'judicial-remedy-removed' } },
  // Whether there is a DPO is material (13(1)(b), the schema's x-change); how to reach one is a contact detail.
  // "appointed": false states that there is none: its flag and reason are compared generically (diff:flag.appointed).
  dpo: { presence: { added: 'dpo-added', removed: 'dpo-removed', absentWhen: { appointed: false } } },
  'dpo.name': { subtree: 'contact-changed' },
  'dpo.contact': { subtree: 'contact-changed' },
  representative: { subtree: 'contact-changed' },
  contact: { subtree: 'contact-changed' },
  'rights.contact': { subtree: 'contact-changed' },
  'rights.responseTime': { scalar: 'changed', as: 'duration' },
  // Rights the policy grants beyond the GDPR's: one dropped is material.
  'rights.additional': {
    keyed: { key: 'id', label: 'name', added: 'right-added', removed: 'right-removed', as: 'name' },
  },
  'changes.noticePeriod': { scalar: 'changed', as: 'duration' },
  'transfers.storageLocations': { locations: true },
};

/**
 * How the generic comparison words a value, by the schema: a value of one of these `$defs`
 * (or a list of them) is written as that type — a country by its name, a safeguard by its term…
 */
export const valueTypeOfDef: Readonly<Record<string, ValueType>> = {
  country: 'country',
  transferMechanism: 'mechanism',
  legalBasis: 'basis',
  specialCondition: 'specialCondition',
  specialCategory: 'specialCategory',
  duration: 'duration',
  language: 'language',
  rightId: 'right',
  date: 'date',
  transfer: 'transfer',
};

/** Enums written inline in the schema, by '<$def>.<property>': the type their values are worded as. */
export const valueTypeOfEnum: Readonly<Record<string, ValueType>> = {
  'lawReference.law': 'law',
  'requirement.type': 'requirement',
  'recipient.type': 'recipientType',
  'complaints.authority': 'authority',
};
