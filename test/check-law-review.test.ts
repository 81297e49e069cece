import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../src/pipeline/analyse-policy.js';
import { mergePatch, ruleFixtureBase } from './support/rule-fixtures.js';

/**
 * The health-privacy lawyer's review of the law data and the check rules
 * (scratch policies /tmp/rev-law/policies/t-*). Each case patches the
 * minimal care-provider policy test/fixtures/rules/base.json (purpose "care":
 * patients' contact and medical data, 6(1)(b) with 9(2)(h) and UAVG 30(3);
 * retention "file": 20 years from the last change).
 */
const base = JSON.parse(readFileSync(ruleFixtureBase, 'utf8'));
const T = (nl: string, en: string) => ({ nl, en });
const care = base.purposes[0];
const file = base.retention[0];

function findings(patch: object, rule: RegExp, lang: 'en' | 'nl' = 'en'): string[] {
  const analysed = analysePolicy(JSON.stringify(mergePatch(base, patch), null, 2), 'policy.json', lang);
  expect(analysed.diagnostics).toEqual([]);
  return analysed.findings.filter((f) => rule.test(f.ruleId)).map((f) => `${f.severity} ${f.ruleId} ${f.pointer}`);
}

const visitors = { id: 'website-visitors', name: T('Websitebezoekers', 'Website visitors') };
const formMessage = {
  id: 'form-message',
  name: T('Uw bericht, dat iets over uw gezondheid kan zeggen', 'Your message, which may mention your health'),
  special: 'health',
};
const formRule = { id: 'form', name: T('Berichten', 'Messages'), dataCategories: ['form-message'], period: 'P1Y' };
const contactForm = {
  id: 'contact-form',
  name: T('Vragen via het contactformulier beantwoorden', 'Answering questions sent through the contact form'),
  registerDescription: T('Vragen beantwoorden.', 'Answering questions.'),
  legalBasis: '6(1)(a)',
  specialCategoryCondition: { condition: '9(2)(a)' },
  dataSubjects: ['website-visitors'],
  dataCategories: ['form-message'],
  retention: ['form'],
};

describe('health data on explicit consent is the medical file only for patients (BW 7:446, 7:454)', () => {
  const policy = (purpose: object) => ({
    dataSubjects: [...base.dataSubjects, visitors],
    dataCategories: [...base.dataCategories, formMessage],
    purposes: [care, purpose],
    retention: [file, formRule],
  });
  const wgbo = /medical-file|wgbo\//;

  it("a care provider's website contact form for visitors on 6(1)(a) + 9(2)(a), kept 1 year: no WGBO finding (t-contactform)", () => {
    expect(findings(policy(contactForm), wgbo)).toEqual([]);
  });

  it('the same purpose for patients is treatment on consent: the 20-year minimum and the consent finding stay', () => {
    expect(findings(policy({ ...contactForm, dataSubjects: ['patients'] }), wgbo)).toEqual([
      'warning wgbo/consent-for-medical-file /purposes/1/legalBasis',
      'error retention/medical-file-too-short /retention/1/period',
    ]);
  });

  it('for visitors but also on the contract (6(1)(b)): still the file', () => {
    const purpose = { ...contactForm, legalBasis: '6(1)(b)', requirement: { type: 'contractual' } };
    expect(findings(policy(purpose), wgbo)).toEqual([
      'warning wgbo/consent-for-medical-file /purposes/1/specialCategoryCondition/condition',
      'error retention/medical-file-too-short /retention/1/period',
    ]);
  });
});

