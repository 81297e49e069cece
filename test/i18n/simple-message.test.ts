import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { lawValues } from '../../src/i18n/law-values.js';
import { valueFormats, messagesFor, type Formality, type Language } from '../../src/i18n/messages.js';
import { fillIn, simpleMessage, takesOptions } from '../../src/i18n/simple-message.js';

const localesDir = path.resolve(import.meta.dirname, '../../locales');

/** Every message of a language, as 'namespace:path.to.key' → text. */
function localeTexts(lang: Language): Map<string, string> {
  const texts = new Map<string, string>();
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') texts.set(key, value);
    else if (value && typeof value === 'object')
      for (const [name, child] of Object.entries(value)) walk(child, key.endsWith(':') ? key + name : `${key}.${name}`);
  };
  for (const file of readdirSync(path.join(localesDir, lang)).filter((f) => f.endsWith('.json')))
    walk(JSON.parse(readFileSync(path.join(localesDir, lang, file), 'utf8')), `${file.slice(0, -5)}:`);
  return texts;
}

/** i18next alone, set up as messages.ts sets it up, every namespace of both languages loaded: the reference. */
function referenceT(lang: Language): TFunction {
  const instance = i18next.createInstance();
  const resources: Record<string, Record<string, object>> = {};
  for (const l of ['nl', 'en']) {
    resources[l] = {};
    for (const file of readdirSync(path.join(localesDir, l)).filter((f) => f.endsWith('.json')))
      resources[l][file.slice(0, -5)] = JSON.parse(readFileSync(path.join(localesDir, l, file), 'utf8'));
  }
  void instance.init({
    resources,
    lng: lang,
    fallbackLng: false,
    ns: Object.keys(resources.en!),
    defaultNS: 'notice',
    initAsync: false,
    interpolation: { escapeValue: false, defaultVariables: lawValues },
    returnNull: false,
    returnEmptyString: false,
    parseMissingKeyHandler: (key: string) => `⟦missing: ${key}⟧`,
  });
  for (const [name, format] of Object.entries(valueFormats)) instance.services.formatter?.add(name, format);
  return instance.getFixedT(lang);
}

/** Values that would go wrong if anything in them were read again, or written any other way. */
const hostile: unknown[] = [
  '{{appliesTo}} and {{basis}}',
  '$t(notice:title) $t(terms:list.and)',
  '{{- basis}}}} a}}b {{',
  '',
  0,
  42,
  null,
  undefined,
  false,
  ['a', 'b'],
  { toString: () => 'object' },
];

/** Option sets for a message's names: every name, some left out, an extra name, an option i18next reads. */
function optionSets(names: readonly string[], round: number): Array<Record<string, unknown>> {
  const all = Object.fromEntries(names.map((name, i) => [name, hostile[(i + round) % hostile.length]]));
  const some = Object.fromEntries(names.filter((_, i) => i % 2 === round % 2).map((name) => [name, `<${name}>`]));
  return [all, some, { ...all, unrelated: 'x' }, { ...all, count: 2 }, { ...all, lng: 'nl' }];
}

/**
 * The option sets of all three rounds, each once. A message without names gets the same four sets in every
 * round ({} twice in each), and the half of the names a round leaves out depends only on its parity: a
 * repeated set is the same call of the same functions again, and it was 43% of the lookups.
 */
function distinctOptionSets(names: readonly string[]): Array<Record<string, unknown>> {
  const seen = new Set<string>();
  const sets: Array<Record<string, unknown>> = [];
  for (let round = 0; round < 3; round++)
    for (const options of optionSets(names, round)) {
      // A hostile value by its place in the list (undefined, null and the objects have no JSON of their own).
      const id = JSON.stringify(Object.entries(options).map(([k, v]) => [k, hostile.indexOf(v), String(v)]));
      if (!seen.has(id)) sets.push(options);
      seen.add(id);
    }
  return sets;
}

/**
 * expect(actual, label()).toBe(expected), the label (the options as JSON) and the assertion built only for a
 * mismatch: the loop below compares some 140,000 pairs, and building each label and assertion cost as much
 * CPU as the lookups themselves.
 */
function expectSame(actual: unknown, expected: unknown, label: () => string): void {
  if (!Object.is(actual, expected)) expect(actual, label()).toBe(expected);
}

describe('simpleMessage: messages filled in without i18next', () => {
  it('gives what i18next gives for every message in locales/, in both languages and registers', () => {
    let fast = 0;
    for (const lang of ['nl', 'en'] as const) {
      const reference = referenceT(lang);
      for (const formality of ['formal', 'informal'] as Formality[]) {
        const messages = messagesFor(lang, formality);
        const context = formality === 'informal' ? { context: 'informal' } : {};
        for (const [key, text] of localeTexts(lang)) {
          const names = [...text.matchAll(/\{\{(.+?)\}\}/g)].map((m) => m[1]!.trim());
          for (const options of distinctOptionSets(names)) {
            const expected = reference(key, { ...context, ...options });
            const label = (): string => `${lang} ${formality} ${key} ${JSON.stringify(options)}`;
            expectSame(messages.t(key, options), expected, label);
            const message = simpleMessage(text);
            if (message && takesOptions(message, options) && !key.includes('_')) {
              fast++;
              if (formality === 'formal') expectSame(fillIn(message, options), expected, label);
            }
          }
        }
      }
    }
    // Most messages with values take the fast path: the comparison above is not only of i18next with itself.
    expect(fast).toBeGreaterThan(1000);
    // Every message × 4 registers × its distinct option sets (4 to 14) through i18next: about 6 s of CPU alone.
  }, 120_000);

  it('leaves to i18next what only it does: nesting, unescaped values, formats, paths and its own options', () => {
    expect(simpleMessage('see $t(notice:title) for {{x}}')).toBeUndefined();
    expect(simpleMessage('{{- html}}')).toBeUndefined();
    expect(simpleMessage('{{amount, number}}')).toBeUndefined();
    expect(simpleMessage('{{party.name}}')).toBeUndefined();
    expect(simpleMessage('{{count}} days')).toBeUndefined();
    expect(simpleMessage('{{lng}}')).toBeUndefined();
    const message = simpleMessage('{{ a }}: {{b}}.')!;
    expect(message.names).toEqual(['a', 'b']);
    expect(takesOptions(message, { a: 1, context: 'informal' })).toBe(false);
    expect(fillIn(message, { a: '{{b}}' })).toBe('{{b}}: {{b}}.');
    expect(fillIn(message, { a: undefined, b: null })).toBe(': .');
  });
});

describe('messagesFor: texts looked up without values', () => {
  it('gives what i18next gives for every key in locales/, in both languages and registers, and for keys it reads otherwise', () => {
    const odd = [
      'notice:no.such.key',
      'no-namespace:title',
      'notice:title:extra',
      'terms:list and more',
      'a, b?',
      'rules:no/such.message',
    ];
    for (const lang of ['nl', 'en'] as const) {
      const reference = referenceT(lang);
      for (const formality of ['formal', 'informal'] as Formality[]) {
        const messages = messagesFor(lang, formality);
        const context = formality === 'informal' ? { context: 'informal' } : {};
        for (const key of [...localeTexts(lang).keys(), ...odd])
          expect(messages.t(key), `${lang} ${formality} ${key}`).toBe(reference(key, context));
      }
    }
  });
});
