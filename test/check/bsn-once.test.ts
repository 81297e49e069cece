import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import type { PolicySource } from '../../src/policy/policy-types.js';
import { repoRoot } from '../support/cli.js';
import { miniPolicy } from '../support/mini-policy.js';

/**
 * bsn/legal-ground-missing once per policy (officer8 D4): the BSN's law is one fix, cited once, however many purposes
 * use the number. BIB verloskundigen uses it in three purposes and had three warnings.
 */
function bsnFindings(id: string, lang: 'en' | 'nl' = 'en') {
  const file = path.join(repoRoot, 'policies', id, 'policy.json');
  return analysePolicy(readFileSync(file, 'utf8'), `policies/${id}/policy.json`, lang)
    .findings.filter((f) => f.ruleId === 'bsn/legal-ground-missing')
    .map((f) => [f.pointer, f.message]);
}

describe('bsn/legal-ground-missing', () => {
  it('is one finding for the policy, at the first purpose, naming every purpose that uses the BSN without its law', () => {
    expect(bsnFindings('bib-verloskundigen')).toEqual([
      [
        '/purposes/0/dataCategories/5',
        'The purposes “Creating a care file”, “Billing your health insurer” and “Keeping data to meet the ' +
          'statutory retention period” process the citizen service number (BSN) without citing the law that ' +
          "provides for it. UAVG art. 46 restricts the BSN to uses a law provides for; for a care provider's " +
          "patients that law is the Wabvpz: cite it as the purposes' legal obligation.",
      ],
    ]);
    expect(bsnFindings('bib-verloskundigen', 'nl')[0]![1]).toMatch(
      /^De doelen “Een zorgdossier aanmaken”, “Declareren bij de zorgverzekeraars” en “[^”]+” verwerken .* voor patiënten van een zorgaanbieder is dat de Wabvpz/,
    );
  });

  it('keeps the message for one purpose when only one uses it', () => {
    expect(bsnFindings('dental-clinics').map(([pointer]) => pointer)).toEqual(['/purposes/1/dataCategories/1']);
  });
});

/**
 * officer11 F8: the BSN named in a data category's name or description, without a category marked nationalIdentifier
 * (Dijklander: "zoals uw naam, uw BSN of gegevens over uw behandeling"), is the BSN processed all the same.
 */
describe('bsn/legal-ground-missing: the BSN named in a data category', () => {
  type Category = PolicySource['dataCategories'][number];
  const text = (nl: string, en = nl): { nl: string; en: string } => ({ nl, en });
  function bsnIn(categories: Category[], extra: Partial<PolicySource['purposes'][number]> = {}): string[] {
    const policy = miniPolicy();
    policy.dataCategories = categories;
    policy.purposes[0] = { ...policy.purposes[0]!, dataCategories: categories.map((c) => c.id), ...extra };
    const analysed = analysePolicy(JSON.stringify(policy, null, 2), 'policy.json', 'nl');
    expect(analysed.diagnostics).toEqual([]);
    return analysed.findings
      .filter((f) => f.ruleId === 'bsn/legal-ground-missing')
      .map((f) => `${f.pointer} ${f.message}`);
  }
  const described = (nl: string, en = nl): Category => ({
    id: 'file',
    name: text('Dossiergegevens', 'File data'),
    description: text(nl, en),
  });

  it("reports Dijklander's medical file, which names the BSN in its description, quoting it", () => {
    expect(bsnFindings('dijklander', 'nl')).toEqual([
      [
        '/purposes/0/dataCategories/0',
        'Het doel “Onze zorgverlening” verwerkt het burgerservicenummer (BSN) zonder de wet te noemen die daarin ' +
          'voorziet: de gegevenscategorie “Informatie om een medisch dossier voor u aan te maken” noemt het nummer ' +
          '(“BSN”). Art. 46 UAVG beperkt het BSN tot gebruik waarin een wet voorziet; voor patiënten van een ' +
          'zorgaanbieder is dat de Wabvpz: noem die als wettelijke verplichting van het doel.',
      ],
    ]);
  });

  it('reads "burgerservicenummer" and "citizen service number" in a name or a description', () => {
    expect(bsnIn([{ id: 'n', name: text('Burgerservicenummer', 'Citizen service number') }])).toEqual([
      expect.stringMatching(/^\/purposes\/0\/dataCategories\/0 .*noemt het nummer \(“Burgerservicenummer”\)/),
    ]);
    expect(bsnIn([described('Naam en geboortedatum.', 'Name and your citizen service number.')])).toHaveLength(1);
  });

  it('is one finding at the flagged category where the policy has one, as before', () => {
    const flagged: Category = { id: 'bsn', name: text('BSN'), nationalIdentifier: true };
    expect(bsnIn([described('Uw naam en uw BSN.'), flagged])).toEqual([
      expect.stringMatching(
        /^\/purposes\/0\/dataCategories\/1 Het doel “Verbindingen leggen” verwerkt .*van het doel\.$/,
      ),
    ]);
  });

  it('does not report a negation, other identity numbers, or a purpose that cites the Wabvpz', () => {
    expect(bsnIn([described('Wij vragen niet om uw BSN.', 'We do not ask for your citizen service number.')])).toEqual(
      [],
    );
    expect(
      bsnIn([described('Uw ID- of paspoortnummer en een kopie van uw identiteitsbewijs.', 'Your passport number.')]),
    ).toEqual([]);
    expect(bsnIn([described('Uw BSN-nummer.')], { legalBasis: '6(1)(c)', legalObligation: { law: 'wabvpz' } })).toEqual(
      [],
    );
  });
});
