import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../src/pipeline/analyse-policy.js';
import { repoRoot } from './support/cli.js';

/**
 * The checker on the real seed policies: the defects their published
 * statements have, and nothing they do right. Each finding below was checked
 * against the source text (shared/seeds/…); see the closing note.
 */
function findingsOf(id: string): string[] {
  const file = path.join(repoRoot, 'policies', id, 'policy.json');
  const analysed = analysePolicy(readFileSync(file, 'utf8'), path.relative(repoRoot, file));
  expect(analysed.diagnostics).toEqual([]);
  return analysed.findings.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.pointer}`);
}

describe('seed policies', () => {
  it('iPractice: reports the defects of its statement and no false alarm', () => {
    expect(findingsOf('ipractice')).toEqual([
      // The statement names no DPO and no security measures: lists lost or never there.
      '24:17 info dpo/likely-mandatory /controller',
      // Retention is stated for website visitors, applicants and staff, but no purpose or basis is.
      '42:13 warning unused/data-subject /dataSubjects/1/id',
      '43:13 warning unused/data-subject /dataSubjects/2/id',
      '45:13 warning unused/data-subject /dataSubjects/4/id',
      '46:13 warning unused/data-subject /dataSubjects/5/id',
      // Contact details are processed for two purposes; no retention period is given for them.
      '55:13 error retention/missing /dataCategories/0/id',
      '83:13 warning unused/data-category /dataCategories/6/id',
      '87:13 warning unused/data-category /dataCategories/7/id',
      '91:13 warning unused/data-category /dataCategories/8/id',
      // The register gives the three purposes in the notice's words: information, once, naming them (officer8 D3).
      '96:5 info register/description-missing /purposes/0/registerDescription',
      // A notice need not cite UAVG 30(3): information for the privacy officer (legal review, item 4).
      '106:22 info art9/professional-secrecy-missing /purposes/0/specialCategoryCondition/condition',
      // "we have a legitimate interest" without naming it.
      '120:21 error art6/legitimate-interest-missing /purposes/1/legalBasis',
      // The AI purpose has no basis at all, and re-uses care data for AI without 9(2)(j) or consent.
      '128:5 error art6/basis-missing /purposes/2/legalBasis',
      '130:15 warning research/secondary-use-condition /purposes/2/name',
      // No recipients: shown at the sharing text a reader would edit, not at 1:1 (officer11 F16).
      '148:14 info recipients/none-named /recipients',
      // "In principe geven we nooit ... door": whether data goes outside the EU is taken back (officer11, item 6).
      '154:18 info wording/vague /transfers/statement',
      // 20 years "after the end of treatment": BW 7:454(3) counts from the last change to the file.
      '165:15 warning retention/medical-file-start /retention/0/from',
      '173:15 warning retention/medical-file-start /retention/1/from',
      // 12(3) is a duty in handling requests, not a notice item: information.
      '222:13 info rights/response-time-missing /rights/responseTime',
      // Erasure refused when "good care" prevents it: BW 7:455 allows refusal only for another's considerable interest or a statutory provision.
      '236:18 warning wgbo/erasure-refused-for-good-care /rights/notes/erasure',
      // A care provider, for whom NEN 7510 is binding: a warning (officer11 F9).
      '242:15 warning security/measures-missing /security',
      // Complaints go to the privacy address or the therapist, then the AP: no Wkkgz complaints officer or disputes body.
      '255:17 info wkkgz/complaints-route-unstated /complaints',
    ]);
  });

  it('iPractice: keeping medical data 20 years after treatment is not reported', () => {
    expect(findingsOf('ipractice').filter((f) => f.includes('retention/medical-file-too-short'))).toEqual([]);
  });
});

/** Findings as 'severity rule pointer', without positions: the seeds below are checked for their key defects. */
function findingKeys(id: string): string[] {
  return findingsOf(id).map((f) => f.replace(/^\d+:\d+ /, ''));
}

describe('seed policies: the defects the seed README names, and no false alarm on what they do right', () => {
  it('cosmetic clinic (001): medical data "maximum six months" against the 20-year WGBO term; no name; DPO without contact', () => {
    const findings = findingKeys('cosmetic-clinic');
    expect(findings).toContain('error retention/medical-file-too-short /retention/0/period');
    expect(findings).toContain('error controller/identity-missing /controller/name');
    expect(findings).toContain('error dpo/contact-missing /dpo/contact');
    expect(findings).toContain('error art6/basis-missing /purposes/6/legalBasis'); // camera surveillance
    // Backups deleted 3 months after deletion are not the medical file's retention.
    expect(findings.filter((f) => f.includes('medical-file-too-short') && f.includes('/retention/5/'))).toEqual([]);
    // It states a response time of one month: nothing to report there.
    expect(findings.filter((f) => f.includes('rights/response-time'))).toEqual([]);
  });

  it('Dental Clinics (002): BSN without its legal ground; camera images without a period; 20 and 7 years are fine', () => {
    const findings = findingKeys('dental-clinics');
    expect(findings.some((f) => f.startsWith('warning bsn/legal-ground-missing '))).toBe(true);
    expect(findings).toContain('error retention/missing /dataCategories/7/id'); // camera images
    expect(findings).toContain('error art6/basis-missing /purposes/11/legalBasis'); // camera surveillance
    // "indien mogelijk, binnen de termijn": the art. 12(3) term made optional.
    expect(findings).toContain('warning rights/narrowed /rights/howToExercise');
    expect(
      findings.filter((f) => /medical-file-too-short|fiscal-records-too-short|response-time|dpo\//.test(f)),
    ).toEqual([]);
  });

  it('IES (003): relies on the invalidated Privacy Shield; vague retention; purposes without a basis', () => {
    const findings = findingKeys('ies');
    expect(findings).toContain('error transfer/privacy-shield /transfers/mechanisms/0/mechanism');
    expect(findings).toContain('warning retention/vague /retention/0/condition');
    expect(findings.filter((f) => f.startsWith('error art6/basis-missing '))).toHaveLength(5);
    // It says it collects no special categories, and stores data in the Netherlands: no art. 9 or medical findings.
    expect(findings.filter((f) => /art9\/|medical-file/.test(f))).toEqual([]);
  });

  it('Doctolib (004): legitimate interests never named; US processors without a stated mechanism; 7 years under art. 52 AWR is fine', () => {
    const findings = findingKeys('doctolib');
    expect(
      findings.filter((f) => f.startsWith('error art6/legitimate-interest-missing ')).length,
    ).toBeGreaterThanOrEqual(10);
    // ZenDesk, US: the statement gives SCCs "where needed" in general, not per party (legal review: debatable as an error).
    expect(findings).toContain('warning transfer/safeguard-not-per-party /processors/2/transfer');
    expect(findings.filter((f) => f.includes('transfer/mechanism-missing'))).toEqual([]);
    // Not a care provider: no medical-file rule; invoices kept 7 years under art. 52 AWR.
    expect(findings.filter((f) => /medical-file|fiscal-records-too-short|transfer\/privacy-shield/.test(f))).toEqual(
      [],
    );
  });
});

describe('seed policies: the false alarms of the legal review (shared/reviews/legal-review.md) stay gone', () => {
  it('cosmetic clinic: no consent-retention advice on photos in the medical file; the categories the backup rule masked are reported', () => {
    const findings = findingKeys('cosmetic-clinic');
    expect(findings.filter((f) => f.includes('art7/consent-retention-missing'))).toEqual([]);
    expect(findings).toContain('warning wgbo/consent-for-medical-file /purposes/2/legalBasis');
    expect(findings).toEqual(
      expect.arrayContaining([
        'error retention/missing /dataCategories/2/id',
        'error retention/missing /dataCategories/3/id',
        'error retention/missing /dataCategories/4/id',
      ]),
    );
  });

  it('Dental Clinics: no professional-secrecy finding ("beroepsgeheim"), no unused Microsoft or authorities; the WGBO term without a start is (info)', () => {
    const findings = findingKeys('dental-clinics');
    expect(findings.filter((f) => /professional-secrecy|unused\/processor|unused\/recipient/.test(f))).toEqual([]);
    expect(findings).toContain('info retention/medical-file-start /retention/1/period');
    expect(findings).toContain('warning research/secondary-use-condition /purposes/5/name');
  });

  it('IES: no 13(2)(e) finding on the legal-claims purpose, which re-uses data', () => {
    expect(findingKeys('ies').filter((f) => f.includes('/purposes/7/requirement'))).toEqual([]);
  });

  it('Doctolib: no processor or recipient reported for being linked to no purpose', () => {
    expect(findingKeys('doctolib').filter((f) => f.includes('unused/'))).toEqual([]);
  });
});

describe('docs/seed-findings.md', () => {
  const doc = readFileSync(path.join(repoRoot, 'docs/seed-findings.md'), 'utf8');
  /** The rows of one seed's table: 'line:column severity rule pointer' and the judgement. */
  function judged(heading: string): Array<{ key: string; judgement: string }> {
    const section = doc.split(/^## /m).find((s) => s.split('\n')[0]!.includes(heading))!;
    return section
      .split('\n')
      .filter((l) => /^\| \d+:\d+ /.test(l))
      .map((l) => {
        const [pos, severity, rule, pointer, judgement] = l
          .split(' | ')
          .map((c) => c.replace(/^\| /, '').replace(/`/g, ''));
        return { key: `${pos} ${severity} ${rule} ${pointer}`, judgement: judgement! };
      });
  }
  /** Each judged policy and the words its section heading ends with. */
  const sections = {
    ipractice: 'seed 000',
    'cosmetic-clinic': 'seed 001',
    'dental-clinics': 'seed 002',
    ies: 'seed 003',
    doctolib: 'seed 004',
    'bib-verloskundigen': 'corpus 101',
    'zorgburo-de-liemers': 'corpus 102',
    dijklander: 'corpus 103',
    bernhoven: 'corpus 104',
  };

  for (const [id, heading] of Object.entries(sections)) {
    it(`judges every current finding on ${id}, and none is false`, () => {
      const rows = judged(heading);
      expect(rows.map((r) => r.key)).toEqual(findingsOf(id));
      expect(rows.filter((r) => r.judgement !== 'right' && r.judgement !== 'debatable')).toEqual([]);
    });
  }
});

