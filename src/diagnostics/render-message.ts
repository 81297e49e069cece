import { JoinedList } from '../i18n/joined-list.js';
import { joinList, messagesOf, type Language, type Messages } from '../i18n/messages.js';
import { textIn, type LocalisedText } from '../i18n/text-in.js';
import type { RetentionRuleSource } from '../policy/policy-types.js';
import { formatDuration, retentionPhrase } from '../render/retention-phrase.js';
import { formatReference } from './format-reference.js';
import type {
  Diagnostic,
  LocalisedDiagnostic,
  MessageData,
  MessageRef,
  MessageValue,
  RelatedLocation,
} from './diagnostic.js';

/** A value as a message takes it: a string or number, or a list (joined where the message names it). */
type RenderedValue = string | number | JoinedList;

/**
 * One value in the message language: texts in that language, durations and retention rules written out, a list's
 * items each so. How a value is set in the sentence (quoted, say) is the message's (`{{name, quoted}}`), not the value's.
 */
function renderValue(value: MessageValue, messages: Messages): RenderedValue {
  if (typeof value !== 'object') return value;
  if ('duration' in value && typeof value.duration === 'string') return formatDuration(value.duration, messages);
  if ('retention' in value && typeof value.retention === 'object')
    return retentionPhrase(value.retention as RetentionRuleSource, messages);
  if ('message' in value && typeof value.message === 'object') return renderMessage(value.message, messages);
  if ('list' in value && Array.isArray(value.list)) {
    const items = value.list.map((v) => String(renderValue(v, messages)));
    // 'a, b en c' / 'a, b and c' (terms:list.and), or the items with the separator given.
    const { conjunction, separator } = value as { conjunction?: 'and' | 'or'; separator?: string };
    if (conjunction) return new JoinedList(items, (written) => joinList(written, messages, conjunction));
    const between = separator ? messages.t(separator) : ' ';
    return new JoinedList(items, (written) => written.join(between));
  }
  return textIn(value as LocalisedText, messages.lang);
}

/** The values of a message, each in the message language. */
function renderData(data: MessageData | undefined, messages: Messages): Record<string, RenderedValue> {
  return Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [k, renderValue(v, messages)]));
}

/** A message (locales/<lang>/…) with its values, in the language of `messages`. */
export function renderMessage(ref: MessageRef, messages: Messages): string {
  return ref.data === undefined ? messages.t(ref.messageId) : messages.t(ref.messageId, renderData(ref.data, messages));
}

/** A diagnostic's sentences in one language: its message, hint and acknowledgement reason (see localiseDiagnostic). */
export interface DiagnosticTexts {
  message: string;
  suggestion?: string;
  reason?: string;
  /** The legal reference as the language cites it ('art. 12, lid 1, AVG' in Dutch, 'GDPR 12(1)' in English). */
  citation?: string;
  /** The sentence of each of the diagnostic's related locations, with its position. */
  related?: string[];
}

/**
 * The one place a diagnostic's sentences are written: its message, its hint
 * (as `suggestion`) and the reason it was acknowledged, in the language of
 * `messages`, from messageId and data. Plain strings, cheap to pass between
 * threads and to store with a build's cache (see withTexts).
 */
export function diagnosticTexts(d: Diagnostic, messages: Messages): DiagnosticTexts {
  const reason = d.acknowledged?.reason;
  return {
    message: withPolicies(renderMessage(d, messages), d, messages),
    ...(d.hint ? { suggestion: renderMessage(d.hint, messages) } : {}),
    ...(reason !== undefined ? { reason: typeof reason === 'string' ? reason : textIn(reason, messages.lang) } : {}),
    ...(d.article !== undefined ? { citation: formatReference(d.article, messages) } : {}),
    ...(d.related ? { related: d.related.map((r) => relatedText(r, messages)) } : {}),
  };
}

/** A related location's sentence, its position given as `at` ('node_modules/policyc/presets/other.json:116:7'). */
function relatedText(r: RelatedLocation, messages: Messages): string {
  return messages.t(r.messageId, { ...renderData(r.data, messages), at: `${r.file}:${r.line}:${r.column}` });
}

