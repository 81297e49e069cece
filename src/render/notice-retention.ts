import type { Messages } from '../i18n/messages.js';
import type { RetentionRule } from '../resolve/model.js';
import { formatDuration, formatLawReference, retentionPhrase } from './retention-phrase.js';
import { longerThanCitedLaw, shorterThanCitedLaw } from '../law/retention-minimums.js';
import { pick } from './format.js';
import { blank, text, type Inline, type Table } from './outline.js';

/** The anchor of a retention rule's row, linked from each purpose that keeps data under it. */
export const retentionAnchor = (id: string): string => `retention-${id}`;

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
      const why = [legalSource ? lawCell(r, legalSource, m) : '', pick(r.note, m)].filter(Boolean).join('. ');
      const cell = (value: string): Inline[] => [value ? text(value) : blank(t('layout:retention.none'))];
      return [
        [{ text: pick(r.name, m), strong: true }],
        cell(howLong),
        cell(splits ? t(`layout:retention.fromEvent.${from}`) : ''),
        cell(why),
      ];
    }),
  };
}

/** The law the rule cites; where it keeps longer than that law asks (longerThanCitedLaw), what the law asks beside it. */
function lawCell(rule: RetentionRule, legalSource: NonNullable<RetentionRule['legalSource']>, m: Messages): string {
  const source = formatLawReference(legalSource, m);
  const minimum = longerThanCitedLaw(rule);
  return minimum ? m.t('layout:retention.lawAsksLess', { source, minimum: formatDuration(minimum.period, m) }) : source;
}
