import { analysePolicy, type AnalysedPolicy } from '../../src/pipeline/analyse-policy.js';
import type { PolicySource } from '../../src/policy/policy-types.js';

/** A small valid policy in both languages, to extend per test. */
export function miniPolicy(): PolicySource {
  return {
    id: 'mini',
    metadata: { languages: ['nl', 'en'], sourceLanguage: 'nl' },
    controller: { name: 'Mini B.V.', contact: { email: 'privacy@mini.example' } },
    dataSubjects: [{ id: 'users', name: { nl: 'Gebruikers', en: 'Users' } }],
    dataCategories: [
      { id: 'phone', name: { nl: 'Telefoonnummer', en: 'Phone number' } },
      { id: 'contacts', name: { nl: 'Telefoonboekcontacten', en: 'Address-book contacts' } },
    ],
    purposes: [
      {
        id: 'connect',
        name: { nl: 'Verbindingen leggen', en: 'Making connections' },
        legalBasis: '6(1)(b)',
        dataSubjects: ['users'],
        dataCategories: ['phone', 'contacts'],
      },
    ],
  };
}

/** The policy as the text a user would write (2-space JSON), analysed. */
export function analyse(policy: unknown): AnalysedPolicy & { text: string } {
  const text = JSON.stringify(policy, null, 2);
  return { ...analysePolicy(text, 'policy.json'), text };
}

/**
 * 1-based line and column of the `occurrence`-th match of `needle` in `text`
 * (plus `shift` characters), to state where a diagnostic must point.
 */
export function positionIn(text: string, needle: string, occurrence = 1, shift = 0): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" not found ${occurrence} times`);
  }
  index += shift;
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}
