import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import { mergePatch, ruleFixtureBase } from '../support/rule-fixtures.js';

/**
 * The checker regressions of the review secondread9 (reviews/secondread9.md), each with the review's own texts on the
 * minimal care-provider policy (test/fixtures/rules/base.json): those that must be reported and those that must not.
 */
const base = JSON.parse(readFileSync(ruleFixtureBase, 'utf8'));
const T = (nl: string, en: string) => ({ nl, en });

/** The findings of `ruleId` on `policy` patched with `patch`, as 'severity pointer'. */
function findings(ruleId: string, patch: object, policy: object = base): string[] {
  const analysed = analysePolicy(JSON.stringify(mergePatch(policy, patch), null, 2), 'policy.json');
  expect(analysed.diagnostics).toEqual([]);
  return analysed.findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.severity} ${f.pointer}`);
}

describe('cookies/tracking-without-consent: only consent as the condition counts (D2)', () => {
  const tracking = (nl: string, en: string) =>
    findings('cookies/tracking-without-consent', {
      cookies: {
        used: true,
        categories: [{ id: 'tracking', name: T('Trackingcookies', 'Tracking cookies'), description: T(nl, en) }],
      },
    });

  it.each([
    ['c1, no consent words', 'Wij gebruiken deze cookies voor advertenties.', 'We use these cookies for advertising.'],
    [
      'c2, the cookie wall',
      'Als je verder surft op onze website, ga je akkoord met deze cookies.',
      'If you continue to use our site, you accept these cookies.',
    ],
    [
      'c3, placed on the visit, consent withdrawn later',
      'Wij plaatsen deze cookies als je onze website bezoekt; in de instellingen kun je je toestemming later intrekken.',
      'We place these cookies when you visit our website; you can withdraw your consent later in the settings.',
    ],
    [
      'c4, placed on the visit, consent withdrawn later, one sentence',
      'Wij plaatsen deze cookies als je onze website bezoekt en je kunt je toestemming later intrekken.',
      'We place these cookies when you visit our website and you can withdraw your consent later.',
    ],
    [
      'c5, the advertisers’ own terms',
      'Wij delen de gegevens uit deze cookies met adverteerders, die ze gebruiken met hun eigen voorwaarden die je accepteert bij hun diensten.',
      'We share data from these cookies with advertisers, who use it with their own terms that you accepted for their services.',
    ],
    [
      'browsing as the consent, even "only with your consent"',
      'Wij plaatsen deze cookies alleen met je toestemming, die je geeft door verder te surfen op onze website.',
      'We place these cookies only with your consent, which you give by continuing to use our website.',
    ],
  ])('still reported: %s', (_, nl, en) => {
    expect(tracking(nl, en)).toEqual(['warning /cookies/categories/0']);
  });

  it.each([
    [
      'c6 (officer8 S7)',
      'Wij plaatsen deze cookies alleen als je daarvoor toestemming geeft in de cookiebanner.',
      'We place these cookies only if you give your consent in the cookie banner.',
    ],
    [
      'with your prior consent',
      'Deze cookies plaatsen wij met je voorafgaande toestemming.',
      'We place these cookies with your prior consent.',
    ],
    [
      'consent asked',
      'Voor deze cookies wordt eerst toestemming gevraagd.',
      'For these cookies we ask for your consent first.',
    ],
    [
      'pas nadat / only after',
      'Deze cookies worden pas geplaatst nadat je akkoord gaat in de cookiebanner.',
      'These cookies are set only after you accept them in the cookie banner.',
    ],
  ])('not reported: %s', (_, nl, en) => {
    expect(tracking(nl, en)).toEqual([]);
  });
});
