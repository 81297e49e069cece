import { hasMessage, type Messages } from '../i18n/messages.js';
import type { MessageRef, MessageValue } from './diagnostic.js';
import { renderMessage } from './render-message.js';

/**
 * A Node error as a message in the message language, the code kept in it ('geen toegang (EACCES):
 * '../base.json''), its path as `shown` gives it (the path as the user wrote it); English reads as Node writes
 * it. Undefined for an error without a described code (one with a sentence of its own in each message language,
 * cli:systemError.reason.<code>: Node writes its errors in English only): its own text is all there is.
 */
function systemErrorMessage(error: unknown, shown: (file: string) => string = same): MessageRef | undefined {
  const { code, syscall, path, dest } = (error ?? {}) as SystemError;
  const messageId = `cli:systemError.reason.${String(code)}`;
  if (typeof code !== 'string' || !hasMessage(messageId)) return undefined;
  const reason = { message: { messageId } };
  if (typeof syscall !== 'string') return { messageId: 'cli:systemError.plain', data: { code, reason } };
  if (typeof path !== 'string') return { messageId: 'cli:systemError.call', data: { code, reason, syscall } };
  const data = { code, reason, syscall, path: shown(path) };
  return typeof dest === 'string'
    ? { messageId: 'cli:systemError.paths', data: { ...data, dest: shown(dest) } }
    : { messageId: 'cli:systemError.path', data };
}
const same = (file: string): string => file;

/** What Node gives a failed system call: a rename's or a copy's second path as `dest`. */
type SystemError = Partial<NodeJS.ErrnoException> & { dest?: unknown };

/** A Node error as a diagnostic's value: its sentence in the language the diagnostic is reported in, or Node's text. */
export function systemErrorValue(error: unknown, shown?: (file: string) => string): MessageValue {
  const message = systemErrorMessage(error, shown);
  return message ? { message } : errorText(error, shown);
}

/** A Node error in the language of `messages`, for a sentence written now: its sentence, or Node's text. */
export function systemErrorText(error: unknown, messages: Messages, shown?: (file: string) => string): string {
  const message = systemErrorMessage(error, shown);
  return message ? renderMessage(message, messages) : errorText(error, shown);
}

/** Why a Node error happened, in the language of `messages` ('permission denied'), or Node's text without a described code. */
export function systemReason(error: unknown, messages: Messages): string {
  const messageId = `cli:systemError.reason.${String((error as SystemError | undefined)?.code)}`;
  return hasMessage(messageId) ? renderMessage({ messageId }, messages) : errorText(error);
}

/** Node's own text, with the paths it names as `shown` gives them. */
function errorText(error: unknown, shown?: (file: string) => string): string {
  const { message, path, dest } = (error ?? {}) as SystemError;
  let text = typeof message === 'string' ? message : String(error);
  if (shown)
    for (const file of [path, dest])
      if (typeof file === 'string' && file !== '') text = text.split(file).join(shown(file));
  return text;
}
