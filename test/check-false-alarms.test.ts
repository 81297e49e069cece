import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../src/pipeline/analyse-policy.js';
import { readFixture } from './support/fixtures.js';
import { positionIn } from './support/mini-policy.js';
import { mergePatch, ruleFixtureBase } from './support/rule-fixtures.js';

/**
 * One regression per false alarm the legal review found on the seeds
 * (shared/reviews/legal-review.md), each on the minimal care-provider policy
 * (test/fixtures/rules/base.json) with the smallest patch that reproduces it.
 */
const base = JSON.parse(readFileSync(ruleFixtureBase, 'utf8'));
const T = (nl: string, en: string) => ({ nl, en });
const care = base.purposes[0];
/** A copy of `object` without `key` (merge patches cannot delete inside arrays). */
const without = (object: Record<string, unknown>, key: string): Record<string, unknown> =>
  Object.fromEntries(Object.entries(object).filter(([k]) => k !== key));

function check(patch: object) {
  const text = JSON.stringify(mergePatch(base, patch), null, 2);
  const analysed = analysePolicy(text, 'policy.json');
  expect(analysed.diagnostics).toEqual([]);
  return {
    text,
    findings: analysed.findings.map((f) => `${f.severity} ${f.ruleId} ${f.pointer}`),
    raw: analysed.findings,
  };
}

