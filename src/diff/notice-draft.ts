import { messagesFor, type Language } from '../i18n/messages.js';
import type { PolicyModel } from '../resolve/model.js';
import { controllerName, formatDate, pick } from '../render/format.js';
import { formatDuration } from '../render/retention-phrase.js';
import type { Change } from './change.js';
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
  /** Notes for whoever sends it: the timing, a stated date that is too early. */
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
  /** The old version: what a removed party or purpose was for, and for whom. */
  oldModel?: PolicyModel;
}

/**
 * A short notice for the material changes, in every language of the new
 * policy, or undefined when nothing material changed. Deterministic: every
 * date comes from the policy or from the caller.
 */
export function noticeDraft(newModel: PolicyModel, changes: readonly Change[], options: NoticeDraftOptions = {}): NoticeDraft | undefined {
  const material = changes.filter((c) => c.class === 'material');
  if (material.length === 0) return undefined;
  const { metadata, controller } = newModel.source;
  const period = newModel.source.changes?.noticePeriod;
  const stated: string | undefined = metadata.effectiveDate;
  const notifyDate = options.notifyDate ?? metadata.lastModified ?? stated;
  const earliest = notifyDate && period ? addDuration(notifyDate, period) : notifyDate;
  const effectiveDate = stated && (!earliest || stated > earliest) ? stated : earliest;
  const url = metadata.source?.url ?? controller.website;
  const { rights, dpo, contact: general } = newModel.source;
  const contact = rights?.contact?.email ?? controller.contact?.email ?? dpo?.contact?.email ?? general?.email;

  const texts = newModel.languages.map((lang): NoticeDraftText => {
    const m = messagesFor(lang, metadata.formality);
    const t = m.t;
    const date = (iso: string): string => formatDate(iso, m);
    const senderNotes: string[] = [];
    if (!notifyDate) senderNotes.push(t('diff:notice.noDate'));
    else if (period) senderNotes.push(t('diff:notice.timing', { notifyDate: date(notifyDate), period: formatDuration(period, m), earliest: date(earliest!) }));
    else senderNotes.push(t('diff:notice.noPeriod', { notifyDate: date(notifyDate) }));
    // A policy need not state a version label: then the sentences leave it out.
    const { version } = metadata;
    const key = (name: string): string => `diff:notice.${name}${version === undefined ? 'NoVersion' : ''}`;
    if (stated && earliest && stated < earliest) {
      senderNotes.push(t(key('tooEarly'), { version, stated: date(stated), earliest: date(earliest) }));
    }
    const opening = effectiveDate
      ? t(key('opening'), { version, date: date(effectiveDate) })
      : period
        ? t(key('openingAfterPeriod'), { version, period: formatDuration(period, m) })
        : t(key('openingUndated'), { version });
    const history = (metadata.history ?? []).map((h) =>
      t('diff:notice.historyItem', { date: date(h.date), version: h.version, summary: pick(h.summary, m) }));
    return {
      lang,
      subject: t('diff:notice.subject'),
      opening: [opening],
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
      senderNotes,
    };
  });
  return {
    ...(notifyDate ? { notifyDate } : {}),
    ...(period ? { noticePeriod: period } : {}),
    ...(earliest ? { earliestEffectiveDate: earliest } : {}),
    ...(effectiveDate ? { effectiveDate } : {}),
    texts,
  };
}
