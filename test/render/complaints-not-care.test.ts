import { describe, expect, it } from 'vitest';
import { miniPolicy } from '../support/mini-policy.js';
import { policyOutputs } from '../support/policy-outputs.js';

/**
 * The complaints officer and disputes body may be named in any policy; the Wkkgz and "our care" only hold for a
 * care provider (final read of 2026-12-07: Doctolib with a disputes body read "zoals de Wet kwaliteit, klachten en
 * geschillen zorg (Wkkgz) vraagt").
 */
const withBodies = (careProvider: boolean) => {
  const policy = miniPolicy() as ReturnType<typeof miniPolicy> & Record<string, unknown>;
  policy.controller.isCareProvider = careProvider;
  policy.complaints = {
    officer: { name: 'J. de Vries', contact: { email: 'klachten@mini.example' } },
    disputesBody: { name: 'Geschillencommissie Thuiswinkel', contact: { url: 'https://thuiswinkel.example' } },
  };
  return policyOutputs(policy).notice;
};

describe('the complaints officer and disputes body', () => {
  it('outside care: no Wkkgz and no "our care", in either language', () => {
    const notice = withBodies(false);
    for (const lang of ['nl', 'en'] as const) {
      expect(notice[lang]).toContain('Geschillencommissie Thuiswinkel');
      expect(notice[lang]).not.toMatch(/Wkkgz|onze zorg|our care/);
    }
    expect(notice.nl).toContain('Dat is de geschilleninstantie waarbij wij zijn aangesloten.');
  });

  it('at a care provider: as the Wkkgz asks', () => {
    const notice = withBodies(true);
    expect(notice.nl).toContain('zoals de Wet kwaliteit, klachten en geschillen zorg (Wkkgz) vraagt');
    expect(notice.en).toContain('Do you have a complaint about our care?');
  });
});
