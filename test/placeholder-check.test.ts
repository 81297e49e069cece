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

describe('an angle-bracket blank is called a blank, not raw HTML (officer review 2, finding 9)', () => {
  function refused(en: string): string[] {
    // The probe's security text (a Markdown field).
    const policy = mergePatch(base, {
      security: { description: { nl: 'Wij beveiligen gegevens volgens NEN 7510.', en } },
    });
    const { diagnostics } = analysePolicy(JSON.stringify(policy, null, 2), 'policy.json');
    return diagnostics.map((d) => `${d.ruleId} ${d.message}`);
  }

  it('"<e-mailadres FG>": refused as a blank to fill in', () => {
    expect(refused('We protect data under NEN 7510. Our DPO is reachable at <e-mailadres FG>.')).toEqual([
      'schema/unsafe-markdown looks like a blank to fill in (<e-mailadres FG>); write what the notice should say there',
    ]);
  });

  it('"<organisatie>", "<company>", "<praktijk>": a blank too, one word of the list wording/placeholder-text reads', () => {
    // Before, the Markdown check had its own shorter list, without these three: "contains raw HTML".
    for (const tag of ['<organisatie>', '<company>', '<praktijk>']) {
      expect(refused(`We protect data under NEN 7510 at ${tag}.`)).toEqual([
        `schema/unsafe-markdown looks like a blank to fill in (${tag}); write what the notice should say there`,
      ]);
    }
  });

  it('real HTML is still called HTML', () => {
    expect(refused('We protect data <script async>.')).toEqual([
      expect.stringMatching(/^schema\/unsafe-markdown contains raw HTML \(<script async>\)/),
    ]);
    expect(refused('We protect <b>data</b>.')).toEqual([
      expect.stringMatching(/raw HTML \(<b>\)/),
      expect.stringMatching(/raw HTML \(<\/b>\)/),
    ]);
  });
});
