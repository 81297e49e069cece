import type { Messages } from '../i18n/messages.js';
import type { PolicyModel, RetentionRule } from '../resolve/model.js';
import { formatDuration, formatLawReference, retentionPhrase, termStart } from './retention-phrase.js';
import {
  lawStartBeside,
  longerThanCitedLaw,
  retentionMinimums,
  shorterThanCitedLaw,
  type LawStart,
} from '../law/retention-minimums.js';
import { legalMinimumLines, requirementOf } from './legal-minimum.js';
import { appendSentence, cellText, pick } from './format.js';
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
 * stated once for the whole notice instead of under every purpose. A period
 * from an event is split into its length and its start, also when events end
 * it early (termStart; English review 1, finding 11: Doctolib's prospects);
 * anything more (several periods, a period with a condition) stays one
 * sentence under "how long", with "counted from" left blank ("—").
 */
export function retentionTable(model: PolicyModel, m: Messages): Table {
  const rules = model.retention;
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
    // A loop, not a callback made on every call: a warm process keeps a module-level function's optimised code.
    rows: rowsOf(model, m),
  };
}

function rowsOf(model: PolicyModel, m: Messages): Inline[][][] {
  const rows: Inline[][][] = [];
  for (const r of model.retention) rows.push(retentionRow(model, r, m));
  return rows;
}

/** A rule's row: its name, how long, from when, and why. */
function retentionRow(model: PolicyModel, r: RetentionRule, m: Messages): Inline[][] {
  const t = m.t;
  const { legalSource: cited, ...rest } = r;
  // A law that requires longer is not why the data is kept this long (retention/*-too-short says so).
  const legalSource = shorterThanCitedLaw(r) ? undefined : cited;
  const start = termStart(rest);
  const howLong = retentionPhrase(start?.rest ?? rest, m);
  const law = lawStartBeside(r);
  const stated = [legalSource ? lawCell(r, legalSource, m, law) : '', pick(r.note, m)].filter(Boolean).join('. ');
  const why = [stated, ...legalMinimumLines(model, r, m)].filter(Boolean).reduce(followedBy, '');
  // 'Ten hoogste 6 maanden', 'Het einde van de behandelovereenkomst': our words start the cell with a capital;
  // the last column starts with the author's citation or note (or a law's name), left as written.
  return [
    [{ text: pick(r.name, m), strong: true }],
    retentionCell(howLong, m),
    retentionCell(start ? t(`layout:retention.fromEvent.${start.from}`) : lawStartCell(law, m), m),
    retentionCell(why, m, text),
  ];
}

/** Where a rule keeping the law's term names no start (lawStartBeside), the law's, labelled as the law's; else none. */
function lawStartCell(law: LawStart | undefined, m: Messages): string {
  return law && !law.ownStart ? m.t('layout:retention.lawsStart', { text: lawStartEvent(law, m) }) : '';
}

/** The event the law counts its term from: 'de laatste wijziging van het dossier'. */
const lawStartEvent = (law: LawStart, m: Messages): string => m.t(`layout:retention.fromEvent.${law.minimum.from}`);

/**
 * A rule's term with the law's start beside it, where the rule keeps the law's term from a start of its own or none
 * (lawStartBeside): '20 jaar na het einde van de behandelovereenkomst (de wet rekent de 20 jaar vanaf de laatste
 * wijziging van het dossier)'; '20 jaar na de laatste wijziging van het dossier (zo rekent de wet)'. The term
 * without the law, as on a card ('op grond van de wet' would give the author's start as the law's; notice8 review,
 * findings 1 and 3).
 */
export function withLawStart(rule: RetentionRule, law: LawStart, m: Messages): string {
  if (!law.ownStart)
    return m.t('layout:retention.lawsStart', { text: retentionPeriod({ ...rule, from: law.minimum.from }, m) });
  return m.t('layout:retention.lawStartsElsewhere', {
    period: retentionPeriod(rule, m),
    duration: formatDuration(law.minimum.period, m),
    start: lawStartEvent(law, m),
  });
}

function retentionCell(value: string, m: Messages, inline = cellText): Inline[] {
  return [value ? inline(value) : blank(m.t('layout:retention.none'), m.t('notice:blankSpoken'))];
}

/** The law the rule cites; where it keeps longer than that law asks (longerThanCitedLaw), what the law asks beside it. */
function lawCell(
  rule: RetentionRule,
  legalSource: NonNullable<RetentionRule['legalSource']>,
  m: Messages,
  law: LawStart | undefined,
): string {
  const source = formatLawReference(legalSource, m);
  const minimum = longerThanCitedLaw(rule);
  if (minimum) return m.t('layout:retention.lawAsksLess', { source, minimum: formatDuration(minimum.period, m) });
  // The rule's own start is in the column before: here, what the law counts from.
  return law?.ownStart
    ? m.t('layout:retention.lawCountsFrom', {
        source,
        duration: formatDuration(law.minimum.period, m),
        start: lawStartEvent(law, m),
      })
    : source;
}

/**
 * The law's term for the medical file (BW 7:454(3), from the law data), as the law's: for a care provider's notice
 * that states no retention rule, where the law still sets one (notice8 review, finding 4).
 */
export function medicalFileLaw(model: PolicyModel, m: Messages): string {
  const min = retentionMinimums.find((r) => r.appliesTo.medicalFile)!;
  return m.t(`layout:retention.${min.longerForCare ? 'legalMinimumOnlyLongerForCare' : 'legalMinimumOnly'}`, {
    requirement: requirementOf(min, model, m),
  });
}

/** Two texts as sentences, the first with its full stop: 'NOTE' and 'The law …' read 'NOTE. The law …'. */
const followedBy = (first: string, next: string): string => (first ? appendSentence(first, next) : next);
