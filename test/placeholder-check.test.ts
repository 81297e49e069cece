import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../src/pipeline/analyse-policy.js';
import { mergePatch, ruleFixtureBase } from './support/rule-fixtures.js';

/**
 * policyc check on the first-user review's contact-form purpose, whose English legitimate interest was
 * left as "TODO" (finding 4): published as "Our legitimate interest: TODO" with 0 errors and 0 warnings.
 */
const base = JSON.parse(readFileSync(ruleFixtureBase, 'utf8'));
const contactForm = (legitimateInterest: object) => ({
  id: 'contact-form',
  name: { nl: 'Contactformulier', en: 'Contact form' },
  legalBasis: '6(1)(f)',
  legitimateInterest,
  dataSubjects: ['patients'],
  dataCategories: ['contact'],
  retention: ['file'],
});

function warnings(legitimateInterest: object): string[] {
  const policy = mergePatch(base, { purposes: [...base.purposes, contactForm(legitimateInterest)] });
  const { findings } = analysePolicy(JSON.stringify(policy, null, 2), 'policy.json');
  return findings.filter((f) => f.ruleId.startsWith('wording/')).map((f) => `${f.severity} ${f.ruleId} ${f.pointer}`);
}

describe('check reports a text the author has not written yet', () => {
  it('"en": "TODO": a warning at the English text', () => {
    expect(warnings({ nl: 'Vragen van (toekomstige) patiënten beantwoorden.', en: 'TODO' })).toEqual([
      'warning wording/placeholder-text /purposes/1/legitimateInterest/en',
    ]);
  });

  it('the Dutch copied into the English: a warning at the copy', () => {
    const dutch = 'Vragen van (toekomstige) patiënten beantwoorden.';
    expect(warnings({ nl: dutch, en: dutch })).toEqual([
      'warning wording/untranslated /purposes/1/legitimateInterest/en',
    ]);
  });

  it('a translated text: nothing', () => {
    expect(
      warnings({
        nl: 'Vragen van (toekomstige) patiënten beantwoorden.',
        en: 'Answering questions from (future) patients.',
      }),
    ).toEqual([]);
  });
});
