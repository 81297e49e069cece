import { parsePointer } from '../load/json-pointer.js';
import type { Change } from './change.js';

/**
 * What a reader of the report cares about, in the order the report lists
 * the groups: who gets my data, why (and which data), how long, where it
 * goes, my rights, and the rest. The headings live in locales/<lang>/diff.json
 * under `group.<id>`.
 */
export const changeGroups = ['who', 'why', 'howLong', 'where', 'rights', 'other'] as const;
export type ChangeGroup = (typeof changeGroups)[number];

/** The group of each kind whose subject is fixed by the kind itself. */
const groupOfKind: Record<string, ChangeGroup> = {
  'processor-added': 'who',
  'processor-removed': 'who',
  'recipient-added': 'who',
  'recipient-removed': 'who',
  'party-name-changed': 'who',
  'processor-replaced': 'who',
  'recipient-replaced': 'who',
  'purpose-processor-moved': 'who',
  'purpose-recipient-moved': 'who',
  'purpose-processor-added': 'who',
  'purpose-processor-removed': 'who',
  'purpose-recipient-added': 'who',
  'purpose-recipient-removed': 'who',
  'other-controller-added': 'who',
  'other-controller-removed': 'who',
  'purpose-controller-changed': 'who',
  'joint-controller-added': 'who',
  'joint-controller-removed': 'who',
  'joint-arrangement-changed': 'who',
  // The organisation's own name, number and address: not someone else getting the data.
  'controller-changed': 'other',
  'purpose-added': 'why',
  'purpose-removed': 'why',
  'legal-basis-changed': 'why',
  'basis-law-changed': 'why',
  'legal-basis-data-added': 'why',
  'legal-basis-data-removed': 'why',
  'consent-giver-added': 'why',
  'consent-giver-removed': 'why',
  'special-condition-changed': 'why',
  'purpose-data-added': 'why',
  'purpose-data-removed': 'why',
  'purpose-subject-added': 'why',
  'purpose-subject-removed': 'why',
  'data-category-added': 'why',
  'data-category-removed': 'why',
  'data-category-special': 'why',
  'data-category-not-special': 'why',
  'data-subject-added': 'why',
  'data-subject-removed': 'why',
  'automated-decision-added': 'why',
  'automated-decision-removed': 'why',
  'retention-longer': 'howLong',
  'retention-shorter': 'howLong',
  'retention-changed': 'howLong',
  'retention-added': 'howLong',
  'retention-removed': 'howLong',
  'retention-data-added': 'howLong',
  'retention-data-removed': 'howLong',
  'purpose-retention-added': 'howLong',
  'purpose-retention-removed': 'howLong',
  'transfer-added': 'where',
  'transfer-removed': 'where',
  'transfer-safeguard-changed': 'where',
  'location-added': 'where',
  'location-removed': 'where',
  'right-added': 'rights',
  'right-removed': 'rights',
  'right-exception-changed': 'rights',
  'judicial-remedy-added': 'rights',
  'judicial-remedy-removed': 'rights',
  // The person to turn to about one's data and rights (art. 38(4)).
  'dpo-added': 'rights',
  'dpo-removed': 'rights',
  // Processing done for other controllers (30(2)): the register's business more than the reader's.
  'processor-activity-added': 'other',
  'processor-activity-removed': 'other',
  // The languages of the notice itself.
  'language-added': 'other',
  'language-removed': 'other',
};

/**
 * Kinds that can be about anything (wording, a changed value, a renamed id,
 * kinds added later): grouped by the first step of their pointer.
 */
const groupOfPointer: Record<string, ChangeGroup> = {
  processors: 'who',
  recipients: 'who',
  controllers: 'who',
  controller: 'other',
  jointArrangement: 'who',
  purposes: 'why',
  dataCategories: 'why',
  dataSubjects: 'why',
  processorActivities: 'why',
  retention: 'howLong',
  transfers: 'where',
  rights: 'rights',
  complaints: 'rights',
};

export function changeGroup(change: Pick<Change, 'kind' | 'pointer'>): ChangeGroup {
  return groupOfKind[change.kind] ?? groupOfPointer[parsePointer(change.pointer)[0] ?? ''] ?? 'other';
}
