import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparePolicies } from '../../src/diff/compare-policies.js';
import { renderDiffText } from '../../src/diff/render-diff.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { consentSwapGuidance } from '../../src/law/guidance.js';
import { repoRoot } from '../support/cli.js';

/** From the diff review of 2026-12-07: real seeds, changed as their organisations might change them. */
type Source = Record<string, any>;
const seed = (org: string) => path.join(repoRoot, 'policies', org, 'policy.json');
const text = (org: string, patch: (source: Source) => void = () => {}): string => {
  const source = JSON.parse(readFileSync(seed(org), 'utf8')) as Source;
  patch(source);
  return JSON.stringify(source, null, 2);
};
const purpose = (source: Source, id: string): Source => source.purposes.find((p: { id: string }) => p.id === id);
const compare = (org: string, before: string, after: string) => {
  const compared = comparePolicies(
    { text: before, label: 'old.json', path: seed(org) },
    { text: after, label: 'new.json', path: seed(org) },
  );
  expect(compared.value).toBeDefined();
  return compared.value!;
};
const senderNotes = (result: ReturnType<typeof compare>, lang: 'nl' | 'en'): string[] =>
  result.notice!.texts.find((t) => t.lang === lang)!.senderNotes.filter((n) => n.includes('05/2020'));

/** Doctolib's optional surveys: in-product on legitimate interests, by e-mail on consent; the e-mail part's consent dropped. */
const surveysWithoutConsent = text('doctolib', (s) => {
  const surveys = purpose(s, 'surveys');
  surveys.legalBases = surveys.legalBases.filter((b: { basis: string }) => b.basis !== '6(1)(a)');
});
const doctolib = () => compare('doctolib', text('doctolib'), surveysWithoutConsent);

describe('where a change is, for a legal basis of a purpose with several', () => {
  it('names the basis in words, once, never by its code', () => {
    for (const [lang, where] of [
      ['nl', 'Doel “Optionele enquêtes uitvoeren”, grondslag “toestemming”'],
      ['en', 'Purpose “Conducting optional surveys”, legal basis “consent”'],
    ] as const) {
      const report = renderDiffText(doctolib(), messagesFor(lang));
      expect(report).toContain(`${where} · `);
      expect(report).not.toContain('6(1)(a)”');
    }
  });
});

describe('consent dropped from a purpose whose other basis stays', () => {
  it('warns the sender as for a swap, naming what the consent covered (nl, en)', () => {
    const [nl] = senderNotes(doctolib(), 'nl');
    expect(nl).toMatch(
      /^Voor Optionele enquêtes uitvoeren steunde de oude versie ook op toestemming, voor “Enquêtes die per e-mail worden verzonden”; de nieuwe versie steunt alleen nog op gerechtvaardigd belang/,
    );
    expect(nl).toContain(`(randnummers ${consentSwapGuidance.paragraphs})`);
    expect(nl).toContain('Bepaal of dat deel van de verwerking stopt of voortaan op een andere grondslag steunt');
    const [en] = senderNotes(doctolib(), 'en');
    expect(en).toMatch(
      /^For Conducting optional surveys the old version also rested on consent, for “Surveys sent by e-mail”; the new version rests only on legitimate interests/,
    );
    expect(en).toContain('cannot swap from consent to another legal basis');
  });

  it('says nothing of withdrawing consent in the letter', () => {
    for (const lang of ['nl', 'en'] as const) {
      const letter = doctolib()
        .notice!.texts.find((t) => t.lang === lang)!
        .changes.join('\n');
      expect(letter).toContain(lang === 'nl' ? 'gerechtvaardigd belang' : 'legitimate interests');
      expect(letter).not.toMatch(lang === 'nl' ? /intrekken|ingetrokken/ : /withdraw/i);
    }
  });

  it('without words for what the consent covered, still warns, without a part to name', () => {
    const unsaid = (source: Source) => purpose(source, 'surveys').legalBases.forEach((b: Source) => delete b.appliesTo);
    const before = text('doctolib', unsaid);
    const after = text('doctolib', (s) => {
      unsaid(s);
      const surveys = purpose(s, 'surveys');
      surveys.legalBases = surveys.legalBases.filter((b: { basis: string }) => b.basis !== '6(1)(a)');
    });
    const [en] = senderNotes(compare('doctolib', before, after), 'en');
    expect(en).toMatch(/^For Conducting optional surveys the old version also rested on consent; the new version/);
    expect(en).toContain('Decide whether what rested on consent stops');
  });

  it('is not told when consent stays, or when the purpose itself goes', () => {
    const withContract = text('doctolib', (s) =>
      purpose(s, 'surveys').legalBases.push({ basis: '6(1)(b)', appliesTo: { nl: 'Workshops', en: 'Workshops' } }),
    );
    expect(senderNotes(compare('doctolib', text('doctolib'), withContract), 'en')).toEqual([]);
    // A purpose that ends is not material on its own: a new basis elsewhere makes the letter needed.
    const gone = text('doctolib', (s) => {
      s.purposes = s.purposes.filter((p: { id: string }) => p.id !== 'surveys');
      purpose(s, 'social-media-campaigns').legalBasis = '6(1)(a)';
    });
    expect(senderNotes(compare('doctolib', text('doctolib'), gone), 'en')).toEqual([]);
  });
});

describe('explicit consent (9(2)(a)) swapped for another art. 9(2) exception', () => {
  // The cosmetic clinic's treatment photos: health data, taken with explicit consent, later kept under 9(2)(h).
  const photos = (condition: string) =>
    text('cosmetic-clinic', (s) => {
      purpose(s, 'treatment-photos').specialCategoryCondition = { condition };
    });

  it('warns the sender, saying the EDPB speaks of consent as a legal basis (nl, en)', () => {
    const result = compare('cosmetic-clinic', photos('9(2)(a)'), photos('9(2)(h)'));
    const [en] = senderNotes(result, 'en');
    expect(en).toMatch(
      /^For Photos to follow the treatment the new version processes special categories of data under the exception health or social care \(Article 9\(2\)\(h\) GDPR\) and no longer with explicit consent\./,
    );
    expect(en).toContain('they say so of consent as a legal basis (Article 6 GDPR)');
    const [nl] = senderNotes(result, 'nl');
    expect(nl).toMatch(
      /^Voor Foto's om de behandeling te volgen verwerkt de nieuwe versie bijzondere persoonsgegevens/,
    );
    expect(nl).toContain('Ga met uitdrukkelijke toestemming (artikel 9, lid 2, onder a, AVG) net zo om');
  });

  it('is not told when explicit consent comes in place of another exception', () => {
    expect(senderNotes(compare('cosmetic-clinic', photos('9(2)(h)'), photos('9(2)(a)')), 'en')).toEqual([]);
  });
});
