import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/index.js';
import { analysePolicy } from '../src/pipeline/analyse-policy.js';
import { mergePatch, ruleFixtureBase } from './support/rule-fixtures.js';

/**
 * Health data a care provider keeps outside the medical file (first-user review, finding 2): a GP practice
 * records its telephone calls for 3 months under 6(1)(f) and 9(2)(h); the assistant writes what matters into
 * the file. Without a word from the author, policyc takes 9(2)(h) health data at a care provider for the file
 * and reports the 3 months (retention/medical-file-too-short). The author can say the recordings are not the
 * file (partOfMedicalFile: false), or acknowledge the finding; either way the notice states the 3 months as
 * written, and no sentence that the law asks 20 years of them.
 */
const base = JSON.parse(readFileSync(ruleFixtureBase, 'utf8'));
const T = (nl: string, en: string) => ({ nl, en });
const recordingsCategory = {
  id: 'call-recordings',
  name: T('Opnames van telefoongesprekken', 'Recordings of telephone calls'),
  special: 'health',
};
const recordingsPurpose = {
  id: 'call-recording',
  name: T('Telefoongesprekken opnemen', 'Recording telephone calls'),
  legalBasis: '6(1)(f)',
  legitimateInterest: T(
    'De kwaliteit van de telefonische triage bewaken.',
    'Monitoring the quality of telephone triage.',
  ),
  specialCategoryCondition: { condition: '9(2)(h)', lawReference: { law: 'uavg', article: '30 lid 3' } },
  dataSubjects: ['patients'],
  dataCategories: ['call-recordings'],
  retention: ['recordings'],
};
const recordingsRule = {
  id: 'recordings',
  name: T('Telefoonopnames', 'Call recordings'),
  dataCategories: ['call-recordings'],
  period: 'P3M',
  from: 'collection',
};
const lawNote = 'De wet (artikel 7:454, lid 3, BW) vraagt dat een medisch dossier ten minste 20 jaar';
const reason = T('Opnames horen niet bij het dossier.', 'Recordings are not part of the file.');

function practice(category: object = {}, metadata: object = {}): object {
  return mergePatch(base, {
    metadata,
    dataCategories: [...base.dataCategories, { ...recordingsCategory, ...category }],
    purposes: [...base.purposes, recordingsPurpose],
    retention: [...base.retention, recordingsRule],
  }) as object;
}

const medicalFileFindings = (policy: object) =>
  analysePolicy(JSON.stringify(policy, null, 2), 'policy.json')
    .findings.filter((f) => f.ruleId.startsWith('retention/medical-file'))
    .map((f) => `${f.ruleId} ${f.pointer}${f.acknowledged ? ' acknowledged' : ''}`);

