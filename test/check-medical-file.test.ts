import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../src/pipeline/analyse-policy.js';
import { mergePatch, ruleFixtureBase } from './support/rule-fixtures.js';

/**
 * The WGBO checks on a care provider's purposes whatever their art. 6 basis
 * and art. 9 exception (privacy-officer review): a treatment purpose that
 * names consent keeps the medical file all the same (BW 7:454(3)), so the
 * 20-year minimum applies, consent is reported as the wrong basis, and no
 * rule advises ending retention when consent is withdrawn. Purposes outside
 * the medical file (a newsletter, website analytics, research, staff data)
 * get none of this. Each case patches the minimal care-provider policy
 * test/fixtures/rules/base.json (purpose "care": contact and medical data,
 * 6(1)(b) with 9(2)(h); retention "file": 20 years from the last change).
 */
const base = JSON.parse(readFileSync(ruleFixtureBase, 'utf8'));
const T = (nl: string, en: string) => ({ nl, en });
const care = base.purposes[0];
const file = base.retention[0];

function check(patch: object, lang: 'en' | 'nl' = 'en') {
  const analysed = analysePolicy(JSON.stringify(mergePatch(base, patch), null, 2), 'policy.json', lang);
  expect(analysed.diagnostics).toEqual([]);
  return {
    findings: analysed.findings.map((f) => `${f.severity} ${f.ruleId} ${f.pointer}`),
    messages: analysed.findings.map((f) => `${f.ruleId} ${f.message}`),
  };
}

