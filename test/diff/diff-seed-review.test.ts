import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeWords } from '../../src/diff/change-words.js';
import { comparePolicies } from '../../src/diff/compare-policies.js';
import { diffPolicies } from '../../src/diff/diff-policies.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { diffFixtures, model, modelWith } from './support.js';

/** From the diff review of 2026-12-07 (real seeds with a second version): what the report and the letter said. */
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

describe('a new party outside the EEA, in the report', () => {
  const withProcessor = modelWith('newsletter-v1/policy.json', (s) => {
    s.processors.push({
      id: 'zoom',
      name: 'Zoom Video Communications, Inc.',
      country: 'US',
      service: { nl: 'Videobellen', en: 'Video calls' },
      transfer: { mechanism: 'eu-us-dpf' },
    });
    s.purposes[0].processors = [...(s.purposes[0].processors ?? []), 'zoom'];
  });
  const sentences = (lang: 'nl' | 'en') =>
    diffPolicies(model('newsletter-v1/policy.json'), withProcessor)
      .filter((c) => c.kind === 'transfer-added')
      .map((c) => changeWords(c, messagesFor(lang)).sentence);

  it('processes data in the third country, not "now also": it processed nothing before', () => {
    expect(sentences('en')).toEqual([
      'Zoom Video Communications, Inc. processes data in the United States, outside the EEA.',
    ]);
    expect(sentences('nl')).toEqual([
      'Zoom Video Communications, Inc. verwerkt gegevens in de Verenigde Staten, buiten de EER.',
    ]);
  });

  it('a party that was there before still "now also" processes data in a new country', () => {
    const moved = modelWith('newsletter-v1/policy.json', (s) => {
      s.processors[1].serverLocations = ['NL', 'US'];
      s.processors[1].transfer = { mechanism: 'scc' };
    });
    const [sentence] = diffPolicies(model('newsletter-v1/policy.json'), moved)
      .filter((c) => c.kind === 'transfer-added')
      .map((c) => changeWords(c, messagesFor('en')).sentence);
    expect(sentence).toMatch(/now also processes data in the United States/);
  });
});
