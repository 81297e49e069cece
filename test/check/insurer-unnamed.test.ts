import { describe, expect, it } from 'vitest';
import type { PolicySource, Text } from '../../src/policy/policy-types.js';
import { analyse, miniPolicy } from '../support/mini-policy.js';
import { rulePointers } from '../support/seed-output.js';

/**
 * recipients/insurer-unnamed (GDPR 13(1)(e), 12(1)): from the patients' review of 2026-12-07 (F6). BIB's notice
 * answers "Wie krijgt je gegevens nog meer?" with "Wij geven geen gegevens door aan andere partijen, tenzij …" beside
 * its own purpose "Declareren bij de zorgverzekeraars"; no recipient is an insurer.
 */
const billing = (name: Text, description?: Text): NonNullable<PolicySource['purposes']>[number] => ({
  id: 'billing',
  name,
  ...(description ? { description } : {}),
  legalBasis: '6(1)(b)',
  dataSubjects: ['users'],
  dataCategories: ['phone'],
});

function findings(purpose: ReturnType<typeof billing>, extra: Partial<PolicySource> = {}) {
  const policy = { ...miniPolicy(), ...extra };
  policy.purposes = [...policy.purposes!, purpose];
  const analysed = analyse(policy);
  expect(analysed.diagnostics).toEqual([]);
  return analysed.findings.filter((f) => f.ruleId === 'recipients/insurer-unnamed');
}

const bibSharing = {
  nl: 'Wij geven geen gegevens door aan andere partijen, tenzij dit nodig is voor de uitvoering van de doeleinden waarvoor ze zijn verstrekt.',
  en: 'We do not pass data on to other parties unless this is necessary for the purposes for which they were provided.',
};

describe('recipients/insurer-unnamed', () => {
  it("reports BIB's purpose, quoting its sharing text that says no data goes to other parties", () => {
    const found = findings(billing({ nl: 'Declareren bij de zorgverzekeraars', en: 'Billing your health insurer' }), {
      sharing: bibSharing,
    });
    expect(found.map((f) => [f.pointer, f.severity, f.message])).toEqual([
      [
        '/purposes/1/name',
        'warning',
        'This purpose says you bill health insurers (“Billing your health insurer”), but no ' +
          'recipient is a health insurer, and the sharing statement says “not pass data on to other parties”: a reader does ' +
          'not learn that the insurer receives data. Add the health insurers to "recipients", with "type": "insurer".',
      ],
    ]);
  });

  it('reports a description that sends the bill to the insurer, without a sharing text', () => {
    const found = findings(
      billing(
        { nl: 'Financiële afhandeling', en: 'Financial settlement' },
        {
          nl: 'Voor de financiële afhandeling. Wij sturen facturen naar je zorgverzekeraar.',
          en: 'For the financial settlement. We send invoices to your health insurer.',
        },
      ),
    );
    expect(found.map((f) => [f.pointer, f.message])).toEqual([
      [
        '/purposes/1/description',
        'This purpose says you bill health insurers (“We send invoices to your health insurer.”), ' +
          'but no recipient is a health insurer, so the notice does not name them among those who receive the data. Add ' +
          'the health insurers to "recipients", with "type": "insurer".',
      ],
    ]);
  });

  it('does not report billing with no insurer, the patient claiming, a "not", or another kind of insurer', () => {
    for (const [nl, en] of [
      ['Behandeling en facturering', 'Treatment and invoicing'],
      ['Wij sturen de rekening naar u. Die kunt u zelf indienen bij uw zorgverzekeraar.', 'We bill you.'],
      [
        'U krijgt een factuur die u bij uw zorgverzekeraar kunt indienen.',
        'You can claim the invoice from your insurer.',
      ],
      ['Wij declareren niet bij uw zorgverzekeraar.', 'We do not bill your health insurer.'],
      ['Schadeclaims', 'Handling claims with our liability insurer'],
      ['Zorgverzekeringsgegevens vastleggen', 'Recording your health insurance details'],
    ])
      expect(findings(billing({ nl: nl!, en: en! }), { sharing: bibSharing }), `${nl} / ${en}`).toEqual([]);
  });

  // Review secondread2, finding 6: "zelf" that is not the patient's, and a "niet" that is not about the billing.
  for (const [nl, en] of [
    [
      'Wij declareren de zorg zelf rechtstreeks bij uw zorgverzekeraar.',
      'We bill your health insurer directly: there is nothing to claim yourself.',
    ],
    [
      'Wij declareren bij uw zorgverzekeraar, en wat niet vergoed wordt door uw verzekeraar, factureren wij aan u.',
      'We bill your health insurer, and costs not covered by your insurer are invoiced to you.',
    ],
  ])
    it(`reports "${nl}"`, () => {
      const found = findings(
        billing({ nl: 'Financiële afhandeling', en: 'Financial settlement' }, { nl: nl!, en: en! }),
      );
      expect(found.map((f) => f.pointer)).toEqual(['/purposes/1/description']);
    });

  it('is silent when a recipient is an insurer, by type or by name', () => {
    const purpose = billing({ nl: 'Declareren bij de zorgverzekeraars', en: 'Billing your health insurer' });
    const recipient = { id: 'insurers', name: { nl: 'Zorgverzekeraars', en: 'Health insurers' } };
    expect(findings(purpose, { recipients: [{ ...recipient, type: 'insurer' }] })).toEqual([]);
    expect(findings(purpose, { recipients: [{ ...recipient, type: 'third-party' }] })).toEqual([]);
    expect(
      findings(purpose, { recipients: [{ id: 'lab', name: { nl: 'Lab', en: 'Lab' }, type: 'care-provider' }] }),
    ).toHaveLength(1);
  });

  it("on the policies: BIB's claims purpose; not iPractice's invoices (no insurer named), not Dental Clinics (insurers named)", () => {
    const of = (id: string) => rulePointers(id, 'recipients/insurer-unnamed');
    expect(of('bib-verloskundigen')).toEqual(['/purposes/2/name']);
    expect(of('ipractice')).toEqual([]);
    expect(of('dental-clinics')).toEqual([]);
  });
});
