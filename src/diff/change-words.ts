import type { Language, Messages } from '../i18n/messages.js';
import type {
  LawReference,
  LegalBasisId,
  RetentionRuleSource,
  SpecialConditionId,
  Text,
} from '../policy/policy-types.js';
import { countryName, formatDate, joinList, lowerFirst, quoted, withNote } from '../render/format.js';
import { legalBasisText, specialConditionText } from '../render/legal-text.js';
import { formatDuration, formatLawReference, retentionPhrase } from '../render/retention-phrase.js';
import { FILL_IN, fillInWhatKey } from '../validate/fill-in-markers.js';
import type { Change, Value, ValueType } from './change.js';

/** A change in words, in one language. */
export interface ChangeWords {
  /** One line: 'Bewaartermijn Medische gegevens: 15 jaar → 20 jaar'. */
  summary: string;
  /** The same as one plain sentence: 'De bewaartermijn Medische gegevens wordt langer: 20 jaar in plaats van 15 jaar.' */
  sentence: string;
  /** The value before and after, in words (for wording changes, the texts themselves). */
  before?: string;
  after?: string;
  /** For a wording change given in another language than the report's: that language. */
  language?: Language;
}

type Formatter = (value: unknown, m: Messages) => string;

/** How each type of value is written out; legal terms come from locales/<lang>/terms.json. */
const formatters: Record<ValueType, Formatter> = {
  text: (v, m) => textIn(v, m.lang),
  literal: (v, m) =>
    Array.isArray(v)
      ? joinList(
          v.map((x) => literal(x, m)),
          m,
        )
      : literal(v, m),
  id: (v, m) => quoted(String(v), m),
  duration: (v, m) => formatDuration(String(v), m),
  retention: (v, m) => retentionPhrase(v as RetentionRuleSource, m),
  country: (v, m) => countryName(String(v), m),
  basis: (v, m) => lowerFirst(legalBasisText({ legalBasis: v as LegalBasisId }, m) ?? String(v)),
  specialCondition: (v, m) => lowerFirst(specialConditionText({ condition: v as SpecialConditionId }, m)),
  // One category or, since a data category may hold several, a list of them: 'gegevens over gezondheid en …'.
  specialCategory: (v, m) =>
    joinList(
      [v].flat().map((s) => m.t(`terms:specialCategory.${String(s)}`)),
      m,
    ),
  mechanism: (v, m) => m.t(`terms:transferMechanism.${String(v)}`),
  recipientType: (v, m) => lowerFirst(m.t(`terms:recipientType.${String(v)}`)),
  careSector: (v, m) => lowerFirst(m.t(`terms:careSector.${String(v)}`)),
  right: (v, m) => m.t(`terms:right.${String(v)}.name`),
  name: (v, m) => lowerArticle(textIn(v, m.lang), m),
  law: (v, m) => (m.has(`terms:law.${String(v)}.name`) ? m.t(`terms:law.${String(v)}.name`) : String(v)),
  lawReference: (v, m) => formatLawReference(v as LawReference, m),
  authority: (v, m) =>
    m.has(`terms:authority.${String(v)}.name`) ? m.t(`terms:authority.${String(v)}.name`) : String(v),
  requirement: (v, m) => m.t(`diff:value.requirement.${String(v)}`),
  language: (v, m) => m.t(`terms:language.${String(v)}`),
  date: (v, m) => formatDate(String(v), m),
  transfer: (v, m) => transferWords(v as { mechanism?: string; countries?: string[] }, m),
  flag: (v, m) => m.t(v === true ? 'diff:value.yes' : 'diff:value.no'),
};

/** A safeguard and the countries it covers: 'Standaardbepalingen … (Verenigde Staten)'. */
function transferWords(v: { mechanism?: string; countries?: string[] }, m: Messages): string {
  const mechanism = v.mechanism ? m.t(`terms:transferMechanism.${v.mechanism}`) : m.t('diff:none');
  const countries = (v.countries ?? []).map((c) => countryName(c, m));
  return countries.length ? withNote(mechanism, joinList(countries, m), m) : mechanism;
}

