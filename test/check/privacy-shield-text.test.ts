import { describe, expect, it } from 'vitest';
import type { TransferMechanismId } from '../../src/policy/policy-types.js';
import { analyse, miniPolicy } from '../support/mini-policy.js';

/**
 * transfer/privacy-shield-text (GDPR 12(1), 13(1)(f); CJEU C-311/18): from the patients' review of 2026-12-07
 * (F9). IES's complaints text told patients they could invoke the Privacy Shield's binding arbitration, four years
 * after the CJEU invalidated it; transfer/privacy-shield read only the mechanism field.
 */
type Policy = ReturnType<typeof miniPolicy> & Record<string, unknown>;
const found = (patch: (p: Policy) => void): string[] => {
  const policy = miniPolicy() as Policy;
  patch(policy);
  return analyse(policy)
    .findings.filter((f) => f.ruleId === 'transfer/privacy-shield-text')
    .map((f) => f.pointer);
};

describe('transfer/privacy-shield-text', () => {
  it('reports a published text that relies on the Privacy Shield, in either language', () => {
    expect(
      found((p) => {
        p.introduction = {
          nl: 'Wij houden ons aan de Privacy Shield Principles.',
          en: 'We comply with the principles.',
        };
      }),
    ).toEqual(['/introduction']);
    expect(
      found((p) => {
        p.introduction = { nl: 'Niets.', en: 'IES participates in the EU-US Privacy-Shield Framework.' };
      }),
    ).toEqual(['/introduction']);
  });

  it('does not report the Privacy Shield as past, nor the Data Privacy Framework that followed it', () => {
    for (const en of [
      'We no longer rely on the Privacy Shield.',
      'The Privacy Shield was invalidated in 2020.',
      'Our supplier, formerly certified under the Privacy Shield, is now certified under the EU-US Data Privacy Framework.',
    ])
      expect(found((p) => void (p.introduction = { nl: 'Niets.', en }))).toEqual([]);
    expect(
      found((p) => void (p.introduction = { nl: 'Het Privacy Shield is in 2020 ongeldig verklaard.', en: 'Nothing.' })),
    ).toEqual([]);
  });

  it('leaves a privacy-shield mechanism and its note to transfer/privacy-shield, and authoring notes alone', () => {
    const policy = (p: Policy): void => {
      p.transfers = {
        mechanisms: [
          {
            mechanism: 'privacy-shield',
            countries: ['US'],
            note: { nl: 'EU-VS Privacy Shield.', en: 'EU-US Privacy Shield.' },
          },
        ],
      };
      p.metadata = { ...p.metadata, authoringNotes: ['The source relies on the Privacy Shield.'] };
    };
    expect(found(policy)).toEqual([]);
    const withMechanism = miniPolicy() as Policy;
    policy(withMechanism);
    const all = analyse(withMechanism);
    expect(all.diagnostics).toEqual([]);
    expect(all.findings.map((f) => f.ruleId)).toContain('transfer/privacy-shield');
  });

  it('leaves the transfers statement to transfer/privacy-shield while its mechanisms include the Privacy Shield (officer8 D4)', () => {
    // IES: one error on the mechanism and a warning on the statement that says the same; the complaints text is its own.
    const statement = { nl: 'IES neemt deel aan het Privacy Shield.', en: 'IES participates in the Privacy Shield.' };
    const transfers = (mechanism: TransferMechanismId) => (p: Policy) => {
      p.transfers = { statement, mechanisms: [{ mechanism, countries: ['US'] }] };
      p.complaints = {
        internal: {
          nl: 'Zie de Privacy Shield-website voor arbitrage.',
          en: 'See the Privacy Shield website for arbitration.',
        },
      };
    };
    expect(found(transfers('privacy-shield'))).toEqual(['/complaints/internal']);
    // With standard clauses as the mechanism, the statement's Privacy Shield is this rule's alone.
    expect(found(transfers('scc'))).toEqual(['/transfers/statement', '/complaints/internal']);
  });
});
