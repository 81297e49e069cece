import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparePolicies } from '../../src/diff/compare-policies.js';
import { renderDiffJson, renderDiffText } from '../../src/diff/render-diff.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { consentSwapGuidance } from '../../src/law/guidance.js';
import { diffFixtures } from './support.js';

/** A newsletter sent with consent (6(1)(a)) in the old version. */
const file = path.join(diffFixtures, 'newsletter-v1/policy.json');
const text = (patch: (source: Record<string, any>) => void = () => {}): string => {
  const source = JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
  patch(source);
  return JSON.stringify(source, null, 2);
};
const withBases = (bases: Array<Record<string, unknown>>): string =>
  text((s) => {
    s.metadata.version = '2024.2';
    const newsletter = s.purposes.find((p: { id: string }) => p.id === 'newsletter');
    delete newsletter.legalBasis;
    newsletter.legalBases = bases;
  });
const interest = { nl: 'Onze patiënten op de hoogte houden', en: 'Keeping our patients informed' };
const consent = { basis: '6(1)(a)', dataCategories: ['contact'] };
const interests = { basis: '6(1)(f)', dataCategories: ['contact'], legitimateInterest: interest };
const contract = { basis: '6(1)(b)', dataCategories: ['contact'] };

const compare = (after: string) => {
  const compared = comparePolicies(
    { text: text(), label: 'old.json', path: file },
    { text: after, label: 'new.json', path: file },
  );
  expect(compared.value).toBeDefined();
  return compared.value!;
};
const draft = (after: string, lang: 'nl' | 'en') => compare(after).notice!.texts.find((t) => t.lang === lang)!;
const swapNotes = (after: string, lang: 'nl' | 'en') =>
  draft(after, lang).senderNotes.filter((n) => n.includes('05/2020'));

