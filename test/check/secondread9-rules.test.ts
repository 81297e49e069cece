import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import { mergePatch, ruleFixtureBase } from '../support/rule-fixtures.js';

/**
 * The checker regressions of the review secondread9 (reviews/secondread9.md), each with the review's own texts on the
 * minimal care-provider policy (test/fixtures/rules/base.json): those that must be reported and those that must not.
 */
const base = JSON.parse(readFileSync(ruleFixtureBase, 'utf8'));
const T = (nl: string, en: string) => ({ nl, en });

/** The findings of `ruleId` on `policy` patched with `patch`, as 'severity pointer'. */
function findings(ruleId: string, patch: object, policy: object = base): string[] {
  const analysed = analysePolicy(JSON.stringify(mergePatch(policy, patch), null, 2), 'policy.json');
  expect(analysed.diagnostics).toEqual([]);
  return analysed.findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.severity} ${f.pointer}`);
}

describe('cookies/tracking-without-consent: only consent as the condition counts (D2)', () => {
  const tracking = (nl: string, en: string) =>
    findings('cookies/tracking-without-consent', {
      cookies: {
        used: true,
        categories: [{ id: 'tracking', name: T('Trackingcookies', 'Tracking cookies'), description: T(nl, en) }],
      },
    });

  it.each([
    ['c1, no consent words', 'Wij gebruiken deze cookies voor advertenties.', 'We use these cookies for advertising.'],
    [
      'c2, the cookie wall',
      'Als je verder surft op onze website, ga je akkoord met deze cookies.',
      'If you continue to use our site, you accept these cookies.',
    ],
    [
      'c3, placed on the visit, consent withdrawn later',
      'Wij plaatsen deze cookies als je onze website bezoekt; in de instellingen kun je je toestemming later intrekken.',
      'We place these cookies when you visit our website; you can withdraw your consent later in the settings.',
    ],
    [
      'c4, placed on the visit, consent withdrawn later, one sentence',
      'Wij plaatsen deze cookies als je onze website bezoekt en je kunt je toestemming later intrekken.',
      'We place these cookies when you visit our website and you can withdraw your consent later.',
    ],
    [
      'c4 with "pas" / "only": the consent word in a clause of its own (final read)',
      'Wij plaatsen deze cookies pas als je de website bezoekt en je kunt je toestemming later intrekken.',
      'These cookies are only set when you visit the site and you can revoke consent.',
    ],
    [
      'c5, the advertisers’ own terms',
      'Wij delen de gegevens uit deze cookies met adverteerders, die ze gebruiken met hun eigen voorwaarden die je accepteert bij hun diensten.',
      'We share data from these cookies with advertisers, who use it with their own terms that you accepted for their services.',
    ],
    [
      'browsing as the consent, even "only with your consent"',
      'Wij plaatsen deze cookies alleen met je toestemming, die je geeft door verder te surfen op onze website.',
      'We place these cookies only with your consent, which you give by continuing to use our website.',
    ],
  ])('still reported: %s', (_, nl, en) => {
    expect(tracking(nl, en)).toEqual(['warning /cookies/categories/0']);
  });

  it.each([
    [
      'c6 (officer8 S7)',
      'Wij plaatsen deze cookies alleen als je daarvoor toestemming geeft in de cookiebanner.',
      'We place these cookies only if you give your consent in the cookie banner.',
    ],
    [
      'with your prior consent',
      'Deze cookies plaatsen wij met je voorafgaande toestemming.',
      'We place these cookies with your prior consent.',
    ],
    [
      'consent asked',
      'Voor deze cookies wordt eerst toestemming gevraagd.',
      'For these cookies we ask for your consent first.',
    ],
    [
      'pas nadat / only after',
      'Deze cookies worden pas geplaatst nadat je akkoord gaat in de cookiebanner.',
      'These cookies are set only after you accept them in the cookie banner.',
    ],
  ])('not reported: %s', (_, nl, en) => {
    expect(tracking(nl, en)).toEqual([]);
  });
});

describe('wgbo/erasure-refused-for-good-care: skipped only where the request or the file is a representative’s (S1)', () => {
  const erasure = (erasureText: { nl: string; en?: string }) =>
    findings('wgbo/erasure-refused-for-good-care', {
      ...(erasureText.en === undefined && { metadata: { languages: ['nl'] } }),
      rights: { notes: { erasure: erasureText } },
    });

  it.each([
    [
      'nl1, "16 jaar of ouder"',
      'Ben je 16 jaar of ouder, dan vernietigen wij je dossier niet als dat niet past bij goede zorg.',
    ],
    [
      'nl3, the children as the reason',
      'Wij vernietigen je dossier niet als dat niet past bij goede zorg, bijvoorbeeld bij een erfelijke aandoening die ook voor je kinderen van belang is.',
    ],
    [
      '"ouder dan" after a pronoun',
      'Ben je ouder dan 16 jaar en vraag je om vernietiging, dan weigeren wij dat als het niet past bij goede zorg.',
    ],
  ])('a refusal towards the patient is reported (Dutch only): %s', (_, nl) => {
    expect(erasure({ nl })).toEqual(['warning /rights/notes/erasure']);
  });

  it('the parents as the reason, the request the patient’s own: reported (final read)', () => {
    const nl =
      'Hebben je ouders een erfelijke ziekte, dan kunnen we je verzoek om vernietiging weigeren voor goede zorg.';
    expect(erasure({ nl })).toEqual(['warning /rights/notes/erasure']);
  });

  it('p2, bilingual, the children as the reason: reported', () => {
    expect(
      erasure(
        T(
          'Wij vernietigen je dossier niet als dat niet past bij goede zorg, bijvoorbeeld bij een erfelijke aandoening die ook voor je kinderen van belang is.',
          'We do not destroy your file where that would not be consistent with good care, for example for a hereditary condition that matters to your children too.',
        ),
      ),
    ).toEqual(['warning /rights/notes/erasure']);
  });

  it.each([
    [
      'officer8 D6: the parent asks about the child’s file',
      T(
        'Vraag je als ouder om vernietiging van het dossier van je kind jonger dan 12 jaar, dan weigeren wij dat als vernietiging niet verenigbaar is met goed hulpverlenerschap.',
        'If you ask as a parent for the destruction of the file of your child under 12, we refuse if destruction is not compatible with good care.',
      ),
    ],
    [
      'the D6 parent case, Dutch only',
      {
        nl: 'Vraag je als ouder om vernietiging van het dossier van je kind jonger dan 12 jaar, dan weigeren wij dat als vernietiging niet verenigbaar is met goed hulpverlenerschap.',
      },
    ],
    [
      'a representative’s request',
      T(
        'Een verzoek van de wettelijk vertegenwoordiger van een minderjarige weigeren wij als dat niet past bij goede zorg.',
        "We refuse a request from a minor's legal representative where it does not fit good care.",
      ),
    ],
    [
      'the child’s file',
      T(
        'Voor het dossier van je kind weigeren wij vernietiging als dat niet past bij goede zorg.',
        'For your child’s file we refuse destruction where it does not fit good care.',
      ),
    ],
  ])('not reported: %s', (_, text) => {
    expect(erasure(text)).toEqual([]);
  });
});

describe('wgbo/erasure-refused-for-retention: a retention duty in a sentence that names the file (S2)', () => {
  const erasure = (nl: string, en = 'You may ask us to destroy your file.') =>
    findings('wgbo/erasure-refused-for-retention', { rights: { notes: { erasure: T(nl, en) } } });

  it.each([
    ['r1, the 20 years', 'Wij vernietigen uw dossier niet zolang de wettelijke bewaartermijn van 20 jaar loopt.'],
    [
      'r2, the file far before the 15 years',
      'Uw verzoek om vernietiging van uw dossier kunnen wij niet honoreren zolang de wettelijke bewaartermijn van 15 jaar loopt.',
    ],
    [
      'r3, a retention duty for the medical file',
      'Wij hebben een wettelijke bewaarplicht voor uw medisch dossier; een verzoek om vernietiging wijzen wij daarom af.',
    ],
  ])('reported: %s', (_, nl) => {
    expect(erasure(nl)).toEqual(['warning /rights/notes/erasure']);
  });

  it('reported in English: a legal retention period of the medical record named after it', () => {
    expect(
      erasure(
        'U kunt ons vragen uw dossier te vernietigen.',
        'We cannot honour a request to destroy your medical record while the legal retention period of 15 years runs.',
      ),
    ).toEqual(['warning /rights/notes/erasure']);
  });

  it.each([
    [
      'r5, a legal duty for "gegevens"',
      'Als er geen andere reden is om je gegevens te bewaren, zoals een wettelijke plicht, verwijderen wij ze.',
    ],
    [
      'r6, the fiscal duty for "gegevens"',
      'Wij verwijderen je gegevens, tenzij een wettelijke plicht ons dwingt ze langer te bewaren, zoals de fiscale bewaarplicht van 7 jaar.',
    ],
    [
      'BW 7:455(2) with the file named: a statutory duty, no retention term',
      'Wij vernietigen je dossier binnen drie maanden, behalve voor zover een wettelijke plicht tot bewaren zich daartegen verzet.',
    ],
  ])('not reported: %s', (_, nl) => {
    expect(erasure(nl)).toEqual([]);
  });
});

describe('retention/fiscal-records-too-short: a purpose that takes payment, not one about the client’s debts (S5)', () => {
  /** A category "financial-situation" used by a second purpose named `purpose`, kept 1 year. */
  const financial = (purpose: { nl: string; en: string }) =>
    findings('retention/fiscal-records-too-short', {
      dataCategories: [
        ...base.dataCategories,
        { id: 'financial-situation', name: T('Financiële situatie', 'Financial situation') },
      ],
      purposes: [
        base.purposes[0],
        {
          ...base.purposes[0],
          id: 'second',
          name: purpose,
          dataCategories: ['financial-situation'],
          retention: ['money'],
        },
      ],
      retention: [...base.retention, { id: 'money', name: T('Financiële gegevens', 'Financial data'), period: 'P1Y' }],
    });

  it('the review’s Zorgburo copy (edge/fin/p): debt help kept 1 year is not reported', () => {
    const zorgburo = JSON.parse(readFileSync('policies/zorgburo-de-liemers/policy.json', 'utf8'));
    const patch = {
      dataCategories: [
        ...zorgburo.dataCategories,
        {
          id: 'financial-situation',
          name: T('Financiële situatie (schulden, inkomen)', 'Financial situation (debts, income)'),
        },
      ],
      purposes: [
        ...zorgburo.purposes,
        {
          id: 'debt-help',
          name: T('Hulp bij betalingsregelingen met schuldeisers', 'Help with payment arrangements with creditors'),
          legalBasis: '6(1)(b)',
          dataSubjects: ['clients'],
          dataCategories: ['financial-situation'],
          retention: ['fin'],
        },
      ],
      retention: [
        ...zorgburo.retention,
        {
          id: 'fin',
          name: T('Financiële situatie', 'Financial situation'),
          dataCategories: ['financial-situation'],
          period: 'P1Y',
          from: 'end-of-support',
        },
      ],
    };
    expect(findings('retention/fiscal-records-too-short', patch, zorgburo)).toEqual([]);
  });

  it.each([
    ['debt help', T('Hulp bij betalingsregelingen met schuldeisers', 'Help with payment arrangements with creditors')],
    [
      'payment arrears',
      T('Begeleiding bij schulden en betalingsachterstanden', 'Support with debts and payment arrears'),
    ],
  ])('not reported: %s', (_, name) => {
    expect(financial(name)).toEqual([]);
  });

  it.each([
    ['invoicing', T('Facturatie en declaratie', 'Invoicing and insurance claims')],
    ['"verschuldigde" is no debt', T('Facturatie van de verschuldigde eigen bijdrage', 'The own contribution owed')],
    ['payments from clients', T('De eigen bijdrage', 'Collecting payments from clients')],
    ['payments received', T('Afhandeling van betalingen', 'Receiving payments')],
    [
      'collecting debts owed to the practice (final read)',
      T(
        'Behandeling, facturering en incasso van openstaande schulden',
        'Treatment, invoicing and collecting unpaid debts',
      ),
    ],
  ])('still reported: %s', (_, name) => {
    expect(financial(name)).toEqual(['warning /retention/1/period']);
  });
});
