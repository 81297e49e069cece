import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import type { PolicySource } from '../../src/policy/policy-types.js';
import { miniPolicy } from '../support/mini-policy.js';

/**
 * rights/narrowed (the law review's open item 2): an authored rights text that gives less than the GDPR —
 * one way to ask, a fee for the first copy, more than a month to answer without the art. 12(3) reason,
 * restriction "only" in some of the cases of art. 18(1). Patterns, tight on purpose: these pin their reach,
 * including the seed texts that must not be reported (docs/seed-findings.md).
 */
const text = (nl: string, en = nl): { nl: string; en: string } => ({ nl, en });

function narrowed(rights: NonNullable<PolicySource['rights']>, lang: 'en' | 'nl' = 'en'): string[] {
  const policy = miniPolicy();
  policy.rights = rights;
  return analysePolicy(JSON.stringify(policy, null, 2), 'policy.json', lang)
    .findings.filter((f) => f.ruleId === 'rights/narrowed')
    .map((f) => `${f.pointer} ${f.message}`);
}
const howTo = (nl: string, en = 'Ask us.'): string[] => narrowed({ howToExercise: text(nl, en) }, 'nl');
const note = (right: 'access' | 'restriction' | 'erasure', nl: string, en = 'Ask us.'): string[] =>
  narrowed({ notes: { [right]: text(nl, en) } }, 'nl');

describe('rights/narrowed: one way to ask', () => {
  it('reports "alleen schriftelijk", "uitsluitend per post", "by post only" and "niet per e-mail", quoted', () => {
    expect(howTo('Verzoeken kunt u alleen schriftelijk indienen.')).toEqual([
      '/rights/howToExercise Deze tekst staat maar één manier toe om een verzoek te doen ("alleen schriftelijk"); de organisatie moet het uitoefenen van de rechten makkelijk maken en hoort ook verzoeken langs elektronische weg aan te nemen.',
    ]);
    expect(howTo('Stuur uw verzoek uitsluitend per post.')).toHaveLength(1);
    expect(howTo('Vraag het ons.', 'Requests are accepted by post only.')).toHaveLength(1);
    expect(howTo('Verzoeken nemen wij niet per e-mail in behandeling.')).toHaveLength(1);
  });

  it('does not report a way offered among others, or "alleen" about who may ask (seed texts: Doctolib, Dental Clinics)', () => {
    expect(howTo('Om uw rechten uit te oefenen, kunt u schriftelijk contact opnemen met Doctolib.')).toEqual([]);
    expect(
      howTo('Om een van deze rechten uit te oefenen, kun je contact met ons opnemen via e-mail of telefonisch.'),
    ).toEqual([]);
    expect(howTo('Alleen u persoonlijk, of iemand die u machtigt, kan een verzoek doen.')).toEqual([]);
  });
});

describe('rights/narrowed: a fee for a copy', () => {
  it('reports a fee for a copy with no free first copy', () => {
    expect(note('access', 'Voor een afschrift van uw dossier rekenen wij administratiekosten.')).toHaveLength(1);
    expect(note('access', 'Vraag het ons.', 'A copy costs € 10.')).toHaveLength(1);
  });

  it('does not report a free copy, a fee for a further copy, or a copy of an identity document', () => {
    expect(note('access', 'U krijgt kosteloos een kopie.')).toEqual([]);
    expect(note('access', 'Voor een tweede kopie vragen wij een redelijke vergoeding.')).toEqual([]);
    expect(note('access', 'U hebt recht op een kopie van die gegevens.')).toEqual([]); // Dental Clinics
    expect(note('access', 'Wij vragen geen vergoeding voor een kopie van uw identiteitsbewijs.')).toEqual([]);
  });
});

describe('rights/narrowed: more than a month to answer', () => {
  it('reports six weeks, thirty working days or two months without the art. 12(3) reason', () => {
    expect(howTo('Wij reageren binnen zes weken.')).toHaveLength(1);
    expect(howTo('Wij antwoorden binnen 30 werkdagen.')).toHaveLength(1);
    expect(howTo('Vraag het ons.', 'We answer within 2 months.')).toHaveLength(1);
  });

  it('does not report a month or less, an extension for complex requests, or destruction of the file (BW 7:455)', () => {
    expect(howTo('Wij reageren binnen 4 weken.')).toEqual([]);
    expect(howTo('Wij zullen binnen 1 maand op je verzoek reageren.')).toEqual([]); // Dental Clinics
    expect(howTo('Wij reageren binnen een maand, bij een ingewikkeld verzoek binnen drie maanden.')).toEqual([]);
    expect(note('erasure', 'Wij vernietigen uw dossier binnen drie maanden na uw verzoek.')).toEqual([]);
  });
});

describe('rights/narrowed: restriction in fewer cases than art. 18(1)', () => {
  it('reports Doctolib\'s "alleen" with three of the four cases (the objection is missing)', () => {
    const doctolib =
      'U hebt alleen het recht om de verwerking te beperken wanneer (i) u de juistheid van uw gegevens betwist, (ii) u van mening bent dat de verwerking van uw persoonsgegevens onwettig is, of (iii) u deze beperking nodig hebt voor de erkenning, uitoefening of verdediging van uw rechten in een rechtszaak.';
    expect(note('restriction', doctolib)).toHaveLength(1);
  });

  it('does not report the four cases, or a text that names cases without "only" (Dental Clinics, IES)', () => {
    const all =
      'Alleen als u de juistheid betwist, de verwerking onrechtmatig is, u de gegevens nodig hebt voor een rechtsvordering, of uw bezwaar nog loopt.';
    expect(note('restriction', all)).toEqual([]);
    expect(
      note(
        'restriction',
        'In sommige gevallen kun je de verwerking van je persoonsgegevens tijdelijk laten blokkeren.',
      ),
    ).toEqual([]);
    // "alleen" in another right's text is not about restriction.
    expect(note('access', 'U kunt alleen uw eigen gegevens inzien.')).toEqual([]);
  });
});