/** The findings of the WGBO rules and of the consent-retention rule, which must not speak where the WGBO governs. */
const wgboAndConsent = (findings: string[]): string[] => findings.filter((f) => /medical-file|wgbo\/|art7\//.test(f));

/** The treatment purpose on consent, as the reviewer's /tmp/rev-po/consent-short (iPractice) has it. */
const onConsent = { ...care, legalBasis: '6(1)(a)', specialCategoryCondition: { condition: '9(2)(a)' } };
const fiveYears = [{ ...file, period: 'P5Y' }];

describe('a treatment purpose on consent keeps the medical file all the same', () => {
  it('6(1)(a) with 9(2)(a) and contact details: 5 years is too short, consent is the wrong basis, no advice to end on withdrawal', () => {
    const { findings } = check({ purposes: [onConsent], retention: fiveYears });
    expect(wgboAndConsent(findings)).toEqual([
      'warning wgbo/consent-for-medical-file /purposes/0/legalBasis',
      'error retention/medical-file-too-short /retention/0/period',
    ]);
  });

  it('6(1)(b) with 9(2)(a): the same, and the consent finding points at the art. 9 exception that names it', () => {
    const purpose = { ...care, specialCategoryCondition: { condition: '9(2)(a)' } };
    const { findings } = check({ purposes: [purpose], retention: fiveYears });
    expect(wgboAndConsent(findings)).toEqual([
      'warning wgbo/consent-for-medical-file /purposes/0/specialCategoryCondition/condition',
      'error retention/medical-file-too-short /retention/0/period',
    ]);
  });

  it('6(1)(a) with 9(2)(h), kept 20 years from the last change: consent is reported, the term is not, nor is withdrawal asked for', () => {
    const purpose = { ...care, legalBasis: '6(1)(a)' };
    expect(wgboAndConsent(check({ purposes: [purpose] }).findings)).toEqual([
      'warning wgbo/consent-for-medical-file /purposes/0/legalBasis',
    ]);
  });

  it('without consent a name does not take a purpose out of the file: "onderzoek" is also a medical examination', () => {
    const examination = { ...care, name: T('Onderzoek en behandeling', 'Examination and treatment') };
    expect(wgboAndConsent(check({ purposes: [examination], retention: fiveYears }).findings)).toEqual([
      'error retention/medical-file-too-short /retention/0/period',
    ]);
  });

  it('the consent-retention rule says what governs instead: the WGBO term, and destruction at the patient’s request', async () => {
    const { messagesFor } = await import('../src/i18n/messages.js');
    for (const lang of ['en', 'nl'] as const) {
      const explanation = messagesFor(lang).t('rules:art7/consent-retention-missing.explanation');
      expect(explanation).toContain('7:454');
      expect(explanation).toContain('7:455');
    }
  });
});

describe('a medical-file term that ends on a criterion the law does not allow (BW 7:454(3))', () => {
  const criterion = (condition: string) => [{ id: file.id, name: file.name, condition, legalSource: file.legalSource }];

  it('"until consent is withdrawn" is too short, with the 20-year minimum in the message', () => {
    const { findings, messages } = check({ retention: criterion('until-consent-withdrawn') });
    expect(wgboAndConsent(findings)).toEqual(['error retention/medical-file-too-short /retention/0/condition']);
    expect(messages.filter((m) => m.includes('medical-file'))).toEqual([
      'retention/medical-file-too-short The retention rule “Medical file” keeps “Medical data” until consent is withdrawn, under the Medical Treatment Contracts Act (WGBO); a care provider keeps the medical file for at least 20 years.',
    ]);
  });

  it('"as long as necessary" for the medical file is one finding, the error: no term where the law sets 20 years', () => {
    const { findings } = check({ retention: criterion('as-long-as-necessary') });
    expect(findings).toEqual(['error retention/medical-file-too-short /retention/0/condition']);
  });

  it('"as long as necessary" for data outside the medical file is still reported as vague', () => {
    const contactOnly = criterion('as-long-as-necessary').map((r) => ({
      ...r,
      id: 'contact',
      dataCategories: ['contact'],
    }));
    const findings = check({
      purposes: [{ ...care, retention: ['contact', 'file'] }],
      retention: [...contactOnly, { ...file, dataCategories: ['medical'] }],
    }).findings;
    expect(findings).toEqual(['warning retention/vague /retention/0/condition']);
    // At a controller that is no care provider, the medical data's "as long as necessary" is vague, not too short.
    const platform = { controller: { isCareProvider: false }, retention: criterion('as-long-as-necessary') };
    expect(check(platform).findings.filter((f) => f.includes('retention/'))).toEqual([
      'warning retention/vague /retention/0/condition',
    ]);
  });

  it('neither criterion is reported when no health data is kept under it, or at a controller that is no care provider', () => {
    const contactOnly = criterion('until-consent-withdrawn').map((r) => ({
      ...r,
      id: 'contact',
      dataCategories: ['contact'],
    }));
    const both = {
      purposes: [{ ...care, retention: ['contact', 'file'] }],
      retention: [...contactOnly, { ...file, dataCategories: ['medical'] }],
    };
    expect(wgboAndConsent(check(both).findings)).toEqual([]);
    const platform = { controller: { isCareProvider: false }, retention: criterion('until-consent-withdrawn') };
    expect(wgboAndConsent(check(platform).findings)).toEqual([]);
  });

  it('a deletion request ends the file lawfully (BW 7:455): "until a deletion request" is not reported', () => {
    expect(wgboAndConsent(check({ retention: criterion('until-deletion-request') }).findings)).toEqual([]);
  });
});

describe('no WGBO finding on what is not the medical file', () => {
  const newsletterTerm = {
    id: 'newsletter',
    name: T('Nieuwsbrief', 'Newsletter'),
    dataCategories: ['contact'],
    condition: 'until-consent-withdrawn',
  };
  const newsletter = {
    id: 'newsletter',
    name: T('Nieuwsbrief', 'Newsletter'),
    registerDescription: T('Nieuwsbrief aan wie zich aanmeldt.', 'Newsletter to those who sign up.'),
    legalBasis: '6(1)(a)',
    dataSubjects: ['patients'],
    dataCategories: ['contact'],
    retention: ['newsletter'],
  };

  it("a care provider's newsletter on consent, ending on withdrawal: no finding at all", () => {
    expect(check({ purposes: [care, newsletter], retention: [file, newsletterTerm] }).findings).toEqual([]);
  });

  it("a care provider's newsletter on consent without that end: only the consent-retention advice, no WGBO finding", () => {
    const { condition: _condition, ...withoutEnd } = newsletterTerm;
    const twoYears = { ...withoutEnd, period: 'P2Y', from: 'collection' };
    expect(check({ purposes: [care, newsletter], retention: [file, twoYears] }).findings).toEqual([
      'info art7/consent-retention-missing /purposes/1/retention',
    ]);
  });

  /** A care provider's consent purpose on website visitors' data (no health data), named `name`. */
  function visitorsPurpose(id: string, name: { nl: string; en: string }) {
    const purpose = {
      ...newsletter,
      id,
      name,
      dataSubjects: ['visitors'],
      dataCategories: ['visits'],
      retention: ['visits'],
    };
    const { findings } = check({
      dataSubjects: [...base.dataSubjects, { id: 'visitors', name: T('Bezoekers', 'Visitors') }],
      dataCategories: [...base.dataCategories, { id: 'visits', name: T('Websitebezoek', 'Website visits') }],
      purposes: [care, purpose],
      retention: [file, { ...newsletterTerm, id: 'visits', dataCategories: ['visits'], period: 'P14M' }],
    });
    return { purpose, findings };
  }

  it("a care provider's website analytics on consent (visitors' data, no health data): no WGBO finding", () => {
    expect(visitorsPurpose('analytics', T('Websitebezoek meten', 'Website analytics')).findings).toEqual([]);
  });

  it("a care provider's website statistics are not research on health data: no secondary-use finding", () => {
    const statistics = visitorsPurpose('website-statistics', T('Websitestatistieken', 'Website statistics'));
    expect(statistics.findings).toEqual([]);
    // Statistics on health data remain secondary use.
    const onHealth = check({
      purposes: [
        care,
        { ...statistics.purpose, dataSubjects: ['patients'], dataCategories: care.dataCategories, retention: ['file'] },
      ],
    });
    expect(onHealth.findings.filter((f) => f.includes('research/secondary-use-condition'))).toHaveLength(1);
  });

  /**
   * A second purpose on 6(1)(a) with `condition`, using health data of its own
   * that it keeps until consent is withdrawn: were that data the medical file,
   * both the consent and the term would be reported.
   */
  function secondPurpose(id: string, name: { nl: string; en: string }, condition?: string) {
    const category = { id, name, special: 'health' };
    const purpose = {
      id,
      name,
      registerDescription: name,
      legalBasis: '6(1)(a)',
      ...(condition ? { specialCategoryCondition: { condition } } : {}),
      dataSubjects: ['patients'],
      dataCategories: [id],
      retention: [id],
    };
    return check({
      dataCategories: [...base.dataCategories, category],
      purposes: [care, purpose],
      retention: [file, { ...newsletterTerm, id, name, dataCategories: [id] }],
    }).findings;
  }

  it('research on health data with explicit consent is secondary use, not the medical file: no WGBO finding on it', () => {
    const research = T('Wetenschappelijk onderzoek', 'Scientific research');
    expect(wgboAndConsent(secondPurpose('research', research, '9(2)(a)'))).toEqual([]);
    // Without an art. 9 exception (art9/condition-missing reports that), consent still makes it research.
    expect(wgboAndConsent(secondPurpose('research', research))).toEqual([]);
  });

  it("staff health data under 9(2)(b), on the employee's consent, is not the medical file", () => {
    expect(wgboAndConsent(secondPurpose('absence', T('Verzuim', 'Sick leave'), '9(2)(b)'))).toEqual([]);
  });

  it('making the file available through an exchange system on explicit consent (Wabvpz 15a) is not consent as the basis of the file', () => {
    const exchange = {
      id: 'exchange',
      name: T('Beschikbaar stellen via het LSP', 'Making data available through the LSP'),
      registerDescription: T('Uitwisseling via het LSP.', 'Exchange through the LSP.'),
      legalBasis: '6(1)(a)',
      specialCategoryCondition: { condition: '9(2)(a)' },
      dataSubjects: ['patients'],
      dataCategories: ['contact', 'medical'],
      recipients: ['lsp'],
      retention: ['file'],
    };
    const lsp = {
      id: 'lsp',
      name: T('Landelijk Schakelpunt (LSP)', 'National switch point (LSP)'),
      type: 'care-provider',
    };
    const { findings } = check({ purposes: [care, exchange], recipients: [...base.recipients, lsp] });
    expect(wgboAndConsent(findings)).toEqual([]);
    expect(findings.filter((f) => f.includes('wabvpz/'))).toEqual([]);
  });
});
