import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type i18n, type TFunction, type TOptions } from 'i18next';
import { localesDir } from '../paths.js';
import { JoinedList } from './joined-list.js';
import { lawValues } from './law-values.js';
import { fillIn, simpleMessage, takesOptions, type SimpleMessage } from './simple-message.js';

export type Language = 'nl' | 'en';
export const languages: readonly Language[] = ['nl', 'en'];

/** Translation for one language. Keys are 'namespace:path.to.key'. */
export interface Messages {
  readonly lang: Language;
  t(key: string, options?: TOptions): string;
  /** True when the key exists for this language (used for optional variants). */
  has(key: string): boolean;
}

/** Dutch has a formal ('u') and an informal ('je') register; English ignores it. */
export type Formality = 'formal' | 'informal';

let instance: i18n | undefined;
const cache = new Map<string, Messages>();

function getInstance(): i18n {
  if (instance) return instance;
  const created = i18next.createInstance();
  void created.init({
    resources: {},
    lng: 'en',
    fallbackLng: false,
    ns: [DEFAULT_NS],
    defaultNS: DEFAULT_NS,
    initAsync: false,
    interpolation: { escapeValue: false, defaultVariables: lawValues },
    returnNull: false,
    returnEmptyString: false,
    // A missing key is a programming error: make it loud in output and tests.
    parseMissingKeyHandler: (key: string) => `⟦missing: ${key}⟧`,
  });
  for (const [name, format] of Object.entries(valueFormats)) created.services.formatter?.add(name, format);
  instance = created;
  return created;
}

/**
 * The formats messages give a value by name (`{{name, format}}`): `careSectors` writes a law value (law-values.ts)
 * in the language's words; `quoted` puts a value between the language's quotation marks, each item of a list.
 */
export const valueFormats = { careSectors, quoted: quotedValue } as const;

/** The messages of a formatter's language (English when i18next gives none it knows). */
const formatMessages = (lng: string | undefined): Messages =>
  messagesFor(isLanguage(lng ?? '') ? (lng as Language) : 'en');

/** Kinds of care provider (controller.careSector values) as a list in words: 'hospitals, GP out-of-hours posts and care groups'. */
function careSectors(value: unknown, lng: string | undefined): string {
  const m = formatMessages(lng);
  const ids = Array.isArray(value) ? (value as unknown[]) : [];
  return joinList(
    ids.map((id) => m.t(`terms:careSectorPlural.${String(id)}`)),
    m,
  );
}

const DEFAULT_NS = 'notice';
/** The namespaces read so far, as `<lang>/<namespace>`. */
const loaded = new Set<string>();

/**
 * The instance, with the namespace of `key` (what comes before its colon; notice without a
 * prefix) read for `lang`: each locales/<lang>/<namespace>.json is read on
 * its first use, so that a `check` reads the messages it prints and not the
 * notice's or the diff's. A message refers ($t) only to messages of its own
 * namespace (a summary's counted parts), so a key needs only its own namespace.
 */
function instanceFor(lang: string, key: string): i18n {
  const i18 = getInstance();
  const colon = key.indexOf(':');
  const ns = colon > 0 ? key.slice(0, colon) : DEFAULT_NS;
  if (!loaded.has(`${lang}/${ns}`)) {
    loaded.add(`${lang}/${ns}`);
    const file = path.join(localesDir, lang, `${ns}.json`);
    if (existsSync(file))
      i18.addResourceBundle(lang, ns, JSON.parse(readFileSync(file, 'utf8')) as object, false, false, {
        silent: true,
        skipCopy: true,
      });
  }
  return i18;
}

/**
 * Lookups with options (counts, names, periods) repeat within and across
 * policies; i18next's interpolation is a fifth of a warm build. Keyed on the
 * key and the options' JSON; emptied when full, so memory stays flat in N.
 * A policy adds about 80 entries of its own (its names, periods, counts):
 * 2,000 hold some 25 policies' worth (about 1 MB); 20,000 held 10 MB per
 * thread before the first emptying, a live set growing with N.
 */
class BoundedCache {
  private readonly entries = new Map<string, string>();
  constructor(private readonly limit = 2_000) {}

