import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';

const localesDir = path.join(repoRoot, 'locales');

/** Flattened keys, with plural (_one/_other) and context (_informal) suffixes folded into the base key. */
function keys(value: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const key = prefix + k.replace(/_(informal|one|other)$/, '').replace(/_(informal)$/, '');
    if (v && typeof v === 'object') for (const sub of keys(v, `${key}.`)) out.add(sub);
    else out.add(key);
  }
  return out;
}

describe('locales', () => {
  const namespaces = readdirSync(path.join(localesDir, 'nl')).filter((f) => f.endsWith('.json'));

  it.each(namespaces)('%s has the same keys in Dutch and English', (ns) => {
    const nl = keys(JSON.parse(readFileSync(path.join(localesDir, 'nl', ns), 'utf8')));
    const en = keys(JSON.parse(readFileSync(path.join(localesDir, 'en', ns), 'utf8')));
    expect(
      [...nl].filter((k) => !en.has(k)),
      'only in nl',
    ).toEqual([]);
    expect(
      [...en].filter((k) => !nl.has(k)),
      'only in en',
    ).toEqual([]);
  });

  it('the official Dutch names of the legal bases and rights (reference §3)', () => {
    const terms = JSON.parse(readFileSync(path.join(localesDir, 'nl', 'terms.json'), 'utf8'));
    expect(Object.values(terms.legalBasis).map((b) => (b as { name: string }).name)).toEqual([
      'Toestemming',
      'Uitvoering van een overeenkomst',
      'Wettelijke verplichting',
      'Vitale belangen',
      'Taak van algemeen belang of openbaar gezag',
      'Gerechtvaardigd belang',
    ]);
    expect(terms.right.access.name).toBe('Recht van inzage');
    expect(terms.right.objection.name).toBe('Recht van bezwaar');
    expect(terms.right.portability.name).toBe('Recht op overdraagbaarheid van gegevens');
    expect(terms.right.erasure.name).toMatch(/^Recht op gegevenswissing/);
    expect(terms.right.restriction.name).toBe('Recht op beperking van de verwerking');
  });
});