describe('9(2)(h) makes a care provider under the WGBO only for medical treatment (BW 7:446)', () => {
  const sevenYears = [{ ...file, period: 'P7Y', legalSource: undefined }];
  const citing = (lawReference: object) => ({
    purposes: [{ ...care, specialCategoryCondition: { condition: '9(2)(h)', lawReference } }],
    retention: sevenYears,
  });
  const wgbo = /medical-file|wgbo\/|recipients\/none-named|dpo\/likely/;

  it('a health insurer (UAVG 30(3) sub b) keeping claims 7 years: no WGBO finding (t-insurer)', () => {
    expect(findings(citing({ law: 'uavg', article: '30 lid 3 onder b' }), wgbo)).toEqual([]);
  });

  it('youth care (Jeugdwet) and social support (Wmo 2015) are not WGBO treatment either', () => {
    expect(findings(citing({ law: 'jeugdwet', article: '7.3.11' }), wgbo)).toEqual([]);
    expect(findings(citing({ citation: T('Wmo 2015, art. 5.2.1', 'Wmo 2015, art. 5.2.1') }), wgbo)).toEqual([]);
  });

  it('UAVG 30(3) sub a (or without a letter) is still a care provider keeping the medical file', () => {
    const expected = ['error retention/medical-file-too-short /retention/0/period'];
    expect(findings(citing({ law: 'uavg', article: '30(3)(a)' }), wgbo)).toEqual(expected);
    expect(findings(citing({ law: 'uavg', article: '30 lid 3' }), wgbo)).toEqual(expected);
  });
});

