import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffPolicies } from '../src/diff/diff-policies.js';
import { analysePolicy } from '../src/pipeline/analyse-policy.js';
import { mergePatch, ruleFixtureBase } from './support/rule-fixtures.js';
import { policyOutputs } from './support/policy-outputs.js';

/**
 * First-time user review, 13: a 4-person GP practice has no DPO and needs none (37(1)(c): the AP's
 * threshold is about 10,000 patients), yet its register said 'Functionaris voor gegevensbescherming:
 * niet vermeld' on every activity, which reads as a gap. A policy states it with
 * "dpo": {"appointed": false, "reason": …}; the register and the notice then say none is appointed,
 * with the reason (30(1)(a) asks for the DPO 'where applicable'), and the check's prompt is answered.
 */
const base = JSON.parse(readFileSync(ruleFixtureBase, 'utf8'));
const reason = {
  nl: 'Niet verplicht: 4 medewerkers, ongeveer 2.500 patiënten.',
  en: 'Not required: 4 staff, about 2,500 patients.',
};

function policy(dpo: object | null, careSector = 'gp-practice'): Record<string, unknown> {
  const withoutDpo = mergePatch(base, { controller: { careSector }, dpo: null }) as Record<string, unknown>;
  return dpo ? { ...withoutDpo, dpo } : withoutDpo;
}

function analysed(value: object) {
  return analysePolicy(JSON.stringify(value, null, 2), 'policy.json', 'nl');
}

describe('a policy that states no DPO is appointed, and why', () => {
  it('the register says none is appointed with the reason, not "Niet vermeld"', () => {
    const { register } = policyOutputs(policy({ appointed: false, reason }));
    expect(register.nl).toContain(
      '- **Functionaris voor gegevensbescherming**: Geen aangesteld. Reden: Niet verplicht: 4 medewerkers, ongeveer 2.500 patiënten.',
    );
    expect(register.en).toContain(
      '- **Data protection officer**: None appointed. Reason: Not required: 4 staff, about 2,500 patients.',
    );
    // (Other elements the practice leaves out, such as its processors, do say 'Niet vermeld': register5 finding 1.)
    expect(register.nl).not.toContain('**Functionaris voor gegevensbescherming**: Niet vermeld');
    // The Markdown table no longer repeats it in every row: an organisation-wide column that holds the same in every
    // row is stated once, in the organisation section above (register5 finding 9; changed on purpose in register7).
    expect(register.nl).not.toMatch(/\| Geen aangesteld\. Reden: Niet verplicht/);
    // Without the statement, the same practice's register says the DPO is not stated, as before.
    expect(policyOutputs(policy(null)).register.nl).toContain(
      '- **Functionaris voor gegevensbescherming**: Niet vermeld',
    );
  });

  it('the notice says so under the DPO heading, with the reason, and the JSON-LD names no DPO', () => {
    const { notice, jsonld } = policyOutputs(policy({ appointed: false, reason }));
    expect(notice.nl).toContain(
      '### Functionaris voor gegevensbescherming\n\nWij hebben geen functionaris voor gegevensbescherming aangesteld.\n\nNiet verplicht: 4 medewerkers, ongeveer 2.500 patiënten.',
    );
    expect(notice.en).toContain(
      '### Data protection officer\n\nWe have not appointed a data protection officer.\n\nNot required: 4 staff, about 2,500 patients.',
    );
    expect(jsonld).not.toContain('DataProtectionOfficer');
  });

  it('answers dpo/likely-mandatory, but not dpo/mandatory-for-sector (the AP counts a hospital large-scale always)', () => {
    const dpoFindings = (value: object) =>
      analysed(value)
        .findings.filter((f) => f.ruleId.startsWith('dpo/'))
        .map((f) => f.ruleId);
    expect(dpoFindings(policy(null))).toEqual(['dpo/likely-mandatory']);
    expect(dpoFindings(policy({ appointed: false, reason }))).toEqual([]);
    expect(dpoFindings(policy({ appointed: false, reason }, 'hospital'))).toEqual(['dpo/mandatory-for-sector']);
  });

  it('the schema asks for the reason, and refuses a DPO\u2019s details beside it or a reason beside a DPO', () => {
    const messages = (dpo: object) =>
      analysed(policy(dpo)).diagnostics.map((d) => `${d.ruleId} ${d.pointer}: ${d.message} (${d.line}:${d.column})`);
    const line =
      JSON.stringify(policy({ appointed: false }), null, 2)
        .split('\n')
        .indexOf('  "dpo": {') + 1;
    expect(messages({ appointed: false })).toEqual([
      `schema/required /dpo/reason: verplicht veld "reason" ontbreekt (${line}:10)`,
    ]);
    expect(messages({ appointed: false, reason, name: 'J. Jansen' })).toEqual([
      `schema/exclusive /dpo: combineert velden die elkaar uitsluiten (${line}:10)`,
    ]);
    expect(messages({ name: 'J. Jansen', contact: { email: 'fg@basis.example' }, reason })).toEqual([
      `schema/exclusive /dpo: combineert velden die elkaar uitsluiten (${line}:10)`,
    ]);
  });

  it('diff: stating that none is appointed is no DPO added, and a named DPO replaced by it is one removed', () => {
    const kinds = (from: object | null, to: object | null) =>
      diffPolicies(analysed(policy(from)).model!, analysed(policy(to)).model!)
        .filter((c) => c.pointer.startsWith('/dpo'))
        .map((c) => `${c.kind} ${c.pointer}`);
    const named = { name: 'J. Jansen', contact: { email: 'fg@basis.example' } };
    expect(kinds(null, { appointed: false, reason })).toEqual(['wording /dpo/reason', 'changed /dpo/appointed']);
    expect(kinds(named, { appointed: false, reason })).toEqual(['dpo-removed /dpo']);
    expect(kinds({ appointed: false, reason }, named)).toEqual(['dpo-added /dpo']);
  });
});
