import type { Language, Messages } from '../i18n/messages.js';
import type { LegalBasisId, RetentionRuleSource, SpecialConditionId, Text } from '../policy/policy-types.js';
import { countryName, joinList } from '../render/format.js';
import { legalBasisText, specialConditionText } from '../render/legal-text.js';
import { formatDuration, retentionPhrase } from '../render/retention-phrase.js';
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
  id: (v) => `“${String(v)}”`,
  duration: (v, m) => formatDuration(String(v), m),
  retention: (v, m) => retentionPhrase(v as RetentionRuleSource, m),
  country: (v, m) => countryName(String(v), m),
  basis: (v, m) => legalBasisText({ legalBasis: v as LegalBasisId }, m) ?? String(v),
  specialCondition: (v, m) => specialConditionText({ condition: v as SpecialConditionId }, m),
  specialCategory: (v, m) => m.t(`terms:specialCategory.${String(v)}`),
  mechanism: (v, m) => m.t(`terms:transferMechanism.${String(v)}`),
  recipientType: (v, m) => m.t(`terms:recipientType.${String(v)}`),
  careSector: (v, m) => m.t(`terms:careSector.${String(v)}`),
  right: (v, m) => m.t(`terms:right.${String(v)}.name`),
};

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

export function formatValue(value: Value | undefined, m: Messages): string {
  return value === undefined ? m.t('diff:none') : formatters[value.type](value.value, m);
}

/** 'contact.email' → 'contactgegevens, e-mail': each segment by its label where there is one. */
export function fieldLabel(field: string | undefined, m: Messages): string {
  if (!field) return '';
  return field
    .split('.')
    .filter((part) => part !== '*')
    .map((part) => (m.has(`diff:field.${part}`) ? m.t(`diff:field.${part}`) : part))
    .join(', ');
}

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

/** The sentence for a kind; a value stated for the first time, or no longer, has its own where the words need it. */
function changeSentence(change: Change, kind: string, vars: Record<string, string>, m: Messages): string | undefined {
  const variant = change.old === undefined ? 'New' : change.new === undefined ? 'Gone' : '';
  const key = [`diff:sentence.${kind}${variant}`, `diff:sentence.${kind}`].find((k) => m.has(k));
  return key === undefined ? undefined : m.t(key, vars);
}

/** The change written out in one language. */
export function changeWords(change: Change, m: Messages): ChangeWords {
  const language = wordingLanguage(change, m.lang);
  const inLanguage = (v: Value | undefined): string =>
    v === undefined ? m.t('diff:none') : language ? textIn(v.value, language) : formatValue(v, m);
  const vars = {
    subject: formatValue(change.subject, m),
    field: fieldLabel(change.field, m),
    old: inLanguage(change.old),
    new: inLanguage(change.new),
  };
  const generic = change.kind === 'wording' || change.kind === 'changed';
  const key = generic && change.subject ? `diff:kind.${change.kind}Of` : `diff:kind.${change.kind}`;
  const summary = m.t(key, vars);
  return {
    summary: capitalise(summary),
    sentence: finishSentence(changeSentence(change, key.replace('diff:kind.', ''), vars, m) ?? `${summary}.`),
    ...(change.old !== undefined ? { before: vars.old } : {}),
    ...(change.new !== undefined ? { after: vars.new } : {}),
    ...(language ? { language } : {}),
  };
}
