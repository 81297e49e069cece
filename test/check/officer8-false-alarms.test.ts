import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import { mergePatch, ruleFixtureBase } from '../support/rule-fixtures.js';

/**
 * The false alarms of the eighth privacy-officer review (reviews/officer8.md), each on the minimal care-provider
 * policy (test/fixtures/rules/base.json) with the review's own text, beside the true positive the rule keeps.
 */
const base = JSON.parse(readFileSync(ruleFixtureBase, 'utf8'));
const T = (nl: string, en: string) => ({ nl, en });

/** The findings of `ruleId` on base.json patched with `patch`, as 'severity pointer'. */
function findings(ruleId: string, patch: object): string[] {
  const analysed = analysePolicy(JSON.stringify(mergePatch(base, patch), null, 2), 'policy.json');
  expect(analysed.diagnostics).toEqual([]);
  return analysed.findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.severity} ${f.pointer}`);
}

describe('wgbo/erasure-refused-for-retention: only the medical file’s own term (D1)', () => {
  const erasure = (nl: string, en: string) =>
    findings('wgbo/erasure-refused-for-retention', { rights: { notes: { erasure: T(nl, en) } } });

  it('a legal duty in general is a ground to refuse erasure (GDPR 17(3)(b); BW 7:455(2)): not reported', () => {
    // The review's reproduction (d1): the words of BW 7:455 itself.
    expect(
      erasure(
        'Je kunt ons vragen je medisch dossier te vernietigen. Wij doen dat binnen drie maanden, behalve voor zover een wettelijke plicht tot bewaren zich daartegen verzet of het bewaren van aanmerkelijk belang is voor een ander dan jij.',
        'You can ask us to destroy your medical file. We do so within three months, except where a statutory duty to keep it opposes that or keeping it is of considerable interest to someone other than you.',
      ),
    ).toEqual([]);
    // Dental Clinics: personal data in general, contact details as the example.
    expect(
      erasure(
        'Als er geen andere reden is om je gegevens te bewaren, zoals een wettelijke plicht, zullen we aan je verzoek voldoen. Als je bijvoorbeeld wilt dat we je contactgegevens verwijderen, doen we dat.',
        'If there is no other reason to keep your data, such as a legal obligation, we will comply with your request. If for example you want us to delete your contact details, we do so.',
      ),
    ).toEqual([]);
  });

  it.each([
    [
      'the WGBO',
      'Omdat de WGBO ons de wettelijke plicht oplegt uw dossier te bewaren, vernietigen wij het niet.',
      'As the WGBO puts us under a legal obligation to keep your file, we do not destroy it.',
    ],
    [
      'the 20 years',
      'Uw dossier vernietigen wij niet eerder: wij hebben een bewaarplicht van 20 jaar.',
      'We do not destroy your file sooner: we have a retention duty of 20 years.',
    ],
    [
      'the file’s retention term',
      'Wissen kan pas na afloop van de wettelijke bewaartermijn van het medisch dossier.',
      'Erasure is possible only after the statutory retention period of the medical file.',
    ],
  ])('a duty tied to the file’s term (%s) is still reported', (_, nl, en) => {
    expect(erasure(nl, en)).toEqual(['warning /rights/notes/erasure']);
  });
});