/** The related locations with their sentences (`texts`, from relatedText), for a localised diagnostic. */
function relatedWithTexts(related: readonly RelatedLocation[], texts: readonly string[] | undefined) {
  return related.map((r, i) => ({ ...r, message: texts?.[i] ?? '' }));
}

/** The most policies a finding in a shared base names; it says how many more there are. */
const POLICIES_NAMED = 3;

/** A message about a base, followed by the policy (or policies) it was found for. */
function withPolicies(message: string, d: Diagnostic, messages: Messages): string {
  if (d.policies && d.policies.length > 1) return `${message} ${policiesPhrase(d.policies, messages)}`;
  const policy = d.policy ?? d.policies?.[0];
  return policy === undefined ? message : `${message} ${messages.t('diagnostics:forPolicy', { policy })}`;
}

/** '(for 300 policies: a, b, c and 297 more)': the policies a finding in a shared base was found for, the first few named. */
function policiesPhrase(policies: readonly string[], messages: Messages): string {
  const named = policies.slice(0, POLICIES_NAMED);
  const more = policies.length - named.length;
  const key = `diagnostics:forPolicies${more > 0 ? 'More' : ''}`;
  return messages.t(key, { count: policies.length, list: policyList(named, more, messages), more });
}

/** Policies named in a message: 'a, b and c' ('a, b en c') when they are all, 'a, b, c' before 'and 297 more'. */
export function policyList(named: readonly string[], more: number, messages: Messages): string {
  return more > 0 ? named.join(messages.t('diagnostics:policySeparator')) : joinList(named, messages);
}

/** The diagnostic with its sentences: `texts` must be diagnosticTexts of this diagnostic, in one language. */
export function withTexts(d: Diagnostic, texts: DiagnosticTexts): LocalisedDiagnostic {
  const { acknowledged, hint, related, ...rest } = d;
  return {
    ...rest,
    ...(texts.citation !== undefined ? { citation: texts.citation } : {}),
    message: texts.message,
    ...(hint ? { hint, suggestion: texts.suggestion ?? '' } : {}),
    ...(acknowledged ? { acknowledged: { reason: texts.reason ?? '', source: acknowledged.source } } : {}),
    ...(related ? { related: relatedWithTexts(related, texts.related) } : {}),
  };
}

/**
 * withTexts for a diagnostic the caller owns (just parsed, say): it is given
 * its sentences in place, which saves a copy of each of many diagnostics.
 * Its properties end in the order withTexts gives them.
 */
export function giveTexts(d: Diagnostic, texts: DiagnosticTexts): LocalisedDiagnostic {
  const { acknowledged, hint, related } = d;
  const target = d as Partial<LocalisedDiagnostic> & Diagnostic;
  if (hint) delete target.hint;
  if (acknowledged) delete target.acknowledged;
  if (related) delete target.related;
  if (texts.citation !== undefined) target.citation = texts.citation;
  target.message = texts.message;
  if (hint) Object.assign(target, { hint, suggestion: texts.suggestion ?? '' });
  if (acknowledged) target.acknowledged = { reason: texts.reason ?? '', source: acknowledged.source };
  if (related) (target as Partial<LocalisedDiagnostic>).related = relatedWithTexts(related, texts.related);
  return target as LocalisedDiagnostic;
}

/**
 * A diagnostic with its sentences written in `lang`, from messageId and data.
 * Reporters and the library API call it; stages never do.
 */
export function localiseDiagnostic(d: Diagnostic, lang: Language | Messages): LocalisedDiagnostic {
  return withTexts(d, diagnosticTexts(d, messagesOf(lang)));
}

export function localiseDiagnostics(
  diagnostics: readonly Diagnostic[],
  lang: Language | Messages,
): LocalisedDiagnostic[] {
  return diagnostics.map((d) => localiseDiagnostic(d, lang));
}
