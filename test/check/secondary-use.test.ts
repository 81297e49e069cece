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

/**
 * Work that serves the treatment or the practice's own quality of care (iPractice's "Verbeteren van de
 * behandelkwaliteit met kunstmatige intelligentie") may rest on 9(2)(h) with UAVG art. 30(3)(a): the message names
 * that route beside the research routes, and 9(2)(h) silences it; research keeps the research routes (officer11 F2).
 */
describe('research/secondary-use-condition: the care route for treatment and quality work', () => {
  const aiForTreatment = {
    ...care,
    id: 'ai-treatment-quality',
    name: {
      nl: 'Verbeteren van de behandelkwaliteit met kunstmatige intelligentie',
      en: 'Improving treatment quality with artificial intelligence',
    },
    legalBasis: '6(1)(b)',
  };

  function secondaryUse(purpose: object, lang: 'en' | 'nl' = 'en') {
    const policy = mergePatch(base, { purposes: [care, purpose] });
    return analysePolicy(JSON.stringify(policy, null, 2), 'policy.json', lang).findings.filter(
      (f) => f.ruleId === 'research/secondary-use-condition',
    );
  }

  it('AI for the treatment without an exception: names 9(2)(h) with UAVG art. 30(3)(a) and the research routes', () => {
    const withoutCondition = { ...aiForTreatment };
    delete withoutCondition.specialCategoryCondition;
    for (const data of [['contact'], ['contact', 'medical']]) {
      const en = secondaryUse({ ...withoutCondition, dataCategories: data });
      const nl = secondaryUse({ ...withoutCondition, dataCategories: data }, 'nl');
      expect(en.map((f) => f.message)).toEqual([
        expect.stringMatching(/usually 9\(2\)\(h\) with UAVG art\. 30\(3\)\(a\).*; if it is scientific research/),
      ]);
      expect(nl.map((f) => f.message)).toEqual([
        expect.stringMatching(
          /meestal art\. 9, lid 2, onder h, met art\. 30, lid 3, onder a, UAVG.*; is het wetenschappelijk onderzoek/,
        ),
      ]);
      expect(en[0]!.article).toBe('GDPR 9(2)(h), 9(2)(j); UAVG 30(3)(a), 24; BW 7:458');
    }
  });

  it('the route it names silences it: AI for the treatment under 9(2)(h), also when named for quality alone', () => {
    const h = { condition: '9(2)(h)' };
    expect(secondaryUse({ ...aiForTreatment, specialCategoryCondition: h })).toEqual([]);
    const quality = { nl: 'Kwaliteit van zorg met AI', en: 'Quality of care with AI' };
    expect(secondaryUse({ ...aiForTreatment, id: 'ai-quality', name: quality, specialCategoryCondition: h })).toEqual(
      [],
    );
  });

  it('scientific research keeps the research routes only, also when its name speaks of treatment', () => {
    const research = {
      ...aiForTreatment,
      id: 'research',
      name: { nl: 'Wetenschappelijk onderzoek naar behandelingen', en: 'Scientific research into treatments' },
      specialCategoryCondition: { condition: '9(2)(h)' },
    };
    const found = secondaryUse(research);
    expect(found.map((f) => f.message)).toEqual([expect.not.stringMatching(/9\(2\)\(h\)/)]);
    expect(found[0]!.article).toBe('GDPR 9(2)(j); UAVG 24; BW 7:458');
  });
});
