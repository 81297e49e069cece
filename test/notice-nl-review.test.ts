import { describe, expect, it } from 'vitest';
import type { PolicySource } from '../src/policy/policy-types.js';
import { miniPolicy } from './support/mini-policy.js';
import { policyOutputs } from './support/policy-outputs.js';

/** The Dutch privacy lawyer's review of the notices (2026-12-06): each verified finding, fixed. */
const text = (nl: string, en = nl): { nl: string; en: string } => ({ nl, en });

function careProvider(extra: Partial<PolicySource> = {}): PolicySource {
  const policy = miniPolicy();
  policy.controller = { ...policy.controller, isCareProvider: true };
  return { ...policy, ...extra };
}

describe('an authored erasure note at a care provider (review item 1)', () => {
  const note = text('EIGEN-NOTITIE tenzij een wettelijke plicht.', 'OWN-NOTE unless a legal obligation.');

  it('is followed by the pointer to the WGBO patient rights, which it must not hide', () => {
    const { notice } = policyOutputs(careProvider({ rights: { notes: { erasure: note } } }));
    expect(notice.nl).toContain(
      'EIGEN-NOTITIE tenzij een wettelijke plicht.\n\nVoor uw medisch dossier gelden ook de patiëntenrechten uit de WGBO; die staan hieronder.',
    );
    expect(notice.en).toContain('OWN-NOTE unless a legal obligation.\n\nFor your medical file, the patient rights');
  });

  it('without a note, the general sentence is unchanged', () => {
    const { notice } = policyOutputs(careProvider());
    expect(notice.nl).toContain(
      'U mag ons vragen uw gegevens te wissen. Voor uw medisch dossier gelden ook de patiëntenrechten uit de WGBO; die staan hieronder.',
    );
  });

  it('is not followed by it where the organisation is no care provider', () => {
    const policy = miniPolicy();
    policy.rights = { notes: { erasure: note } };
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain('EIGEN-NOTITIE');
    expect(notice.nl).not.toContain('WGBO');
  });
});
