import { AsyncLocalStorage } from 'node:async_hooks';
import { messagesFor, type Language, type Messages } from '../i18n/messages.js';

/** The message language of the CLI run in progress (runCli), changed once the run knows it. */
const current = new AsyncLocalStorage<{ lang: Language }>();

/** The language of the run in progress: English until it is known, and outside a run. */
function language(): Language {
  return current.getStore()?.lang ?? 'en';
}

/**
 * The CLI's own sentences (locales/<lang>/cli.json, and the diff's and diagnostics' messages the CLI prints
 * itself) in the message language of the run in progress. Kept per run, not per process: tests run several
 * CLI runs at once in one process, in different languages.
 */
export const cli: Messages = {
  get lang() {
    return language();
  },
  t: (key, options) => messagesFor(language()).t(key, options),
  has: (key) => messagesFor(language()).has(key),
};

/** Runs one CLI run with its message language English until `useCliLanguage` says otherwise. */
export function inCliRun<T>(run: () => Promise<T>): Promise<T> {
  return current.run({ lang: 'en' }, run);
}

/** From here on in this run, the CLI's sentences are in `lang` (--message-lang, or the config file's). */
export function useCliLanguage(lang: Language): void {
  const store = current.getStore();
  if (store) store.lang = lang;
}

/**
 * Messages the CLI gives as one (a refusal and its hints, a did-you-mean after an error), joined as the message
 * language joins them (cli:messageSeparator); an empty or missing one is left out.
 */
export function joinMessages(messages: ReadonlyArray<string | undefined>): string {
  return messages.filter((m): m is string => Boolean(m)).join(cli.t('cli:messageSeparator'));
}

/** A usage error's message with its did-you-mean, when there is a guess. */
export const withDidYouMean = (message: string, guess: string | undefined): string =>
  joinMessages([message, guess && cli.t('diagnostics:didYouMean', { value: guess })]);
