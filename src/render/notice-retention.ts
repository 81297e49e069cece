import type { Messages } from '../i18n/messages.js';
import type { RetentionRule } from '../resolve/model.js';
import { formatLawReference, retentionPhrase } from './retention-phrase.js';
import { shorterThanCitedLaw } from '../law/retention-minimums.js';
import { pick } from './format.js';
import { blank, text, type Inline, type Table } from './outline.js';

/** The anchor of a retention rule's row, linked from each purpose that keeps data under it. */
export const retentionAnchor = (id: string): string => `retention-${id}`;

/**
 * How long a rule keeps its data, in one phrase with its start ('20 jaar na het einde van de
 * behandelovereenkomst'), for a purpose's card; the law it rests on is in the table's last column.
 */
export function retentionPeriod(rule: RetentionRule, m: Messages): string {
  const { legalSource: _cited, ...rest } = rule;
  return retentionPhrase(rest, m);
}

/**
 * Retention as one table — data | how long | counted from | why (the law) —
 * stated once for the whole notice instead of under every purpose. A single
 * period from an event is split into its length and its start; anything
 * more (several terms, conditions, a legal-claims hold) stays one sentence
 * under "how long", with "counted from" left blank ("—").
 */
export function retentionTable(rules: readonly RetentionRule[], m: Messages): Table {
  const t = m.t;
  return {
    caption: t('layout:retention.caption'),
    head: [
      t('layout:retention.data'),
      t('layout:retention.howLong'),
      t('layout:retention.from'),
      t('layout:retention.why'),
    ],
    rowIds: rules.map((r) => retentionAnchor(r.id)),
    rows: rules.map((r) => {
      const { legalSource: cited, from, ...rest } = r;
      // A law that requires longer is not why the data is kept this long (retention/*-too-short says so).
      const legalSource = shorterThanCitedLaw(r) ? undefined : cited;
      const splits = from !== undefined && !r.earliestOf && !r.condition && r.period !== undefined;
      const howLong = retentionPhrase(splits ? rest : { ...rest, ...(from ? { from } : {}) }, m);
      const why = [legalSource ? formatLawReference(legalSource, m) : '', pick(r.note, m)].filter(Boolean).join('. ');
      const cell = (value: string): Inline[] => [
        value ? text(value) : blank(t('layout:retention.none'), t('notice:blankSpoken')),
      ];
      return [
        [{ text: pick(r.name, m), strong: true }],
        cell(howLong),
        cell(splits ? t(`layout:retention.fromEvent.${from}`) : ''),
        cell(why),
      ];
    }),
  };
}