/** A list of such values: each worded, joined as a list ('Nederland en de Verenigde Staten'). */
const each =
  (format: Formatter): Formatter =>
  (v, m) =>
    Array.isArray(v)
      ? joinList(
          v.map((x) => format(x, m)),
          m,
        )
      : format(v, m);

/**
 * A name in the middle of a sentence: a leading article is written in lower case
 * ('Wij bewaren het medisch dossier'), a name that is a proper name ('De Linde B.V.') is not.
 */
function lowerArticle(name: string, m: Messages): string {
  const articles = m.t('diff:value.articles').split('|');
  const match = /^(\S+)(\s+)(\S)/u.exec(name);
  if (!match || !articles.includes(match[1]!) || match[3] !== match[3]!.toLowerCase()) return name;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function literal(v: unknown, m: Messages): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && isTextLike(v)) return textIn(v, m.lang);
  return JSON.stringify(v);
}

const isTextLike = (v: object): boolean => Object.values(v).every((x) => typeof x === 'string');

/** Text in the language asked for, else in the first language it has. */
function textIn(v: unknown, lang: Language): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map((x) => textIn(x, lang)).join(' · ');
  const text = (v ?? {}) as Text;
  return text[lang] ?? Object.values(text)[0] ?? '';
}

/**
 * A placeholder policyc init wrote ("FILL-IN:kvk-number") as such: 'still to be filled in: the practice's
 * Chamber of Commerce (KvK) number…', never as a name, a country or a date; undefined for any other value.
 */
export function placeholderWords(value: unknown, m: Messages): string | undefined {
  if (typeof value !== 'string' || !value.startsWith(FILL_IN)) return undefined;
  return m.t('diff:value.fillIn', { what: m.t(fillInWhatKey(value.slice(FILL_IN.length))) });
}

/** A formatter that writes a placeholder as such, whether the value is one or its words are (a text in one language). */
const placeholderAware =
  (format: Formatter): Formatter =>
  (v, m) => {
    const words = placeholderWords(v, m) ?? format(v, m);
    return placeholderWords(words, m) ?? words;
  };

export function formatValue(value: Value | undefined, m: Messages): string {
  if (value === undefined) return m.t('diff:none');
  const format = placeholderAware(formatters[value.type]);
  return value.type === 'text' || value.type === 'literal' || value.type === 'name'
    ? format(value.value, m)
    : each(format)(value.value, m);
}

/** 'contact.email' → 'contactgegevens, e-mail': each segment by its label where there is one. */
export function fieldLabel(field: string | undefined, m: Messages): string {
  if (!field) return '';
  return field
    .split('.')
    .filter((part) => part !== '*')
    .map((part) => partLabel(part, m))
    .join(', ');
}

/** One step of a path: a property by its label, a right (rights.notes.erasure) by its name, a language by its name. */
function partLabel(part: string, m: Messages): string {
  const key = [`diff:field.${part}`, `terms:right.${part}.name`, `terms:language.${part}`].find((k) => m.has(k));
  // A right's or language's name is a noun in the middle of the words ('toelichting, gegevens laten wissen').
  return key ? (key.startsWith('diff:') ? m.t(key) : lowerFirst(m.t(key))) : part;
}

/** A yes/no property changed: its own sentence ('Declareren is voortaan direct marketing'); none when it was dropped. */
function flagSentence(change: Change, m: Messages): string | undefined {
  if ((change.new ?? change.old)?.type !== 'flag' || change.new === undefined) return undefined;
  const property = change.field?.split('.').pop() ?? '';
  const key = `diff:flag.${property}.${String(change.new.value === true)}`;
  const subject = change.subject ? formatValue(change.subject, m) : m.t('diff:value.organisation');
  return m.has(key) ? m.t(key, { subject }) : undefined;
}