describe('false alarms on the seeds, fixed at their cause', () => {
  it('a processor or recipient linked to no purpose is no finding: a notice need not link them (Dental Clinics, Doctolib)', () => {
    const { findings } = check({
      processors: [
        { id: 'microsoft', name: 'Microsoft', service: T('Kantoorsoftware', 'Office software'), country: 'IE' },
      ],
      recipients: [...base.recipients, { id: 'authorities', name: T('Instanties', 'Authorities'), type: 'authority' }],
    });
    expect(findings).toEqual([]);
  });

  it('an authority receiving data for a particular inquiry is not a recipient to report (art. 4(9); Dental Clinics)', () => {
    const { findings } = check({
      recipients: [
        ...base.recipients,
        { id: 'authorities', name: T('Politie en justitie', 'Police and judiciary'), type: 'authority' },
      ],
    });
    expect(findings.filter((f) => f.includes('/recipients'))).toEqual([]);
  });

  it('consent-retention advice does not apply to photos in the medical file: the WGBO term governs (cosmetic clinic)', () => {
    const photos = {
      id: 'photos',
      name: T("Foto's", 'Photos'),
      legalBasis: '6(1)(a)',
      specialCategoryCondition: { condition: '9(2)(a)' },
      dataSubjects: ['patients'],
      dataCategories: ['medical'],
      retention: ['file'],
    };
    const { findings } = check({ purposes: [care, photos] });
    expect(findings.filter((f) => f.includes('art7/consent-retention-missing'))).toEqual([]);
    // What is wrong instead: consent as the basis of the medical file.
    expect(findings).toContain('warning wgbo/consent-for-medical-file /purposes/1/legalBasis');
  });

  it('controller.website counts as contact details (13(1)(a))', () => {
    // base.json gives an address too, which is contact details of its own: take it away.
    const { findings } = check({ controller: { contact: null, address: null, website: 'https://basis.example' } });
    expect(findings.filter((f) => f.includes('controller/contact-missing'))).toEqual([]);
    expect(check({ controller: { contact: null, address: null } }).findings).toContain(
      'error controller/contact-missing /controller/contact',
    );
  });

  it("a care provider's referral letter is not a public source (14(2)(f))", () => {
    const analysed = analysePolicy(readFixture('false-alarms/referral-source.json'), 'referral-source.json');
    expect(analysed.diagnostics).toEqual([]);
    expect(analysed.findings.filter((f) => f.ruleId === 'art14/public-source-unstated')).toEqual([]);
  });

  it('a backup rule (counted from deletion) is not a category’s retention (cosmetic clinic)', () => {
    const backups = {
      id: 'backups',
      name: T('Back-ups', 'Backups'),
      dataCategories: ['contact', 'medical'],
      period: 'P3M',
      from: 'deletion',
    };
    const { findings, text, raw } = check({ purposes: [{ ...care, retention: [] }], retention: [backups] });
    expect(findings).toEqual(
      expect.arrayContaining([
        'error retention/missing /dataCategories/0/id',
        'error retention/missing /dataCategories/1/id',
      ]),
    );
    const first = raw.find((f) => f.ruleId === 'retention/missing')!;
    expect({ line: first.line, column: first.column }).toEqual(positionIn(text, '"id": "contact"', 1, 6));
  });

  it('13(2)(e) applies to data collected from the person, not to re-use for another purpose (IES legal claims)', () => {
    const claims = {
      id: 'claims',
      name: T('Rechtsvorderingen', 'Legal claims'),
      legalBasis: '6(1)(c)',
      legalObligation: { law: 'awr' },
      dataSubjects: ['patients'],
      dataCategories: ['contact'],
      retention: ['file'],
    };
    const { findings } = check({ purposes: [care, claims] });
    expect(findings.filter((f) => f.includes('art13/requirement-missing'))).toEqual([]);
    // Collected from the person for that purpose: still reported.
    expect(check({ purposes: [without(care, 'requirement')] }).findings).toContain(
      'warning art13/requirement-missing /purposes/0/requirement',
    );
  });

  it('a missing response time is information, not a warning (12(3) is not a notice item)', () => {
    expect(check({ rights: null }).findings).toEqual(['info rights/response-time-missing /rights/responseTime']);
  });

  it('a statement that says "beroepsgeheim" has stated the 9(3) safeguard (Dental Clinics)', () => {
    const condition = {
      condition: '9(2)(h)',
      explanation: T('Uw gegevens vallen onder het beroepsgeheim.', 'Your data is covered by professional secrecy.'),
    };
    expect(check({ purposes: [{ ...care, specialCategoryCondition: condition }] }).findings).toEqual([]);
    expect(check({ purposes: [{ ...care, specialCategoryCondition: { condition: '9(2)(h)' } }] }).findings).toEqual([
      'info art9/professional-secrecy-missing /purposes/0/specialCategoryCondition/condition',
    ]);
  });

  it('Wet BIG art. 88 and Jeugdwet art. 7.3.11 are professional-secrecy laws for 9(3) (legal review item 4)', () => {
    for (const lawReference of [
      { law: 'wet-big', article: '88' },
      { law: 'jeugdwet', article: '7.3.11' },
    ]) {
      expect(
        check({ purposes: [{ ...care, specialCategoryCondition: { condition: '9(2)(h)', lawReference } }] }).findings,
      ).toEqual([]);
    }
    // A law that imposes no secrecy still leaves the safeguard unstated.
    const lawReference = { law: 'wkkgz' };
    expect(
      check({ purposes: [{ ...care, specialCategoryCondition: { condition: '9(2)(h)', lawReference } }] }).findings,
    ).toEqual(['info art9/professional-secrecy-missing /purposes/0/specialCategoryCondition/condition']);
  });

  it('quality work on health data with no art. 9 condition is reported once, as the missing condition, not as secondary use (BIB verloskundigen)', () => {
    const quality = {
      ...without(care, 'specialCategoryCondition'),
      id: 'quality',
      name: T('Onze zorg evalueren en verbeteren', 'Evaluating and improving our care'),
    };
    const { findings } = check({ purposes: [quality] });
    expect(findings).toContain('error art9/condition-missing /purposes/0/specialCategoryCondition');
    expect(findings.filter((f) => f.includes('research/secondary-use-condition'))).toEqual([]);
    // Under a condition other than 9(2)(h) (here 9(2)(g)) it is still secondary use.
    const consent = { ...quality, specialCategoryCondition: { condition: '9(2)(g)' } };
    expect(check({ purposes: [consent] }).findings).toContain(
      'warning research/secondary-use-condition /purposes/0/specialCategoryCondition',
    );
  });

  it('general transfer safeguards for a US party are a warning about specificity, not a missing mechanism (Doctolib)', () => {
    const processors = [{ id: 'zendesk', name: 'ZenDesk', service: T('Support', 'Support'), country: 'US' }];
    const { findings } = check({
      processors,
      purposes: [{ ...care, processors: ['zendesk'] }],
      // With where to get a copy (13(1)(f)), so that the safeguard's specificity is the one finding left.
      transfers: { mechanisms: [{ mechanism: 'scc', copyAvailableAt: T('Op verzoek.', 'On request.') }] },
    });
    expect(findings).toEqual(['warning transfer/safeguard-not-per-party /processors/0/transfer']);
  });
});

