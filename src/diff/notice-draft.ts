import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticTexts } from '../diagnostics/render-message.js';
import { messagesFor, type Language, type Messages } from '../i18n/messages.js';
import type { PolicyModel } from '../resolve/model.js';
import { controllerName, formatDate, isMonth, pick } from '../render/format.js';
import { formatDuration } from '../render/retention-phrase.js';
import type { Change } from './change.js';
import { changeKinds } from './change-kinds.js';
import { consentSwapNotes } from './consent-swap.js';
import { noticeChanges } from './notice-changes.js';
import { addDuration } from './dates.js';

/** The message to send to the people concerned, in one language. */
export interface NoticeDraftText {
  lang: Language;
  subject: string;
  /** Paragraphs before the list of changes. */
  opening: string[];
  changesIntro: string;
  changes: string[];
  /** Paragraphs after the list: where to read more, whom to ask. */
  closing: string[];
  historyHeading?: string;
  history: string[];
  signature: string;
  /**
   * Notes for whoever sends it: the timing, a stated date that is too early, a version or date left as the old one's,
   * a purpose that swaps from consent to another basis, a new check error.
   */
  senderHeading: string;
  senderNotes: string[];
}

export interface NoticeDraft {
  /** The day the notice is sent (--notify-date, else the new version's lastModified or effectiveDate); absent when none is known. */
  notifyDate?: string;
  noticePeriod?: string;
  /** notifyDate + noticePeriod. */
  earliestEffectiveDate?: string;
  /** The date the draft announces: the stated effective date, or the earliest allowed when that is later. */
  effectiveDate?: string;
  texts: NoticeDraftText[];
}

export interface NoticeDraftOptions {
  notifyDate?: string;
  /** The old version: what a removed party or purpose was for, and for whom; whether the version or date was left as it was. */
  oldModel?: PolicyModel;
  /** The errors policyc check finds in the new version that the old one did not have (a transfer without a ground…): fix before sending. */
  newFindings?: readonly Diagnostic[];
  /** Where the new version's metadata.version and effectiveDate are written, when another file (a base) states them. */
  metadataStatedIn?: MetadataStatedIn;
}

/** A file:line that states a metadata value a policy inherits, and the preset's name when that file is a preset. */
export type MetadataStatedIn = Partial<Record<'version' | 'effectiveDate', { at: string; preset?: string }>>;

/**
 * A short notice for the material changes, in every language of the new
 * policy, or undefined when nothing material changed. Deterministic: every
 * date comes from the policy or from the caller.
 */
export function noticeDraft(
  newModel: PolicyModel,
  changes: readonly Change[],
  options: NoticeDraftOptions = {},
): NoticeDraft | undefined {
  const material = changes.filter((c) => c.class === 'material');
  if (material.length === 0) return undefined;
  const timing = draftTiming(newModel, options);
  const { notifyDate, period, earliest, effectiveDate } = timing;
  // In every language of the new version, and in one it dropped: those readers are told too.
  const dropped = (options.oldModel?.languages ?? []).filter((lang) => !newModel.languages.includes(lang));
  const texts = [...newModel.languages, ...dropped].map((lang) => draftText(lang, newModel, material, timing, options));
  return {
    ...(notifyDate ? { notifyDate } : {}),
    ...(period ? { noticePeriod: period } : {}),
    ...(earliest ? { earliestEffectiveDate: earliest } : {}),
    ...(effectiveDate ? { effectiveDate } : {}),
    texts,
  };
}

/** When the notice is sent, the notice period, the earliest day the changes may apply, and the day they will. */
interface DraftTiming {
  notifyDate?: string;
  period?: string;
  earliest?: string;
  stated?: string;
  effectiveDate?: string;
}

function draftTiming(newModel: PolicyModel, options: NoticeDraftOptions): DraftTiming {
  const { metadata } = newModel.source;
  const period = newModel.source.changes?.noticePeriod;
  const stated: string | undefined = metadata.effectiveDate;
  // A last change known only to the month ('2020-05') is no day to count a notice period from.
  const changed = metadata.lastModified && !isMonth(metadata.lastModified) ? metadata.lastModified : undefined;
  const notifyDate = options.notifyDate ?? changed ?? stated;
  const earliest = notifyDate && period ? addDuration(notifyDate, period) : notifyDate;
  const effectiveDate = stated && (!earliest || stated > earliest) ? stated : earliest;
  return { notifyDate, period, earliest, stated, effectiveDate };
}

