import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import { hasMessage } from '../../src/i18n/messages.js';
import { miniPolicy, positionIn } from '../support/mini-policy.js';
import { repoRoot } from '../support/cli.js';
import type { PolicySource } from '../../src/policy/policy-types.js';

/** The policy as 2-space JSON, analysed in `lang`: its one diagnostic of `ruleId`, and the text. */
function only(policy: PolicySource, ruleId: string, lang: 'en' | 'nl' = 'en') {
  const text = JSON.stringify(policy, null, 2);
  const { diagnostics } = analysePolicy(text, 'policy.json', lang);
  const found = diagnostics.filter((d) => d.ruleId === ruleId);
  expect(found, JSON.stringify(diagnostics, null, 2)).toHaveLength(1);
  return { d: found[0]!, text };
}

const withKvk = (kvk: string): PolicySource => {
  const policy = miniPolicy();
  policy.controller.kvkNumber = kvk;
  return policy;
};
const withDate = (date: string): PolicySource => {
  const policy = miniPolicy();
  (policy.metadata as { effectiveDate?: string }).effectiveDate = date;
  return policy;
};

describe('a value of the wrong form: what the field needs and what was given, in words, never a regular expression', () => {
  it.each([
    ['5123456', '"5123456" must be a KvK number: 8 digits and nothing else; it has 7 digits'],
    ['1234 5678', '"1234 5678" must be a KvK number: 8 digits and nothing else; it has 8 digits'],
    ['KvK 123456789', '"KvK 123456789" must be a KvK number: 8 digits and nothing else; it has 9 digits'],
  ])('a KvK number %j', (kvk, message) => {
    const { d, text } = only(withKvk(kvk), 'schema/pattern');
    expect(d.message).toBe(message);
    expect(d.pointer).toBe('/controller/kvkNumber');
    expect({ line: d.line, column: d.column }).toEqual(positionIn(text, JSON.stringify(kvk)));
  });

  it('a KvK number in Dutch, and the other controller’s KvK number too', () => {
    const { d } = only(withKvk('5123456'), 'schema/pattern', 'nl');
    expect(d.message).toBe('"5123456" moet een KvK-nummer zijn: 8 cijfers en verder niets; het heeft er 7');
    const policy = miniPolicy();
    policy.controllers = [{ id: 'lab', name: 'Lab B.V.', kvkNumber: '1234567' }];
    const other = only(policy, 'schema/pattern');
    expect(other.d.message).toBe('"1234567" must be a KvK number: 8 digits and nothing else; it has 7 digits');
    expect(other.d.pointer).toBe('/controllers/0/kvkNumber');
    expect({ line: other.d.line, column: other.d.column }).toEqual(positionIn(other.text, '"1234567"'));
  });

  it('a telephone number with words in it', () => {
    const policy = miniPolicy();
    policy.controller.contact = { phone: '038-1234567 (ochtend)' };
    const { d, text } = only(policy, 'schema/pattern');
    expect(d.message).toBe(
      '"038-1234567 (ochtend)" must be a telephone number of 6 to 24 characters: digits, spaces, +, ( ) and - only',
    );
    expect(d.pointer).toBe('/controller/contact/phone');
    expect({ line: d.line, column: d.column }).toEqual(positionIn(text, '"038-1234567 (ochtend)"'));
  });

  it('a cookie domain written as a URL', () => {
    const policy = miniPolicy();
    policy.processors = [
      { id: 'ga', name: 'Google', service: { nl: 'Statistiek', en: 'Statistics' }, domains: ['https://google.com'] },
    ] as PolicySource['processors'];
    const { d, text } = only(policy, 'schema/pattern');
    expect(d.message).toBe(
      '"https://google.com" must be an internet domain in lower case, such as google-analytics.com, without https:// or a path',
    );
    expect(d.pointer).toBe('/processors/0/domains/0');
    expect({ line: d.line, column: d.column }).toEqual(positionIn(text, '"https://google.com"'));
  });

  /** Every `pattern` in a schema, with the x-form beside it, and the $defs name it sits directly in (if any). */
  function patterns(schema: unknown, at = '#', def?: string): { at: string; form?: string; def?: string }[] {
    if (schema === null || typeof schema !== 'object') return [];
    const node = schema as Record<string, unknown>;
    const own = typeof node.pattern === 'string' ? [{ at, form: node['x-form'] as string | undefined, def }] : [];
    return [
      ...own,
      ...Object.entries(node).flatMap(([key, value]) =>
        key === '$defs' && value && typeof value === 'object'
          ? Object.entries(value).flatMap(([name, sub]) => patterns(sub, `${at}/$defs/${name}`, name))
          : patterns(value, `${at}/${key}`),
      ),
    ];
  }

  it.each(['policy.schema.json', 'policyc.config.schema.json'])(
    'every pattern in %s has a message of its own, in both languages',
    (file) => {
      const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schema', file), 'utf8')) as unknown;
      const found = patterns(schema);
      expect(found.length).toBeGreaterThan(2);
      for (const { at, form, def } of found) {
        const key = `diagnostics:schema.pattern.${form ?? def ?? 'generic'}`;
        expect(form ?? def, at).toBeDefined();
        expect(hasMessage(key), `${at}: ${key}`).toBe(true);
      }
    },
  );
});

describe('a date not written YYYY-MM-DD: the value given, and the rewrite when its reading is certain', () => {
  it.each([
    ['1-3-2026', '2026-03-01'],
    ['01.03.2026', '2026-03-01'],
    ['15/3/2026', '2026-03-15'],
    ['2026-3-1', '2026-03-01'],
    ['1-3-26', undefined], // which century
    ['3/1/2026', undefined], // 3 January, or 1 March as English writes it
    ['31-2-2026', undefined], // no such day
    ['maart 2026', undefined],
  ])('%j', (date, iso) => {
    const { d, text } = only(withDate(date), 'schema/format');
    expect(d.message).toBe(`${JSON.stringify(date)} must be a date, YYYY-MM-DD`);
    expect(d.suggestion).toBe(iso === undefined ? undefined : `write "${iso}"`);
    expect(d.pointer).toBe('/metadata/effectiveDate');
    expect({ line: d.line, column: d.column }).toEqual(positionIn(text, JSON.stringify(date)));
  });

  it('in Dutch', () => {
    const { d } = only(withDate('1-3-2026'), 'schema/format', 'nl');
    expect([d.message, d.suggestion]).toEqual(['"1-3-2026" moet een datum zijn, JJJJ-MM-DD', 'schrijf "2026-03-01"']);
  });
});
