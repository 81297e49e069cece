import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparePolicies } from '../../src/diff/compare-policies.js';
import { diffFixtures } from './support.js';

/** From the diff review of 2026-12-07 (real seeds with a second version): what the letter told patients. */
const file = path.join(diffFixtures, 'newsletter-v1/policy.json');
const text = (patch: (source: Record<string, any>) => void = () => {}): string => {
  const source = JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
  patch(source);
  return JSON.stringify(source, null, 2);
};
const letter = (after: string, lang: 'nl' | 'en'): string[] => {
  const compared = comparePolicies(
    { text: text(), label: 'old.json', path: file },
    { text: after, label: 'new.json', path: file },
  );
  return compared.value!.notice!.texts.find((t) => t.lang === lang)!.changes;
};

describe('a purpose removed that took a right with it', () => {
  // The newsletter is the only purpose on consent: without it, withdrawing consent no longer applies.
  const withoutNewsletter = text((s) => {
    s.metadata.version = '2024.2';
    s.purposes = s.purposes.filter((p: { id: string }) => p.id !== 'newsletter');
  });

  it('is told as the purpose that stops, not as "the right no longer applies"', () => {
    expect(letter(withoutNewsletter, 'nl')).toEqual([
      'Wij gebruiken uw gegevens niet meer voor Nieuwsbrief. Dit geldt voor: Abonnees van de nieuwsbrief.',
    ]);
    const en = letter(withoutNewsletter, 'en').join('\n');
    expect(en).toContain('We no longer use your data for Newsletter.');
    expect(en).not.toMatch(/no longer applies|withdraw/i);
  });
});

describe('a data protection officer named for the first time', () => {
  const withDpo = (contact: Record<string, string>) =>
    text((s) => {
      s.metadata.version = '2024.2';
      s.dpo = { name: 'J. de Vries', contact };
    });

  it('the letter says how to reach them, when the policy does', () => {
    expect(letter(withDpo({ email: 'fg@delinde.example', phone: '+31 20 123 4567' }), 'nl')).toContain(
      'Wij noemen voortaan onze functionaris voor gegevensbescherming, bij wie u terechtkunt met vragen over uw gegevens: fg@delinde.example of +31 20 123 4567.',
    );
    const en = letter(withDpo({ email: 'fg@delinde.example' }), 'en').join('\n');
    expect(en).toContain('who you can contact about your data: fg@delinde.example.');
    expect(en).not.toContain('the privacy notice says how');
  });
});
