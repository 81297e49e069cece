import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import { repoRoot } from '../support/cli.js';

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