describe('corpus policy BIB verloskundigen (issue 11): religion among the medical data', () => {
  it('declares "godsdienst" in the medical data as religious beliefs beside health, so nothing is undeclared', () => {
    // Patients' review 10, F11: the finding this gave while the category declared only health is gone.
    expect(findingsOf('bib-verloskundigen').filter((f) => f.includes('art9/category-undeclared'))).toEqual([]);
  });
});

describe('corpus policy Bernhoven (issue 11): a hospital statement of 2018', () => {
  it('the 2018 term of 15 years from recording is below the 20-year WGBO term; no basis or art. 9 exception', () => {
    const policy = JSON.parse(readFileSync(path.join(repoRoot, 'policies/bernhoven/policy.json'), 'utf8'));
    expect(policy.metadata.source.url).toBe('https://www.bernhoven.nl/over-bernhoven/privacybeleid/');
    expect(policy.retention).toEqual([
      expect.objectContaining({ period: 'P15Y', from: 'collection', longerForCare: true }),
    ]);
    const findings = findingKeys('bernhoven');
    expect(findings).toContain('error retention/medical-file-too-short /retention/0/period');
    expect(findings).toContain('error art6/basis-missing /purposes/0/legalBasis');
    expect(findings).toContain('error art9/condition-missing /purposes/0/specialCategoryCondition');
    expect(findings.filter((f) => /retention\/medical-file-start|transfer\//.test(f))).toEqual([]);
  });
});