async function outputs(policy: object, options = {}): Promise<Record<string, string>> {
  const { outputs: files, diagnostics } = await compile(policy, options);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return Object.fromEntries(files.map((f) => [f.path.replace(/^[^/]*\//, ''), String(f.contents)]));
}

/** The recordings' row of the Dutch retention table, and their purpose card's retention line. */
function recordingsLines(md: string) {
  return {
    row: md.split('\n').find((l) => l.startsWith('| **Telefoonopnames**'))!,
    card: md.split('\n').find((l) => l.startsWith('- **Bewaartermijn:**') && l.includes('Telefoonopnames'))!,
  };
}

describe('health data kept outside the medical file', () => {
  it('without a word from the author, 3 months of 9(2)(h) recordings is reported and the notice states the law beside them', async () => {
    expect(medicalFileFindings(practice())).toEqual(['retention/medical-file-too-short /retention/1/period']);
    const { row, card } = recordingsLines((await outputs(practice()))['nl/privacy.md']!);
    expect(row).toContain(lawNote);
    // The card gives the period with the law's minimum beside it (English review 1, finding 12; English review 2, finding 11).
    expect(card).toContain(
      '3 maanden nadat de gegevens zijn vastgelegd (de wet vraagt ten minste 20 jaar na de laatste wijziging in het dossier)',
    );
  });

  it('partOfMedicalFile: false: no finding, the 3 months in the table and the card, and the notice and register say so', async () => {
    const policy = practice({ partOfMedicalFile: false });
    expect(medicalFileFindings(policy)).toEqual([]);
    const out = await outputs(policy);
    const { row, card } = recordingsLines(out['nl/privacy.md']!);
    expect(row).toMatch(/^\| \*\*Telefoonopnames\*\* \| 3 maanden \|/);
    expect(row).not.toContain('De wet');
    expect(card).toContain('3 maanden');
    expect(out['nl/privacy.md']).toContain(
      'Opnames van telefoongesprekken (bijzondere persoonsgegevens: gegevens over gezondheid; geen onderdeel van het medisch dossier)',
    );
    expect(out['en/privacy.md']).toContain('not part of the medical file');
    expect(out['nl/register.md']).toContain('geen onderdeel van het dossier (WGBO)');
    expect(out['en/register.md']).toContain('not part of the medical file (WGBO)');
  });

  it("the summary's line on how long the medical file is kept is the file's, not the recordings' (listed first)", async () => {
    const { legalSource: _law, ...file } = base.retention[0];
    const policy = mergePatch(practice({ partOfMedicalFile: false }), {
      retention: [recordingsRule, { ...file, dataCategories: ['contact', 'medical'] }],
    }) as object;
    const md = (await outputs(policy))['nl/privacy.md']!;
    expect(md).toContain('Medisch dossier: bewaartermijn 20 jaar');
    expect(md).not.toContain('Telefoonopnames: bewaard');
  });

  it('marking the recordings leaves the medical file itself checked', () => {
    const policy = practice({ partOfMedicalFile: false });
    const short = mergePatch(policy, {
      retention: [{ ...base.retention[0], period: 'P3M' }, recordingsRule],
    }) as object;
    expect(medicalFileFindings(short)).toEqual(['retention/medical-file-too-short /retention/0/period']);
  });

  it('partOfMedicalFile: true holds data to the 20 years even where no purpose would make it the file', () => {
    // Research on consent is not the file (policy/policy-facts.ts); the author says these recordings are.
    const onConsent = {
      ...recordingsPurpose,
      legalBasis: '6(1)(a)',
      specialCategoryCondition: { condition: '9(2)(a)' },
    };
    const research = { ...onConsent, name: T('Wetenschappelijk onderzoek', 'Scientific research') };
    const policy = mergePatch(practice(), { purposes: [base.purposes[0], research] }) as object;
    expect(medicalFileFindings(policy)).toEqual([]);
    const marked = mergePatch(policy, {
      dataCategories: [...base.dataCategories, { ...recordingsCategory, partOfMedicalFile: true }],
    }) as object;
    expect(medicalFileFindings(marked)).toEqual(['retention/medical-file-too-short /retention/1/period']);
  });

  it('an acknowledged finding (in the policy): the period as written, with no legal minimum beside it', async () => {
    const policy = practice(
      {},
      { acknowledged: [{ rule: 'retention/medical-file-too-short', pointer: '/retention/1', reason }] },
    );
    expect(medicalFileFindings(policy)).toEqual(['retention/medical-file-too-short /retention/1/period acknowledged']);
    const md = (await outputs(policy))['nl/privacy.md']!;
    const { row, card } = recordingsLines(md);
    expect(row).toMatch(/^\| \*\*Telefoonopnames\*\* \| 3 maanden \|/);
    expect(md).not.toContain(lawNote);
    expect(card).toContain('3 maanden');
  });

  it("an acknowledged finding does not make the recordings' period the summary's line on the medical file", async () => {
    const { legalSource: _law, ...file } = base.retention[0];
    const acknowledged = [{ rule: 'retention/medical-file-too-short', reason }];
    const policy = mergePatch(practice({}, { acknowledged }), {
      retention: [recordingsRule, { ...file, dataCategories: ['contact', 'medical'] }],
    }) as object;
    const md = (await outputs(policy))['nl/privacy.md']!;
    expect(md).not.toContain('Telefoonopnames: bewaard');
    expect(recordingsLines(md).card).toContain('3 maanden');
  });

  it('an acknowledged finding (in the config file): the same', async () => {
    const acknowledged = [{ policy: 'fixture-base', rule: 'retention/medical-file-too-short', reason }];
    const md = (await outputs(practice(), { acknowledged }))['nl/privacy.md']!;
    expect(md).not.toContain(lawNote);
    expect(recordingsLines(md).card).toContain('3 maanden');
  });
});