describe('a purpose that swaps from consent to another legal basis', () => {
  const swapped = withBases([interests]);

  it('warns the sender, citing the EDPB consent guidelines and their paragraphs (nl, en)', () => {
    const [en] = swapNotes(swapped, 'en');
    expect(en).toMatch(/^For Newsletter the new version rests on legitimate interests \(Article 6\(1\)\(f\) GDPR\)/);
    expect(en).toContain(
      `EDPB Guidelines 05/2020 on consent under Regulation 2016/679 (paragraphs ${consentSwapGuidance.paragraphs})`,
    );
    expect(en).toContain('cannot swap from consent to another legal basis');
    const [nl] = swapNotes(swapped, 'nl');
    expect(nl).toMatch(/^Voor Nieuwsbrief steunt de nieuwe versie op gerechtvaardigd belang/);
    expect(nl).toContain(
      `EDPB-richtsnoeren 05/2020 inzake toestemming overeenkomstig Verordening 2016/679 (randnummers ${consentSwapGuidance.paragraphs})`,
    );
  });

  it('says what the EDPB says of a withdrawal: a change of basis is told, not that the new basis cannot cover it (verify2 review, item 7)', () => {
    // Para. 123 speaks of consent found invalid; para. 120, as quoted, of a change after withdrawal that is told to
    // the people concerned (law/guidance.ts). The note said the new basis cannot justify processing whose consent
    // 'has been withdrawn' ('is ingetrokken').
    const [en] = swapNotes(swapped, 'en');
    expect(en).not.toContain('has been withdrawn');
    expect(en).toContain(
      'the new basis cannot be used afterwards to justify processing for which the consent turns out invalid, a move to it after consent is withdrawn has to be told to the people concerned (Articles 13 and 14 GDPR)',
    );
    const [nl] = swapNotes(swapped, 'nl');
    expect(nl).not.toContain('of is ingetrokken');
    expect(nl).toContain(
      'waarvoor de toestemming ongeldig blijkt, een overstap na het intrekken van de toestemming moet aan de betrokkenen worden meegedeeld (artikelen 13 en 14 AVG)',
    );
    // The four other notes that cite the guidelines say the same.
    for (const lang of ['nl', 'en'] as const)
      for (const key of ['consentDropped', 'consentDroppedPart', 'explicitConsentSwap', 'consentInWords'])
        expect(messagesFor(lang).t(`diff:notice.${key}`)).toMatch(
          lang === 'nl'
            ? /ongeldig blijkt, (?:en )?een overstap na het intrekken/
            : /turns out invalid, (?:and )?a move to it after/,
        );
  });

  it('shows the warning in the text report and in the JSON report', () => {
    const result = compare(swapped);
    const m = messagesFor('en');
    const [note] = swapNotes(swapped, 'en');
    expect(renderDiffText(result, m)).toContain(`- ${note}`);
    const json = JSON.parse(renderDiffJson(result, m)) as { notice: { texts: Array<{ senderNotes: string[] }> } };
    expect(json.notice.texts.flatMap((t) => t.senderNotes)).toContain(note);
  });

  it('the letter tells the change of basis, and not that consent can no longer (or still) be withdrawn', () => {
    for (const lang of ['nl', 'en'] as const) {
      const letter = draft(swapped, lang).changes.join('\n');
      expect(letter).toContain(lang === 'nl' ? 'gerechtvaardigd belang' : 'legitimate interests');
      expect(letter).not.toMatch(lang === 'nl' ? /intrekken|ingetrokken/ : /withdraw/i);
    }
  });

  it('with another purpose on consent removed, the letter tells that purpose stops, and nothing of withdrawal', () => {
    const survey = {
      id: 'survey',
      name: { nl: 'Tevredenheidsonderzoek', en: 'Satisfaction survey' },
      legalBasis: '6(1)(a)',
      dataSubjects: ['patients'],
      dataCategories: ['contact'],
    };
    const before = text((s) => s.purposes.push(survey));
    const compared = comparePolicies(
      { text: before, label: 'old.json', path: file },
      { text: swapped, label: 'new.json', path: file },
    );
    const en = compared.value!.notice!.texts.find((t) => t.lang === 'en')!.changes.join('\n');
    expect(en).toContain('We no longer use your data for Satisfaction survey. This applies to: Patients.');
    expect(en).not.toMatch(/withdraw/i);
  });

  it('is not told when consent stays', () => {
    expect(swapNotes(withBases([consent, interests]), 'en')).toEqual([]);
  });

  it('is told when consent goes and the basis it had besides stays (EDPB 05/2020: no swap to the basis that remains)', () => {
    const before = text((s) => {
      const newsletter = s.purposes.find((p: { id: string }) => p.id === 'newsletter');
      delete newsletter.legalBasis;
      newsletter.legalBases = [consent, contract];
    });
    const compared = comparePolicies(
      { text: before, label: 'old.json', path: file },
      { text: withBases([contract]), label: 'new.json', path: file },
    );
    const notes = compared.value!.notice!.texts.flatMap((t) => t.senderNotes).filter((n) => n.includes('05/2020'));
    expect(notes).toHaveLength(2);
    // Consent already given can still be withdrawn: the letter does not say that right no longer applies.
    const letter = compared.value!.notice!.texts.find((t) => t.lang === 'en')!.changes.join('\n');
    expect(letter).toContain('performance of a contract');
    expect(letter).not.toMatch(/withdraw/i);
    expect(notes).toContain(
      'For Newsletter the old version also rested on consent; the new version rests only on performance of a contract (Article 6(1)(b) GDPR). ' +
        `According to the EDPB Guidelines 05/2020 on consent under Regulation 2016/679 (paragraphs ${consentSwapGuidance.paragraphs}), ` +
        'a controller cannot swap from consent to another legal basis: the basis that remains cannot be used afterwards to justify processing ' +
        // Not 'invalid or has been withdrawn' (verify2 review, item 7): changed on purpose.
        'for which the consent turns out invalid, a move to it after consent is withdrawn has to be told to the people concerned ' +
        '(Articles 13 and 14 GDPR), and the legal basis has to be decided before the processing starts. ' +
        'Decide whether what rested on consent stops or rests on another basis from now on, and what happens to the data collected with consent, ' +
        'and say so in the notice: this draft does not.',
    );
  });
});

