import type { ChangeClass, ChangeKind } from './change-kinds.js';

/**
 * How a value is put into words (change-words.ts): a legal basis by its
 * name and article, a duration as '20 jaar', a retention rule as its phrase…
 */
export type ValueType =
  | 'text'
  | 'literal'
  | 'duration'
  | 'retention'
  | 'country'
  | 'basis'
  | 'specialCondition'
  | 'specialCategory'
  | 'mechanism'
  | 'recipientType'
  | 'careSector'
  | 'right'
  | 'id'
  /** An item's name: mid-sentence, a leading article is lower case ('het medisch dossier'). */
  | 'name'
  | 'law'
  /** A law with its article: 'de Wet op de geneeskundige behandelingsovereenkomst (artikel 7:456 BW)'. */
  | 'lawReference'
  | 'authority'
  | 'requirement'
  | 'language'
  | 'date'
  /** A transfer safeguard with the countries it covers. */
  | 'transfer'
  /** A yes/no property: told as a sentence of its own per property (diff:flag.<property>). */
  | 'flag';

export interface Value {
  type: ValueType;
  value: unknown;
}

/** One difference between two versions of a policy. */
export interface Change {
  kind: ChangeKind;
  class: ChangeClass;
  /** The provision behind the class, e.g. 'GDPR 13(3)'; empty for editorial housekeeping. */
  article: string;
  /** RFC 6901 pointer: in the new document, or in the old one when `side` is 'old' (a removal). */
  pointer: string;
  side: 'old' | 'new';
  /** 1-based position of the pointer in that side's file (set by comparePolicies, which has the documents). */
  line?: number;
  column?: number;
  /** The file the position is in, when the value is inherited from a base policy (`extends`) rather than written in that side's file. */
  file?: string;
  /** The item or section the change concerns, e.g. the name of a purpose. */
  subject?: Value;
  /** The property that changed, relative to the subject (dot-separated), for the words 'where'. */
  field?: string;
  old?: Value;
  new?: Value;
  /** A replacement (processor-replaced, recipient-replaced): the party the new one replaces (also in `old`). */
  replaces?: Value;
  /** A new party: the purposes it serves (their links folded into this change, not counted again). */
  usedFor?: Value[];
  /** A move between purposes (purpose-processor-moved…): the purpose the item served before (also in `old`). */
  movedFrom?: Value;
  /** A country of a party that is new in this version (transfer-added, location-added): told without 'also'. */
  newParty?: true;
  /**
   * A purpose's legal basis no longer named as a point of art. 6(1) while the purpose now states one in words
   * (legalBasisStatement): told as such, never as 'no legal basis any more'.
   */
  inWords?: true;
}
