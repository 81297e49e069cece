import { describe, expect, it } from 'vitest';
import { analyse, miniPolicy } from '../support/mini-policy.js';

/**
 * consent/continued-use (GDPR 4(11), 7(1); recital 32): continuing to use a product is no
 * affirmative act. The privacy-officer review of 2026-12-06 found IES's sentence unreported.
 */
function continuedUse(nl: string, en: string): string[] {
  const policy = miniPolicy();
  policy.introduction = { nl, en };
  return analyse(policy)
    .findings.filter((f) => f.ruleId === 'consent/continued-use')
    .map((f) => f.pointer);
}

describe('consent/continued-use', () => {
  it('reports "if you continue to use our Products, you agree" and its Dutch, whatever the product is called', () => {
    expect(
      continuedUse(
        'Als u onze Producten blijft gebruiken, betekent dit dat u akkoord gaat met het herziene beleid.',
        'If you continue to use our Products, you agree to the revised policy.',
      ),
    ).toHaveLength(1);
    expect(continuedUse('Niets.', 'If you continue to use our website, you agree to these terms.')).toHaveLength(1);
    expect(
      continuedUse('Als je onze Diensten blijft gebruiken, ga je akkoord met de wijzigingen.', 'Nothing.'),
    ).toHaveLength(1);
  });

  it('reports the cookie wall in its Dutch words: browsing or clicking on as agreement', () => {
    for (const nl of [
      'Als je verder surft op onze website, ga je akkoord met deze cookies.',
      'Door verder te klikken geeft u toestemming voor het plaatsen van cookies.',
      'Als u doorgaat op deze website, stemt u in met het gebruik van cookies.',
    ])
      expect(continuedUse(nl, 'Nothing.'), nl).toHaveLength(1);
    // Browsing on without a claim of agreement is not reported.
    expect(continuedUse('Als je verder surft, kun je je toestemming altijd intrekken.', 'Nothing.')).toEqual([]);
  });

  it('does not report continued use that does not claim agreement', () => {
    expect(
      continuedUse(
        'Als u onze app blijft gebruiken, kunt u uw toestemming altijd intrekken.',
        'If you continue to use our app, you can withdraw your consent at any time.',
      ),
    ).toEqual([]);
    expect(continuedUse('Als u onze producten blijft gebruiken, leest u dan deze verklaring.', 'Nothing.')).toEqual([]);
    // The pattern before this review took any 'toestemming' after continued use as the claim.
    expect(
      continuedUse('Als u onze website blijft bezoeken, kunt u uw toestemming voor cookies intrekken.', 'Nothing.'),
    ).toEqual([]);
    expect(
      continuedUse('Als u onze website blijft gebruiken, geeft u daarmee toestemming voor cookies.', 'Nothing.'),
    ).toHaveLength(1);
  });
});
