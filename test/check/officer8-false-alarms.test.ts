import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import { mergePatch, ruleFixtureBase, ruleFixtureText } from '../support/rule-fixtures.js';

/**
 * The false alarms of the eighth privacy-officer review (reviews/officer8.md), each on the minimal care-provider
 * policy (test/fixtures/rules/base.json) with the review's own text, beside the true positive the rule keeps.
 */
const base = JSON.parse(readFileSync(ruleFixtureBase, 'utf8'));
const T = (nl: string, en: string) => ({ nl, en });

/** The findings of `ruleId` on base.json patched with `patch`, as 'severity pointer'. */
function findings(ruleId: string, patch: object): string[] {
  const analysed = analysePolicy(JSON.stringify(mergePatch(base, patch), null, 2), 'policy.json');
  expect(analysed.diagnostics).toEqual([]);
  return analysed.findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.severity} ${f.pointer}`);
}

describe('wgbo/erasure-refused-for-retention: only the medical file’s own term (D1)', () => {
  const erasure = (nl: string, en: string) =>
    findings('wgbo/erasure-refused-for-retention', { rights: { notes: { erasure: T(nl, en) } } });

  it('a legal duty in general is a ground to refuse erasure (GDPR 17(3)(b); BW 7:455(2)): not reported', () => {
    // The review's reproduction (d1): the words of BW 7:455 itself.
    expect(
      erasure(
        'Je kunt ons vragen je medisch dossier te vernietigen. Wij doen dat binnen drie maanden, behalve voor zover een wettelijke plicht tot bewaren zich daartegen verzet of het bewaren van aanmerkelijk belang is voor een ander dan jij.',
        'You can ask us to destroy your medical file. We do so within three months, except where a statutory duty to keep it opposes that or keeping it is of considerable interest to someone other than you.',
      ),
    ).toEqual([]);
    // Dental Clinics: personal data in general, contact details as the example.
    expect(
      erasure(
        'Als er geen andere reden is om je gegevens te bewaren, zoals een wettelijke plicht, zullen we aan je verzoek voldoen. Als je bijvoorbeeld wilt dat we je contactgegevens verwijderen, doen we dat.',
        'If there is no other reason to keep your data, such as a legal obligation, we will comply with your request. If for example you want us to delete your contact details, we do so.',
      ),
    ).toEqual([]);
  });

  it.each([
    [
      'the WGBO',
      'Omdat de WGBO ons de wettelijke plicht oplegt uw dossier te bewaren, vernietigen wij het niet.',
      'As the WGBO puts us under a legal obligation to keep your file, we do not destroy it.',
    ],
    [
      'the 20 years',
      'Uw dossier vernietigen wij niet eerder: wij hebben een bewaarplicht van 20 jaar.',
      'We do not destroy your file sooner: we have a retention duty of 20 years.',
    ],
    [
      'the file’s retention term',
      'Wissen kan pas na afloop van de wettelijke bewaartermijn van het medisch dossier.',
      'Erasure is possible only after the statutory retention period of the medical file.',
    ],
  ])('a duty tied to the file’s term (%s) is still reported', (_, nl, en) => {
    expect(erasure(nl, en)).toEqual(['warning /rights/notes/erasure']);
  });
});

describe('wgbo/erasure-refused-for-good-care: not towards a parent or representative (D6)', () => {
  const erasure = (nl: string, en: string) =>
    findings('wgbo/erasure-refused-for-good-care', { rights: { notes: { erasure: T(nl, en) } } });

  it('a refusal to a parent about a child’s file for good care is BW 7:465(4): not reported', () => {
    // The review's reproduction (d3).
    expect(
      erasure(
        'Je kunt ons vragen je dossier te vernietigen; wij doen dat binnen drie maanden. Vraag je als ouder om vernietiging van het dossier van je kind jonger dan 12 jaar, dan weigeren wij dat als vernietiging niet verenigbaar is met goed hulpverlenerschap.',
        'You can ask us to destroy your file; we do so within three months. If you ask as a parent for the destruction of the file of your child under 12, we refuse if destruction is not compatible with good care.',
      ),
    ).toEqual([]);
    expect(
      erasure(
        'Een verzoek van de wettelijk vertegenwoordiger van een minderjarige weigeren wij als dat niet past bij goede zorg.',
        "We refuse a request from a minor's legal representative where it does not fit good care.",
      ),
    ).toEqual([]);
  });

  it('a refusal to the patient for good care is still reported (iPractice), also with "ouder dan" or "kind of"', () => {
    expect(
      erasure(
        "In uitzonderlijke situaties kunnen we je dossier niet vernietigen, bijvoorbeeld wanneer 'goed hulpverlenerschap' zich daartegen verzet.",
        "In exceptional situations we cannot delete your file, for example when 'good care' prevents it.",
      ),
    ).toEqual(['warning /rights/notes/erasure']);
    // "ouder dan" is "older than", English "kind" is "sort": no parent, no child.
    expect(
      erasure(
        'Gegevens ouder dan vijf jaar vernietigen wij niet als goede zorg dat vraagt.',
        'We do not destroy data of any kind where good care requires keeping it.',
      ),
    ).toEqual(['warning /rights/notes/erasure']);
  });

  it('a text with both: the sentence towards the patient is reported', () => {
    expect(
      erasure(
        'Wij vernietigen je dossier niet als goede zorg dat verhindert. Voor het dossier van je kind weigeren wij vernietiging als dat niet past bij goede zorg.',
        'We do not destroy your file where good care prevents it. For your child’s file we refuse destruction where it does not fit good care.',
      ),
    ).toEqual(['warning /rights/notes/erasure']);
  });
});

describe('retention/medical-file-too-short: staff health data is not the medical file (D5)', () => {
  /** A care provider's second purpose on health data of `subjects`, with no art. 9 exception, kept 2 years. */
  function sickLeave(subjects: string[]): string[] {
    const purpose = {
      id: 'sick-leave',
      name: T('Verzuimadministratie van ons personeel', 'Sick-leave administration for our staff'),
      legalBasis: '6(1)(c)',
      dataSubjects: subjects,
      dataCategories: ['sick-leave'],
      retention: ['sick-leave'],
    };
    return findings('retention/medical-file-too-short', {
      dataSubjects: [...base.dataSubjects, { id: 'employees', name: T('Medewerkers', 'Employees') }],
      dataCategories: [
        ...base.dataCategories,
        { id: 'sick-leave', name: T('Verzuimmeldingen', 'Sick-leave reports'), special: 'health' },
      ],
      purposes: [base.purposes[0], purpose],
      retention: [
        ...base.retention,
        {
          id: 'sick-leave',
          name: T('Verzuimmeldingen', 'Sick-leave reports'),
          period: 'P2Y',
          from: 'end-of-employment',
        },
      ],
    });
  }

  it('employees’ sick-leave reports without a stated exception: not reported', () => {
    expect(sickLeave(['employees'])).toEqual([]);
  });

  it('the same purpose for patients, or naming no one: still the file, still reported', () => {
    expect(sickLeave(['patients'])).toEqual(['error /retention/1/period']);
    expect(sickLeave([])).toEqual(['error /retention/1/period']);
  });
});

describe('retention/fiscal-records-too-short: a client’s financial situation is not the bookkeeping (D7)', () => {
  /** A category `id` used by a second purpose named `purpose`, kept 1 year under a rule that cites `legalSource`. */
  function financial(id: string, purpose: { nl: string; en: string }, legalSource?: object): string[] {
    return findings('retention/fiscal-records-too-short', {
      dataCategories: [...base.dataCategories, { id, name: T('Financiële gegevens', 'Financial data') }],
      purposes: [
        base.purposes[0],
        { ...base.purposes[0], id: 'second', name: purpose, dataCategories: [id], retention: ['money'] },
      ],
      retention: [
        ...base.retention,
        {
          id: 'money',
          name: T('Financiële gegevens', 'Financial data'),
          period: 'P1Y',
          ...(legalSource && { legalSource }),
        },
      ],
    });
  }
  const carePlan = T('Het zorgplan opstellen', 'Drawing up the care plan');

  it('"financial-situation" used for the care plan: not reported (the review’s d5)', () => {
    expect(financial('financial-situation', carePlan)).toEqual([]);
  });

  it('still reported: a billing purpose, an invoicing category, or a rule that cites the AWR', () => {
    expect(financial('financial-situation', T('Facturatie en declaratie', 'Invoicing and insurance claims'))).toEqual([
      'warning /retention/1/period',
    ]);
    expect(financial('invoices', carePlan)).toEqual(['warning /retention/1/period']);
    expect(financial('financial-situation', carePlan, { law: 'awr' })).toEqual(['warning /retention/1/period']);
  });
});

describe('cookies/tracking-without-consent reads the category’s own text (S7)', () => {
  const social = (description: { nl: string; en: string }) =>
    findings('cookies/tracking-without-consent', {
      cookies: {
        used: true,
        categories: [{ id: 'social', name: T('Social-mediacookies', 'Social media cookies'), description }],
      },
    });

  it.each([
    [
      'the review’s d4',
      'Deze cookies plaatsen wij alleen als je daarvoor toestemming geeft in de cookiebanner.',
      'We place these cookies only if you give your consent in the cookie banner.',
    ],
    [
      'consent asked',
      'Voor deze cookies vragen wij eerst je toestemming.',
      'For these cookies we first ask your consent.',
    ],
    [
      'a double negation',
      'Wij plaatsen deze cookies niet zonder je toestemming.',
      'We do not place these cookies without your consent.',
    ],
  ])('a description that says consent is asked (%s): not reported', (_, nl, en) => {
    expect(social(T(nl, en))).toEqual([]);
  });

  it.each([
    [
      'no consent words (Dental Clinics)',
      'Wij gebruiken deze cookies om advertenties af te stemmen op je voorkeuren.',
      'We use these cookies to tailor advertisements to your preferences.',
    ],
    [
      'consent denied',
      'Deze cookies plaatsen wij als je de site bezoekt, zonder je toestemming.',
      'We place these cookies when you visit the site, without your consent.',
    ],
    ['no consent needed', 'Voor deze cookies is geen toestemming nodig.', 'These cookies need no consent.'],
  ])('still reported: %s', (_, nl, en) => {
    expect(social(T(nl, en))).toEqual(['warning /cookies/categories/0']);
  });
});

describe('bsn/legal-ground-missing: UAVG art. 46 is the restriction, the Wabvpz the law to cite (S3)', () => {
  const policy = ruleFixtureText(path.join(path.dirname(ruleFixtureBase), 'bsn/legal-ground-missing'), 'fail')!;
  const messages = (lang: 'en' | 'nl') =>
    analysePolicy(policy, 'policy.json', lang)
      .findings.filter((f) => f.ruleId === 'bsn/legal-ground-missing')
      .map((f) => f.message);

  it('says so in both languages, and no longer gives UAVG 46 as the law that allows the BSN', () => {
    expect(messages('en')[0]).toMatch(
      /without citing the law that provides for it\. UAVG art\. 46 restricts the BSN to uses a law provides for; for a care provider's patients that law is the Wabvpz/,
    );
    expect(messages('nl')[0]).toMatch(
      /zonder de wet te noemen die daarin voorziet\. Art\. 46 UAVG beperkt het BSN tot gebruik waarin een wet voorziet; voor patiënten van een zorgaanbieder is dat de Wabvpz/,
    );
    for (const m of [...messages('en'), ...messages('nl')]) expect(m).not.toMatch(/\(UAVG art\. 46|\(art\. 46 UAVG/);
  });
});

describe('art14/public-source-unstated asks, as a condition (N1), and says how to answer (officer11 F13)', () => {
  it('does not say the policy is silent on a source that may well be private (Doctolib: the user’s phone book)', () => {
    const policy = ruleFixtureText(path.join(path.dirname(ruleFixtureBase), 'art14/public-source-unstated'), 'fail')!;
    const messages = (lang: 'en' | 'nl') =>
      analysePolicy(policy, 'policy.json', lang)
        .findings.filter((f) => f.ruleId === 'art14/public-source-unstated')
        .map((f) => [f.severity, f.message]);
    expect(messages('en')).toEqual([
      [
        'info',
        'The data category “Address-book contacts” comes from another source. Is that source publicly accessible? Say so at the source with "publiclyAccessible": true (the notice then calls it a public source) or false (a source that is not public, such as the user\'s address book); either answer closes this finding.',
      ],
    ]);
    expect(messages('nl')).toEqual([
      [
        'info',
        'De gegevenscategorie “Adresboekcontacten” komt uit een andere bron. Is die bron openbaar toegankelijk? Geef dat aan bij de bron met "publiclyAccessible": true (de privacyverklaring noemt de bron dan openbaar) of false (een bron die niet openbaar is, zoals het adresboek van de gebruiker); met elk van beide antwoorden is deze melding afgehandeld.',
      ],
    ]);
  });
});
