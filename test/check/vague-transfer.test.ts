import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import type { PolicySource } from '../../src/policy/policy-types.js';
import { repoRoot } from '../support/cli.js';
import { miniPolicy } from '../support/mini-policy.js';

/**
 * wording/vague in the transfer texts (officer11, item 6): iPractice's "In principe geven we nooit persoonsgegevens
 * door naar landen buiten de EU. Is dat toch nodig, …" passed, as the rule read only purposes and retention.
 */
const text = (nl: string, en = nl): { nl: string; en: string } => ({ nl, en });

function vague(policy: PolicySource): string[] {
  const analysed = analysePolicy(JSON.stringify(policy, null, 2), 'policy.json', 'nl');
  expect(analysed.diagnostics).toEqual([]);
  return analysed.findings.filter((f) => f.ruleId === 'wording/vague').map((f) => `${f.pointer} ${f.message}`);
}
const withTransfers = (statement: string, extra: Partial<PolicySource> = {}): PolicySource => ({
  ...miniPolicy(),
  transfers: { statement: text(statement, 'We keep your data in the EU.') },
  ...extra,
});

describe('wording/vague in the transfer texts', () => {
  it("reports iPractice's transfer statement, in the transfer variant", () => {
    const file = path.join(repoRoot, 'policies/ipractice/policy.json');
    const findings = analysePolicy(readFileSync(file, 'utf8'), 'policies/ipractice/policy.json', 'nl')
      .findings.filter((f) => f.ruleId === 'wording/vague')
      .map((f) => [f.pointer, f.severity, f.message]);
    expect(findings).toEqual([
      [
        '/transfers/statement',
        'info',
        'Deze tekst over doorgifte buiten de EER gebruikt het voorbehoud “In principe”; zeg precies of ' +
          'persoonsgegevens worden doorgegeven aan landen buiten de EER, aan welke, en op welke grond (artikel 13, lid 1, onder f).',
      ],
    ]);
  });

  it('reads the general hedges there too, and a processor transfer note or server locations', () => {
    expect(vague(withTransfers('Bepaalde dienstverleners zitten buiten de EER.'))).toEqual([
      expect.stringMatching(/^\/transfers\/statement .*voorbehoud “Bepaalde”/),
    ]);
    const policy = miniPolicy();
    policy.processors = [
      {
        id: 'mail',
        name: 'Mailer Inc.',
        service: text('E-mail'),
        serverLocationsText: text('Doorgaans in Ierland.', 'Usually in Ireland.'),
        transfer: {
          mechanism: 'scc',
          countries: ['US'],
          note: text('In de regel via de VS.', 'As a rule via the US.'),
        },
      },
    ];
    policy.purposes[0]!.processors = ['mail'];
    expect(vague(policy)).toEqual([
      expect.stringMatching(/^\/processors\/0\/serverLocationsText .*“Doorgaans”/),
      expect.stringMatching(/^\/processors\/0\/transfer\/note .*“In de regel”/),
    ]);
  });

  it('does not report a plain transfer statement, "zo snel mogelijk", or "in principe" outside the transfer texts', () => {
    expect(vague(withTransfers('Wij geven geen persoonsgegevens door naar landen buiten de EER.'))).toEqual([]);
    expect(vague(withTransfers('Vraagt u een kopie van de waarborgen, dan sturen we die zo snel mogelijk.'))).toEqual(
      [],
    );
    const policy = miniPolicy();
    policy.purposes[0]!.description = text('In principe bewaren we uw gegevens in ons eigen systeem.');
    expect(vague(policy)).toEqual([]);
  });
});