  get(key: string, options: TOptions, translate: () => string): string {
    let id: string;
    try {
      id = `${key}\u0000${JSON.stringify(options)}`;
    } catch {
      return translate();
    }
    let value = this.entries.get(id);
    if (value === undefined) {
      if (this.entries.size >= this.limit) this.entries.clear();
      this.entries.set(id, (value = translate()));
    }
    return value;
  }
}

/**
 * The messages of a language that are filled in without i18next (simple-message.ts), by key, read
 * once: null for a message only i18next can fill in (or a missing one, which i18next reports).
 */
function simpleMessages(lang: Language, fixed: TFunction, context: object): (key: string) => SimpleMessage | null {
  const simple = new Map<string, SimpleMessage | null>();
  return (key) => {
    let message = simple.get(key);
    if (message === undefined) {
      if (simple.size >= 20_000) simple.clear(); // keys are the code's, but keep memory flat whatever asks
      const text: unknown = storedText(lang, key, context) ?? textWithoutValues(lang, key, fixed, context);
      simple.set(key, (message = (typeof text === 'string' && text !== '' && simpleMessage(text)) || null));
    }
    return message;
  };
}

/** The message as written, placeholders and all, through i18next (a key storedText leaves to it); '' when missing. */
function textWithoutValues(lang: Language, key: string, fixed: TFunction, context: object): unknown {
  const exists = instanceFor(lang, key).exists(key, { lng: lang, ...context });
  return exists ? fixed(key, { ...context, skipInterpolation: true }) : '';
}

/** A key i18next reads as `namespace:path` or `path` (in notice) as it stands: no natural language, no nesting. */
const PLAIN_KEY = /^(?:([\w-]+):)?([\w/-]+(?:\.[\w/-]+)*)$/;

/**
 * The text of `key` as stored for `lang` (its informal variant first when the context asks for it), read
 * without i18next's translate: a policy's first lookups of some 400 keys through it were about a fifteenth
 * of a cold build. Undefined when i18next must answer: a key it might read otherwise, a missing or empty
 * text (its missing-key text), an object, a nested message.
 */
function storedText(lang: Language, key: string, context: { context?: string }): string | undefined {
  const match = PLAIN_KEY.exec(key);
  if (!match) return undefined;
  const i18 = instanceFor(lang, key);
  const ns = match[1] ?? DEFAULT_NS;
  const found: unknown =
    (context.context && i18.getResource(lang, ns, `${match[2]}_${context.context}`)) ||
    i18.getResource(lang, ns, match[2]!);
  return typeof found === 'string' && found !== '' && !found.includes('$t(') ? found : undefined;
}

/** The keys of the messages an object key holds ('terms:country' → 'terms:country.AT', …), as `lang` stores them. */
export function messageKeysUnder(key: string, lang: Language): string[] {
  const colon = key.indexOf(':');
  const ns = colon > 0 ? key.slice(0, colon) : DEFAULT_NS;
  const found: unknown = instanceFor(lang, key).getResource(lang, ns, key.slice(colon + 1));
  return found !== null && typeof found === 'object' ? Object.keys(found).map((k) => `${key}.${k}`) : [];
}

/** `lang`'s messages (see messagesFor), or the messages given: for functions that take either. */
export function messagesOf(lang: Language | Messages, formality: Formality = 'formal'): Messages {
  return typeof lang === 'string' ? messagesFor(lang, formality) : lang;
}

/**
 * Messages for one language. With formality 'informal', keys with an
 * '_informal' variant use it (i18next context); others fall back to the base.
 */