function draftText(
  lang: Language,
  newModel: PolicyModel,
  material: readonly Change[],
  timing: DraftTiming,
  options: NoticeDraftOptions,
): NoticeDraftText {
  const { metadata, controller, rights, dpo, contact: general } = newModel.source;
  const m = messagesFor(lang, metadata.formality);
  const t = m.t;
  const url = metadata.source?.url ?? controller.website;
  const contact = rights?.contact?.email ?? controller.contact?.email ?? dpo?.contact?.email ?? general?.email;
  const history = (metadata.history ?? []).map((h) =>
    t('diff:notice.historyItem', { date: formatDate(h.date, m), version: h.version, summary: pick(h.summary, m) }),
  );
  return {
    lang,
    subject: t('diff:notice.subject'),
    opening: [draftOpening(metadata.version, timing, m)],
    changesIntro: t('diff:notice.changesIntro'),
    changes: noticeChanges(material, { new: newModel, ...(options.oldModel ? { old: options.oldModel } : {}) }, m),
    closing: [
      ...(url ? [t('diff:notice.readMore', { url })] : []),
      ...(contact ? [t('diff:notice.questions', { contact })] : []),
    ],
    ...(history.length ? { historyHeading: t('diff:notice.history') } : {}),
    history,
    signature: controllerName(controller, m),
    senderHeading: t('diff:notice.senderNote'),
    senderNotes: [
      ...senderNotes(metadata.version, timing, newPurpose(material), m),
      ...sameAsOld(newModel, options, m),
      ...consentSwapNotes(options.oldModel, newModel, m),
      ...(options.newFindings ?? []).map((d) => newFindingNote(d, m)),
    ],
  };
}

/** A policy need not state a version label: then the sentences leave it out. */
const versionKey = (name: string, version: string | undefined): string =>
  `diff:notice.${name}${version === undefined ? 'NoVersion' : ''}`;

function draftOpening(version: string | undefined, timing: DraftTiming, m: Messages): string {
  const { effectiveDate, period } = timing;
  if (effectiveDate) return m.t(versionKey('opening', version), { version, date: formatDate(effectiveDate, m) });
  if (period) return m.t(versionKey('openingAfterPeriod', version), { version, period: formatDuration(period, m) });
  return m.t(versionKey('openingUndated', version), { version });
}

/** A purpose is new, or takes data or people it did not before: GDPR 13(3) asks for information first. */
const newPurpose = (material: readonly Change[]): boolean =>
  material.some((c) => changeKinds[c.kind].article === 'GDPR 13(3)');

/**
 * For the sender only: a new check error, with the place to fix it. One found in the base a policy extends says so and
 * gives the base's place: the policy's own file (the "(for …)" of a check report) is not where to fix it.
 */
function newFindingNote(d: Diagnostic, m: Messages): string {
  const { policy, policies, ...own } = d;
  const where = [d.file, d.line, d.column].filter((part) => part !== undefined).join(':');
  const key = !d.file ? 'newFinding' : policy !== undefined || policies ? 'newFindingInBase' : 'newFindingAt';
  return m.t(`diff:notice.${key}`, { message: diagnosticTexts(own, m).message, where });
}

/** For the sender only: when the changes may take effect, and a stated date that comes too early. */
function senderNotes(version: string | undefined, timing: DraftTiming, purposeAdded: boolean, m: Messages): string[] {
  const { notifyDate, period, earliest, stated } = timing;
  const date = (iso: string): string => formatDate(iso, m);
  const notes: string[] = [];
  if (!notifyDate) notes.push(m.t('diff:notice.noDate'));
  else if (period) {
    notes.push(
      m.t('diff:notice.timing', {
        notifyDate: date(notifyDate),
        period: formatDuration(period, m),
        earliest: date(earliest!),
      }),
    );
  } else {
    const noPeriod = m.t('diff:notice.noPeriod', { notifyDate: date(notifyDate) });
    notes.push(purposeAdded ? `${noPeriod} ${m.t('diff:notice.newPurposeFirst')}` : noPeriod);
  }
  if (stated && earliest && stated < earliest) {
    notes.push(m.t(versionKey('tooEarly', version), { version, stated: date(stated), earliest: date(earliest) }));
  }
  return notes;
}

/** A version's label or dates: what tells a reader which version of the notice they have. */
const unlabelled = ({ version, effectiveDate, lastModified }: PolicyModel['source']['metadata']): boolean =>
  version === undefined && effectiveDate === undefined && lastModified === undefined;

/** The note for a version or date left as the old one's: naming the base or preset that states it, if another file does. */
const sameKey = (key: string, stated: { preset?: string } | undefined): string =>
  `diff:notice.${key}${stated === undefined ? '' : stated.preset ? 'FromPreset' : 'StatedIn'}`;

/**
 * For the sender only: a changed policy that still carries the old version's label or effective date,
 * or that, like the old one, has neither label nor date, so that nobody can tell the two notices apart.
 */
function sameAsOld(newModel: PolicyModel, options: NoticeDraftOptions, m: Messages): string[] {
  if (!options.oldModel) return [];
  const was = options.oldModel.source.metadata;
  const is = newModel.source.metadata;
  const notes: string[] = [];
  if (unlabelled(is) && unlabelled(was)) notes.push(m.t('diff:notice.unlabelled'));
  const stated = options.metadataStatedIn ?? {};
  if (is.version !== undefined && is.version === was.version)
    notes.push(m.t(sameKey('sameVersion', stated.version), { version: is.version, ...stated.version }));
  if (is.effectiveDate !== undefined && is.effectiveDate === was.effectiveDate)
    notes.push(
      m.t(sameKey('sameEffectiveDate', stated.effectiveDate), {
        date: formatDate(is.effectiveDate, m),
        ...stated.effectiveDate,
      }),
    );
  return notes;
}
