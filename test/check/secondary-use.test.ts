import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import { mergePatch, ruleFixtureBase } from '../support/rule-fixtures.js';

/**
 * research/secondary-use-condition says "re-uses health data" only where the purpose names health
 * data; a care provider's research on data not marked as such "may" re-use it (privacy-officer review).
 */
const base = JSON.parse(readFileSync(ruleFixtureBase, 'utf8'));
const care = base.purposes[0];

function messages(dataCategories: string[]): string[] {
  const research = {
    ...care,
    id: 'research',
    name: { nl: 'Wetenschappelijk onderzoek', en: 'Scientific research' },
    legalBasis: '6(1)(f)',
    dataCategories,
  };
  delete research.specialCategoryCondition;
  delete research.requirement;
  const policy = mergePatch(base, { purposes: [care, research] });
  return analysePolicy(JSON.stringify(policy, null, 2), 'policy.json')
    .findings.filter((f) => f.ruleId === 'research/secondary-use-condition')
    .map((f) => f.message);
}

describe('research/secondary-use-condition', () => {
  it('on data not marked as health data: "may re-use", and says so', () => {
    expect(messages(['contact'])).toEqual([
      'The purpose “Scientific research” is research, quality work or AI at a care provider: it may re-use health data, though none of the data it names is marked as such. It names neither explicit consent nor 9(2)(j) with the Dutch provision that allows it (UAVG art. 24 or BW 7:458).',
    ]);
  });

  it('on health data: "re-uses health data"', () => {
    expect(messages(['contact', 'medical'])).toEqual([
      expect.stringMatching(/^The purpose “Scientific research” re-uses health data for research/),
    ]);
  });
});