describe('bsn/legal-ground-missing accepts the law that allows the BSN, not only the Wabvpz (UAVG art. 46)', () => {
  const staff = { id: 'staff', name: T('Medewerkers', 'Employees') };
  const bsn = { id: 'staff-bsn', name: T('BSN van medewerkers', "Employees' BSN"), nationalIdentifier: true };
  const payTerm = {
    id: 'pay',
    name: T('Loonadministratie', 'Payroll records'),
    dataCategories: ['staff-bsn'],
    period: 'P7Y',
  };
  const payroll = (obligation: object, subjects = ['staff']) => ({
    dataSubjects: [...base.dataSubjects, staff],
    dataCategories: [...base.dataCategories, bsn],
    purposes: [
      care,
      {
        id: 'payroll',
        name: T('Salarisadministratie', 'Payroll'),
        registerDescription: T('Salaris betalen.', 'Paying salaries.'),
        legalBasis: '6(1)(c)',
        legalObligation: obligation,
        requirement: { type: 'statutory' },
        dataSubjects: subjects,
        dataCategories: ['staff-bsn'],
        retention: ['pay'],
      },
    ],
    retention: [file, payTerm],
  });
  const loonbelasting = {
    citation: T('Wet op de loonbelasting 1964, art. 28', 'Wet op de loonbelasting 1964, art. 28'),
  };

  it('staff payroll on 6(1)(c) citing the Wet op de loonbelasting 1964: no finding (t-bsn)', () => {
    expect(findings(payroll(loonbelasting), /^bsn\//)).toEqual([]);
  });

  it('the same law for patients is not enough: for care the ground is the Wabvpz, and the finding is a warning', () => {
    expect(findings(payroll(loonbelasting, ['patients']), /^bsn\//)).toEqual([
      'warning bsn/legal-ground-missing /purposes/1/dataCategories/0',
    ]);
  });
});

describe('research/secondary-use-condition: a medical examination and a satisfaction survey are not research', () => {
  const secondary = (purpose: object) => findings({ purposes: [care, purpose] }, /^research\//);
  const satisfaction = {
    id: 'satisfaction',
    name: T('Tevredenheidsonderzoek', 'Patient satisfaction survey'),
    registerDescription: T('Enquête.', 'Survey.'),
    legalBasis: '6(1)(f)',
    legitimateInterest: T('Leren hoe patiënten onze zorg ervaren.', 'Learning how patients experience our care.'),
    dataSubjects: ['patients'],
    dataCategories: ['contact'],
    retention: ['file'],
  };

  it('"Medisch onderzoek en behandeling" on 6(1)(b) + 9(2)(h) is the treatment (BW 7:446(2)): no finding (t-research)', () => {
    expect(
      secondary({
        ...care,
        id: 'examination',
        name: T('Medisch onderzoek en behandeling', 'Medical examination and treatment'),
      }),
    ).toEqual([]);
  });

  it('"Tevredenheidsonderzoek" on contact details: no finding; on health data it is still asked', () => {
    expect(secondary(satisfaction)).toEqual([]);
    expect(secondary({ ...satisfaction, dataCategories: ['contact', 'medical'] })).toEqual([
      'warning research/secondary-use-condition /purposes/1/name',
    ]);
  });

  it('research under 9(2)(h) without a treatment word is still reported', () => {
    expect(
      secondary({ ...care, id: 'research', name: T('Wetenschappelijk onderzoek', 'Scientific research') }),
    ).toEqual(['warning research/secondary-use-condition /purposes/1/specialCategoryCondition']);
  });
});

describe('wabvpz/exchange-consent-missing asks for explicit consent, stated and not denied (Wabvpz art. 15a(1))', () => {
  const lsp = (
    description: { nl: string; en: string },
    name = T(
      'Andere zorgverleners via het Landelijk Schakelpunt (LSP)',
      'Other care providers via the national switch point (LSP)',
    ),
  ) => ({
    id: 'lsp',
    name,
    type: 'care-provider',
    description,
  });
  const exchange = (recipient: object, purpose: object = {}) =>
    findings(
      {
        recipients: [...base.recipients, recipient],
        purposes: [{ ...care, ...purpose, recipients: ['insurers', 'lsp'] }],
      },
      /^wabvpz\//,
    );
  const reported = ['error wabvpz/exchange-consent-missing /recipients/1/name'];

  it('"Hiervoor vragen wij geen toestemming" is no consent (t-exchange)', () => {
    expect(exchange(lsp(T('Hiervoor vragen wij geen toestemming.', 'We do not ask your consent for this.')))).toEqual(
      reported,
    );
  });

  it('explicit consent denied is no consent; denied twice ("not … without") it is', () => {
    const denied = T(
      'Wij vragen hiervoor niet uw uitdrukkelijke toestemming.',
      'We do not ask your explicit consent for this.',
    );
    const affirmed = T(
      'Zonder uw uitdrukkelijke toestemming delen wij niets via het LSP.',
      'We do not share anything through the LSP without your explicit consent.',
    );
    expect(exchange(lsp(denied))).toEqual(reported);
    expect(exchange(lsp(affirmed))).toEqual([]);
  });

  it('a negation on another line of a list does not deny the consent (one sentence splitter, src/sentences.ts)', () => {
    const listed = T(
      '- Niet bij spoedeisende hulp\n- Alleen met uw uitdrukkelijke toestemming',
      '- Not in an emergency\n- Only with your explicit consent',
    );
    expect(exchange(lsp(listed))).toEqual([]);
  });

  it('a sentence wrapped over two lines is one sentence: wrapped and unwrapped read the same', () => {
    const wrapped = [
      T(
        'Wij wisselen geen gegevens uit via het LSP\nzonder uw uitdrukkelijke toestemming.',
        'We exchange no data through the LSP\nwithout your explicit consent.',
      ),
      T(
        'We wisselen geen gegevens uit via het LSP\n  zonder je uitdrukkelijke toestemming.',
        'We exchange no data through the LSP \n without your explicit consent.',
      ),
    ];
    for (const text of wrapped) {
      const oneLine = T(text.nl.replace(/\s*\n\s*/, ' '), text.en.replace(/\s*\n\s*/, ' '));
      expect(exchange(lsp(oneLine))).toEqual([]);
      expect(exchange(lsp(text))).toEqual([]);
    }
  });

  it('consent under 6(1)(a) alone does not say it is explicit; 9(2)(a) does', () => {
    const silent = lsp(
      T('Andere zorgverleners kunnen uw gegevens opvragen.', 'Other care providers can retrieve your data.'),
    );
    expect(exchange(silent, { legalBasis: '6(1)(a)' })).toEqual(reported);
    expect(exchange(silent, { specialCategoryCondition: { condition: '9(2)(a)' } })).toEqual([]);
  });

  it('Mitz registers consent choices; it is no exchange system', () => {
    const mitz = lsp(
      T(
        'Registreert welke zorgaanbieders uw gegevens mogen opvragen.',
        'Records which care providers may retrieve your data.',
      ),
      T('Mitz', 'Mitz'),
    );
    expect(exchange(mitz)).toEqual([]);
  });
});

describe('art10/ground-missing reads the ground a purpose cites for criminal-offence data', () => {
  const fixture = JSON.parse(readFileSync('test/fixtures/rules/art10/ground-missing/fail.patch.json', 'utf8'));
  const { legitimateInterest: _interest, ...hiring } = fixture.purposes[1];
  const citing = (legalObligation: object) =>
    findings(
      {
        ...fixture,
        purposes: [
          care,
          {
            ...hiring,
            legalBasis: '6(1)(c)',
            legalObligation,
            requirement: { type: 'statutory' },
          },
        ],
      },
      /^art10\//,
    );

  it('UAVG art. 33 is a ground; the UAVG or the GDPR without those articles is not', () => {
    expect(citing({ law: 'uavg', article: '33 lid 4' })).toEqual([]);
    expect(citing({ law: 'uavg', article: '46' })).toEqual([
      'warning art10/ground-missing /purposes/1/dataCategories/0',
    ]);
    expect(citing({ citation: T('art. 10 AVG', 'art. 10 GDPR') })).toEqual([
      'warning art10/ground-missing /purposes/1/dataCategories/0',
    ]);
  });
});

describe('retention/youth-care-file-too-short fires when the retention rule cites the Jeugdwet by its id', () => {
  it('15 years from the end of the support under { law: "jeugdwet" }: too short (t-youth)', () => {
    const youth = {
      ...file,
      period: 'P15Y',
      from: 'end-of-support',
      legalSource: { law: 'jeugdwet', article: '7.3.8' },
    };
    const purpose = {
      ...care,
      specialCategoryCondition: { condition: '9(2)(h)', lawReference: { law: 'jeugdwet', article: '7.3.11' } },
    };
    expect(findings({ purposes: [purpose], retention: [youth] }, /too-short/)).toEqual([
      'warning retention/youth-care-file-too-short /retention/0/period',
    ]);
  });
});

describe('law/former-name knows the care reform of 2015 and the WKCZ', () => {
  const citing = (citation: string) =>
    findings(
      { purposes: [{ ...care, legalBasis: '6(1)(c)', legalObligation: { citation: T(citation, citation) } }] },
      /^law\//,
    );

  it.each(['AWBZ', 'Wet op de jeugdzorg', 'Wmo 2007', 'WKCZ'])('"%s" is a former name', (cited) => {
    expect(citing(cited)).toEqual(['warning law/former-name /purposes/0/legalObligation/citation']);
  });

  it('"Wmo" and "Wmo 2015" are the law in force', () => {
    expect(citing('Wmo 2015, art. 2.3.5')).toEqual([]);
    expect(citing('Wmo')).toEqual([]);
  });
});

describe('research/secondary-use-condition: BW 7:458a (the file after death) is not the research provision 7:458', () => {
  it('9(2)(j) citing 7:458 passes; citing 7:458a is reported', () => {
    const research = (article: string) => ({
      ...care,
      id: 'research',
      name: T('Wetenschappelijk onderzoek', 'Scientific research'),
      specialCategoryCondition: { condition: '9(2)(j)', lawReference: { law: 'wgbo', article } },
    });
    expect(findings({ purposes: [care, research('7:458')] }, /^research\//)).toEqual([]);
    expect(findings({ purposes: [care, research('7:458a')] }, /^research\//)).toEqual([
      'warning research/secondary-use-condition /purposes/1/specialCategoryCondition',
    ]);
  });
});
