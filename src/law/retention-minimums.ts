import type { LawId, RetentionConditionId, SpecialCategoryId, SpecialConditionId } from '../policy/policy-types.js';

/**
 * Minimum retention periods set by Dutch law, as data. The compliance check
 * compares every retention rule that covers matching data with `period`.
 */
export interface RetentionMinimum {
  /** The check rule that reports a shorter period. */
  ruleId: string;
  /** The legal minimum, an ISO 8601 duration. */
  period: string;
  /** Retention criteria (without a period) that end before the minimum does. */
  endsTooSoon?: readonly RetentionConditionId[];
  law: LawId;
  article: string;
  /** Which data the minimum applies to. */
  appliesTo: {
    /** Data of this special category… */
    special?: SpecialCategoryId;
    /** …only at a care provider (controller.isCareProvider). */
    careProviderOnly?: boolean;
    /** …used for care: by a purpose with one of these art. 9(2) conditions, or with none stated. */
    careConditions?: readonly SpecialConditionId[];
    /** Data whose retention rule cites this law. */
    citedLaw?: LawId;
    /**
     * Data whose category id matches: the schema has no marker for fiscal
     * records, so the category's id is the best evidence there is.
     */
    categoryIdPattern?: RegExp;
  };
}

export const retentionMinimums: readonly RetentionMinimum[] = [
  {
    // WGBO: 20 years since 1 January 2020 (previously 15), from the last change to the file.
    ruleId: 'retention/medical-file-too-short',
    period: 'P20Y',
    // Kept only while the treatment or contract lasts: the file must outlive it by 20 years.
    endsTooSoon: ['treatment-duration', 'contract-duration'],
    law: 'wgbo',
    article: 'BW 7:454(3)',
    appliesTo: { special: 'health', careProviderOnly: true, careConditions: ['9(2)(h)'] },
  },
  {
    // The fiscal duty to keep the records (basic data) for 7 years.
    ruleId: 'retention/fiscal-records-too-short',
    period: 'P7Y',
    law: 'awr',
    article: 'AWR art. 52',
    appliesTo: { citedLaw: 'awr', categoryIdPattern: /financ|invoice|billing|factu|fiscal|accounting|boekhoud/ },
  },
];