describe('the medical-file rule without the optional flag', () => {
  const short = { retention: [{ ...base.retention[0], period: 'P5Y' }] };

  it('recognises a care provider from health data under 9(2)(h), with no isCareProvider flag', () => {
    expect(base.controller.isCareProvider).toBeUndefined();
    expect(check(short).findings).toContain('error retention/medical-file-too-short /retention/0/period');
  });

  it('recognises it from a WGBO citation when no art. 9 condition is given', () => {
    const purposes = [without(care, 'specialCategoryCondition')];
    expect(check({ ...short, purposes }).findings).toContain(
      'error retention/medical-file-too-short /retention/0/period',
    );
  });

  it('respects isCareProvider: false (a platform that is not a care provider)', () => {
    expect(
      check({ ...short, controller: { isCareProvider: false } }).findings.filter((f) => f.includes('medical-file')),
    ).toEqual([]);
  });

  it('20 years from collection is too short: the law counts from the last change to the file', () => {
    const { findings, raw } = check({ retention: [{ ...base.retention[0], from: 'collection' }] });
    expect(findings).toContain('error retention/medical-file-too-short /retention/0/from');
    expect(raw.find((f) => f.ruleId === 'retention/medical-file-too-short')!.message).toBe(
      'The retention rule “Medical file” keeps “Medical data” 20 years after the data was recorded, under the Medical Treatment Contracts Act (WGBO); the law counts the 20 years from the last change to the medical file, which comes later, so this term ends too soon.',
    );
  });

  it('30 years from collection is long enough', () => {
    expect(
      check({ retention: [{ ...base.retention[0], period: 'P30Y', from: 'collection' }] }).findings.filter((f) =>
        f.includes('medical-file'),
      ),
    ).toEqual([]);
  });
});

describe('new checks raise no false alarm on what a statement does right', () => {
  const publicHealth = {
    id: 'public-health',
    name: T('Infectieziektebestrijding', 'Infectious disease control'),
    legalBasis: '6(1)(e)',
    dataSubjects: ['patients'],
    dataCategories: ['contact'],
    retention: ['file'],
  };

  it('6(1)(e) with the law in publicTask (the schema field for 6(3)) names the law', () => {
    const publicTask = { citation: T('Wet publieke gezondheid, art. 6', 'Public Health Act, art. 6') };
    const { findings } = check({ purposes: [care, { ...publicHealth, publicTask }] });
    expect(findings.filter((f) => f.includes('art6/public-task-law-missing'))).toEqual([]);
    expect(check({ purposes: [care, publicHealth] }).findings).toContain(
      'warning art6/public-task-law-missing /purposes/1/legalBasis',
    );
  });

  it('"mogelijk", "bepaalde" and "certain" that are no hedge are not vague wording', () => {
    const note = T(
      'Wij bewaren de beelden zo kort mogelijk, binnen de bij wet bepaalde termijn, als dat technisch mogelijk is.',
      'We keep the images for the term laid down by law, and make certain they are deleted afterwards.',
    );
    expect(
      check({ retention: [{ ...base.retention[0], note }] }).findings.filter((f) => f.includes('wording/vague')),
    ).toEqual([]);
    const hedged = T('Mogelijk bewaren wij bepaalde beelden langer.', 'We probably keep certain images longer.');
    expect(check({ retention: [{ ...base.retention[0], note: hedged }] }).findings).toContain(
      'info wording/vague /retention/0/note',
    );
  });

  it('an erasure note that follows BW 7:455 is not a good-care refusal, and a rights text about access that mentions good care is not either', () => {
    const notes = {
      erasure: T(
        'Wij vernietigen uw dossier, tenzij bewaren van aanmerkelijk belang is voor een ander dan u.',
        'We destroy your file unless keeping it is of considerable interest to someone other than you.',
      ),
      access: T('Inzage helpt ons goede zorg te geven.', 'Access helps us give good care.'),
    };
    expect(check({ rights: { notes } }).findings.filter((f) => f.includes('good-care'))).toEqual([]);
  });
});