describe('a purpose that leaves consent for a legal basis given only in words', () => {
  // Which point of art. 6(1) the words mean cannot be told from them: the sender is asked, on both readings.
  const statement = {
    nl: 'Wij versturen de nieuwsbrief omdat wij dat belangrijk vinden voor onze patiënten.',
    en: 'We send the newsletter because we think it matters to our patients.',
  };
  const inWords = text((s) => {
    s.metadata.version = '2024.2';
    const newsletter = s.purposes.find((p: { id: string }) => p.id === 'newsletter');
    delete newsletter.legalBasis;
    newsletter.legalBasisStatement = { text: statement };
  });

  it('warns the sender with the EDPB note if the words mean another basis, and asks for 6(1)(a) if they mean consent (nl, en)', () => {
    const [en] = swapNotes(inWords, 'en');
    expect(en).toMatch(
      /^For Newsletter the old version rested on consent; the new version names no point of Article 6\(1\) GDPR but states its legal basis in words only \(“We send the newsletter because we think it matters to our patients\.”\), from which policyc cannot tell which basis is meant\./,
    );
    expect(en).toContain(`(paragraphs ${consentSwapGuidance.paragraphs}), a controller cannot swap from consent`);
    expect(en).toContain('If they mean consent, give legalBasis 6(1)(a) as well');
    const [nl] = swapNotes(inWords, 'nl');
    expect(nl).toContain('geeft de grondslag alleen in woorden (“Wij versturen de nieuwsbrief');
    expect(nl).toContain(`(randnummers ${consentSwapGuidance.paragraphs})`);
  });

  it('the letter does not say that withdrawing consent no longer applies: the words may be consent', () => {
    for (const lang of ['nl', 'en'] as const) {
      const letter = draft(inWords, lang).changes.join('\n');
      expect(letter).not.toMatch(lang === 'nl' ? /intrekken|ingetrokken/ : /withdraw/i);
    }
  });

  it('tells the basis as now given in words, never as no legal basis any more (report and letter, nl, en)', () => {
    const result = compare(inWords);
    expect(renderDiffText(result, messagesFor('en'))).toContain(
      'The policy no longer names a point of Article 6(1) GDPR as the legal basis for Newsletter (was: consent (Article 6(1)(a) GDPR)); it states the basis in words instead.',
    );
    expect(renderDiffText(result, messagesFor('nl'))).toContain(
      'Het beleid noemt voor Nieuwsbrief geen punt van artikel 6, lid 1, AVG meer als grondslag',
    );
    const en = draft(inWords, 'en').changes.join('\n');
    expect(en).toContain(
      'For Newsletter we no longer name a legal basis from Article 6 GDPR (was: consent (Article 6(1)(a) GDPR)); we describe the basis in our own words instead.',
    );
    expect(en).not.toContain('no longer state a legal basis');
    const nl = draft(inWords, 'nl').changes.join('\n');
    expect(nl).toContain('wij beschrijven de grondslag voortaan in eigen woorden');
    expect(nl).not.toContain('noemen wij geen grondslag meer');
  });

  it('still tells a basis dropped without words as no legal basis any more', () => {
    const none = text((s) => {
      s.metadata.version = '2024.2';
      const newsletter = s.purposes.find((p: { id: string }) => p.id === 'newsletter');
      delete newsletter.legalBasis;
    });
    const compared = comparePolicies(
      { text: text(), label: 'old.json', path: file },
      { text: none, label: 'new.json', path: file },
    );
    expect(compared.value).toBeDefined();
    expect(renderDiffText(compared.value!, messagesFor('en'))).toContain(
      'The policy no longer states a legal basis for Newsletter (was: consent',
    );
  });

  it('is not told when consent stays beside the words', () => {
    const both = text((s) => {
      s.metadata.version = '2024.2';
      const newsletter = s.purposes.find((p: { id: string }) => p.id === 'newsletter');
      newsletter.legalBasisStatement = { text: statement };
    });
    expect(swapNotes(both, 'en')).toEqual([]);
  });
});
