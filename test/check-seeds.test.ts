import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../src/build/analyse-policy.js';
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
      // The statement names no recipients, no DPO and no security measures: lists lost or never there.
      '1:1 info recipients/none-named /recipients',
      '23:17 info dpo/likely-mandatory /controller',
      // Retention is stated for website visitors, applicants and staff, but no purpose or basis is.
      '41:13 warning unused/data-subject /dataSubjects/1/id',
      '42:13 warning unused/data-subject /dataSubjects/2/id',
      '44:13 warning unused/data-subject /dataSubjects/4/id',
      '45:13 warning unused/data-subject /dataSubjects/5/id',
      // Contact details are processed for two purposes; no retention period is given for them.
      '54:13 error retention/missing /dataCategories/0/id',
      '82:13 warning unused/data-category /dataCategories/6/id',
      '86:13 warning unused/data-category /dataCategories/7/id',
      '90:13 warning unused/data-category /dataCategories/8/id',
      // Treatment rests on the agreement (6(1)(b)) but the statement does not say whether data must be provided.
      '95:5 warning art13/requirement-missing /purposes/0/requirement',
      '105:22 warning art9/professional-secrecy-missing /purposes/0/specialCategoryCondition/condition',
      // "we have a legitimate interest" without naming it.
      '119:21 error art6/legitimate-interest-missing /purposes/1/legalBasis',
      // The AI purpose has no basis at all.
      '127:5 error art6/basis-missing /purposes/2/legalBasis',
      '221:13 warning rights/response-time-missing /rights/responseTime',
      '241:15 info security/measures-missing /security',
    ]);
  });

  it('iPractice: keeping medical data 20 years after treatment is not reported', () => {
    expect(findingsOf('ipractice').filter((f) => f.includes('retention/medical-file-too-short'))).toEqual([]);
  });
});