export function messagesFor(lang: Language, formality: Formality = 'formal'): Messages {
  const cacheKey = `${lang}/${formality}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const fixed = getInstance().getFixedT(lang);
  const context = formality === 'informal' ? { context: 'informal' } : {};
  // Most lookups (labels, headings) carry no options: resolve those once.
  const plain = new Map<string, string>();
  const withOptions = new BoundedCache();
  const simpleFor = simpleMessages(lang, fixed, context);
  // countryName asks for every country of every party: the answer per key never changes.
  const known = new Map<string, boolean>();
  const messages: Messages = {
    lang,
    t: (key, options) => {
      if (options) {
        const message = simpleFor(key);
        if (message && takesOptions(message, options)) return fillIn(message, options as Record<string, unknown>);
        return withOptions.get(key, options, () => {
          instanceFor(lang, key);
          return fixed(key, { ...context, ...options }) as string;
        });
      }
      let value = plain.get(key);
      if (value === undefined) {
        const stored = storedText(lang, key, context);
        if (stored !== undefined && !stored.includes('{{')) value = stored;
        else {
          instanceFor(lang, key);
          value = fixed(key, context) as string;
        }
        plain.set(key, value);
      }
      return value;
    },
    has: (key) => {
      let exists = known.get(key);
      if (exists === undefined) {
        if (known.size >= 20_000) known.clear(); // keys built from a policy's field names: keep memory flat
        known.set(key, (exists = instanceFor(lang, key).exists(key, { lng: lang })));
      }
      return exists;
    },
  };
  cache.set(cacheKey, messages);
  return messages;
}

/** 'a, b en c' / 'a, b and c'. */
export function joinList(items: readonly string[], m: Messages, conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return m.t(`terms:list.${conjunction}`, { head: joinItems(items.slice(0, -1), m), last: items[items.length - 1] });
}

/** 'a, b, c': the items of a list, each a thing of its own, without a conjunction (terms:list.items). */
export function joinItems(items: readonly string[], m: Messages): string {
  return items.join(m.t('terms:list.items'));
}

/** 'a; b; c': phrases that each hold a list or a clause of their own, run on in one line or bracket (terms:list.clauses). */
export function joinClauses(items: readonly string[], m: Messages): string {
  return items.join(m.t('terms:list.clauses'));
}

/** 'naam, e-mailadres, telefoon': the parts of one thing, each a line elsewhere, run on in one line (terms:punctuation.parts). */
export function joinParts(items: readonly string[], m: Messages): string {
  return items.join(m.t('terms:punctuation.parts'));
}

/** A message's values with each list among them joined as joinItems joins it ('a.html, b.html'). */
export function listsJoined(
  params: Readonly<Record<string, string | readonly string[]>>,
  m: Messages,
): Record<string, string> {
  const joined: Record<string, string> = {};
  for (const [name, value] of Object.entries(params))
    joined[name] = typeof value === 'string' ? value : joinItems(value, m);
  return joined;
}

/** 'Naam (toelichting)': a name or phrase with a note in brackets after it (terms:punctuation.note). */
export function withNote(text: string, note: string, m: Messages): string {
  return m.t('terms:punctuation.note', { text, note });
}

/** '“Naam”': a text quoted as it is written (terms:punctuation.quoted). */
export function quoted(text: string, m: Messages): string {
  return m.t('terms:punctuation.quoted', { text });
}

/**
 * `{{name, quoted}}`: a value as it is written, between the language's quotation marks (terms:punctuation.quoted),
 * so that the marks are the message's, not its value's; a list (JoinedList) item by item ('“a”, “b” en “c”').
 */
function quotedValue(value: unknown, lng: string | undefined): string {
  const m = formatMessages(lng);
  if (value instanceof JoinedList) return value.joinedAs((item) => quoted(item, m));
  return quoted(String(value), m);
}

/** 'Label: value': a label and what it labels, in one line (terms:punctuation.labelled). */
export function labelled(label: string, value: string, m: Messages): string {
  return m.t('terms:punctuation.labelled', { label, value });
}

/** 'Microsoft: de Verenigde Staten — <ground>': a phrase and a detail that follows it (terms:punctuation.detail). */
export function withDetail(text: string, detail: string, m: Messages): string {
  return m.t('terms:punctuation.detail', { text, detail });
}

export function isLanguage(value: string): value is Language {
  return (languages as readonly string[]).includes(value);
}

/** Whether a message key exists (the locales test keeps the key sets of every language equal). */
export function hasMessage(key: string): boolean {
  return instanceFor('en', key).exists(key, { lng: 'en' });
}