/** The words a sentence about a change is filled with: its subject, field, old and new value. */
export function changeVars(change: Change, m: Messages): Record<'subject' | 'field' | 'old' | 'new', string> {
  return {
    subject: formatValue(change.subject, m),
    field: fieldLabel(ownField(change), m),
    old: formatValue(change.old, m),
    new: formatValue(change.new, m),
  };
}

/** 'Dat is voor: Behandeling.': the purposes a new party serves. */
function usedForWords(change: Change, m: Messages): string {
  if (!change.usedFor?.length) return '';
  return m.t('diff:usedFor', {
    purposes: joinList(
      change.usedFor.map((v) => formatValue(v, m)),
      m,
    ),
  });
}

/** The field as a sentence names it: the controller's own details without 'controller' again ('The controller's name'). */
const ownField = (change: Change): string | undefined =>
  change.kind === 'controller-changed' ? change.field?.replace(/^controller\./, '') : change.field;

/** The language in which a text changed: the report's, or else the first that differs. */
function wordingLanguage(change: Change, lang: Language): Language | undefined {
  const before = change.old?.value;
  const after = change.new?.value;
  if (
    change.kind !== 'wording' ||
    typeof before !== 'object' ||
    typeof after !== 'object' ||
    Array.isArray(before) ||
    Array.isArray(after)
  )
    return undefined;
  const b = (before ?? {}) as Text;
  const a = (after ?? {}) as Text;
  if (b[lang] !== a[lang]) return undefined;
  return ([...new Set([...Object.keys(a), ...Object.keys(b)])] as Language[]).find((l) => b[l] !== a[l]);
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A sentence as written out: capitalised, and a name that ends in a full stop ('Inc.') not followed by a second one. */
export const finishSentence = (text: string): string => capitalise(text).replace(/\.\.(\s|$)/g, '.$1');

/** A value no longer stated: 'Gone', or 'GoneInWords' for a legal basis now given in words only (Change.inWords). */
export const goneVariant = (change: Change): string => (change.inWords ? 'GoneInWords' : 'Gone');

/**
 * The sentence for a kind; a value stated for the first time, or no longer, has its own where the words need it,
 * and so has a country of a party new in this version (not 'now also'). A field whose labels would make no
 * sentence ('Functionaris voor gegevensbescherming, naam wordt …') has its own (diff:fieldSentence.<field>).
 */
function changeSentence(change: Change, kind: string, vars: Record<string, string>, m: Messages): string | undefined {
  const variant = change.old === undefined ? 'New' : change.new === undefined ? goneVariant(change) : '';
  const party = change.newParty ? [`diff:sentence.${kind}NewParty`] : [];
  const field =
    change.field && !kind.startsWith('wording') ? [`diff:fieldSentence.${change.field}.changed${variant}`] : [];
  const key = [...party, ...field, `diff:sentence.${kind}${variant}`, `diff:sentence.${kind}`].find((k) => m.has(k));
  return key === undefined ? undefined : m.t(key, vars);
}

/** The change written out in one language. */
export function changeWords(change: Change, m: Messages): ChangeWords {
  const language = wordingLanguage(change, m.lang);
  const inLanguage = (v: Value | undefined): string =>
    v === undefined ? m.t('diff:none') : language ? textIn(v.value, language) : formatValue(v, m);
  const vars = {
    subject: formatValue(change.subject, m),
    field: fieldLabel(ownField(change), m),
    old: inLanguage(change.old),
    new: inLanguage(change.new),
  };
  const generic = change.kind === 'wording' || change.kind === 'changed';
  const key = generic && change.subject ? `diff:kind.${change.kind}Of` : `diff:kind.${change.kind}`;
  const summary = m.t(key, vars);
  return {
    summary: capitalise(summary),
    sentence: finishSentence(
      [
        flagSentence(change, m) ?? changeSentence(change, key.replace('diff:kind.', ''), vars, m) ?? `${summary}.`,
        usedForWords(change, m),
      ]
        .filter(Boolean)
        .join(' '),
    ),
    ...(change.old !== undefined ? { before: vars.old } : {}),
    ...(change.new !== undefined ? { after: vars.new } : {}),
    ...(language ? { language } : {}),
  };
}
