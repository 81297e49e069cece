import { messagesFor, type Language, type Messages } from '../i18n/messages.js';
import { textIn, type LocalisedText } from '../i18n/text-in.js';
import type { RetentionRuleSource } from '../policy/policy-types.js';
import { formatDuration, retentionPhrase } from '../render/retention-phrase.js';
import type { Diagnostic, LocalisedDiagnostic, MessageData, MessageRef, MessageValue } from './diagnostic.js';

/** One value in the message language: texts in that language, durations and retention rules written out. */
function renderValue(value: MessageValue, messages: Messages): string | number {
  if (typeof value !== 'object') return value;
  if ('duration' in value && typeof value.duration === 'string') return formatDuration(value.duration, messages);
  if ('retention' in value && typeof value.retention === 'object')
    return retentionPhrase(value.retention as RetentionRuleSource, messages);
  if ('message' in value && typeof value.message === 'object') return renderMessage(value.message, messages);
  if ('list' in value && Array.isArray(value.list)) {
    const separator = 'separator' in value && value.separator ? messages.t(value.separator) : ' ';
    return value.list.map((v) => renderValue(v, messages)).join(separator);
  }
  return textIn(value as LocalisedText, messages.lang);
}

/** The values of a message, each in the message language. */
export function renderData(data: MessageData | undefined, messages: Messages): Record<string, string | number> {
  return Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [k, renderValue(v, messages)]));
}

/** A message (locales/<lang>/…) with its values, in the language of `messages`. */
export function renderMessage(ref: MessageRef, messages: Messages): string {
  return ref.data === undefined ? messages.t(ref.messageId) : messages.t(ref.messageId, renderData(ref.data, messages));
}

/**
 * The one place a diagnostic's sentences are written: its message, its hint
 * (as `suggestion`) and the reason it was acknowledged, in `lang`, from
 * messageId and data. Reporters and the library API call it; stages never do.
 */
export function localiseDiagnostic(d: Diagnostic, lang: Language | Messages): LocalisedDiagnostic {
  const messages = typeof lang === 'string' ? messagesFor(lang) : lang;
  const { acknowledged, hint, ...rest } = d;
  return {
    ...rest,
    message: renderMessage(d, messages),
    ...(hint ? { hint, suggestion: renderMessage(hint, messages) } : {}),
    ...(acknowledged
      ? {
          acknowledged: {
            reason:
              typeof acknowledged.reason === 'string'
                ? acknowledged.reason
                : textIn(acknowledged.reason, messages.lang),
            source: acknowledged.source,
          },
        }
      : {}),
  };
}

export function localiseDiagnostics(
  diagnostics: readonly Diagnostic[],
  lang: Language | Messages,
): LocalisedDiagnostic[] {
  return diagnostics.map((d) => localiseDiagnostic(d, lang));
}
