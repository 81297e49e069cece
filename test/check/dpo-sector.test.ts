import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import { mergePatch, ruleFixtureBase } from '../support/rule-fixtures.js';
import { policyOutputs } from '../support/policy-outputs.js';

/**
 * controller.careSector and the DPO duty (the law sessions' open item 5): the Autoriteit Persoonsgegevens counts
 * hospitals, GP out-of-hours posts and care groups as large-scale always (37(1)(c)); other care providers, pharmacies
 * among them since its clarification of December 2018, only above 10,000 patients, which the check cannot know.
 * One finding per problem: the sector rule, or the prompt, never both.
 */
const base = JSON.parse(readFileSync(ruleFixtureBase, 'utf8'));

function dpoFindings(patch: object, lang: 'en' | 'nl' = 'en'): string[] {
  const analysed = analysePolicy(JSON.stringify(mergePatch(base, patch), null, 2), 'policy.json', lang);
  expect(analysed.diagnostics).toEqual([]);
  return analysed.findings
    .filter((f) => f.ruleId.startsWith('dpo/'))
    .map((f) => `${f.severity} ${f.ruleId} ${f.pointer}`);
}

describe('dpo/mandatory-for-sector', () => {
  it('a hospital, GP out-of-hours post or care group without a DPO is an error, and the prompt is not repeated', () => {
    for (const careSector of ['hospital', 'gp-out-of-hours', 'care-group'])
      expect(dpoFindings({ controller: { careSector }, dpo: null })).toEqual([
        'error dpo/mandatory-for-sector /controller/careSector',
      ]);
  });

  it('a pharmacy without a DPO gets the prompt (info), not an error: since December 2018 the AP counts pharmacies as large-scale only above 10,000 patients', () => {
    expect(dpoFindings({ controller: { careSector: 'pharmacy' }, dpo: null })).toEqual([
      'info dpo/likely-mandatory /controller',
    ]);
  });

  it('a GP practice, or no sector, gets the prompt (info) only; a hospital with a DPO gets nothing', () => {
    expect(dpoFindings({ controller: { careSector: 'gp-practice' }, dpo: null })).toEqual([
      'info dpo/likely-mandatory /controller',
    ]);
    expect(dpoFindings({ dpo: null })).toEqual(['info dpo/likely-mandatory /controller']);
    expect(dpoFindings({ controller: { careSector: 'hospital' } })).toEqual([]);
  });

  it('the prompt is true per kind (officer review 2, finding 5): no kind gives the always-kinds and the line for others, a practice or pharmacy the line, other care no number', () => {
    const message = (patch: object, lang: 'en' | 'nl' = 'en'): string => {
      const policy = JSON.stringify(mergePatch(base, { dpo: null, ...patch }), null, 2);
      return analysePolicy(policy, 'policy.json', lang).findings.find((f) => f.ruleId === 'dpo/likely-mandatory')!
        .message;
    };
    // v7: Bernhoven without careSector; a hospital must never read as "from about 10,000 patients".
    // The kinds from law/legal-thresholds.ts (largeScaleCare.sectors), in the plural (i18n/law-values.ts).
    expect(message({})).toContain(
      'always for hospitals, GP out-of-hours posts and care groups (give controller.careSector)',
    );
    expect(message({}, 'nl')).toContain('altijd bij ziekenhuizen, huisartsenposten en zorggroepen');
    expect(message({ controller: { careSector: 'pharmacy' } })).toContain(
      'This care provider (Pharmacy) processes health data',
    );
    expect(message({ controller: { careSector: 'dental' } }, 'nl')).toContain('meer dan 10.000 patiënten');
    for (const careSector of ['youth-care', 'other']) {
      const other = message({ controller: { careSector } });
      expect(other).toContain('it has not named this kind of care');
      expect(other).not.toContain('10,000');
    }
  });

  it('the register names the kind of care provider, in the language of the register', () => {
    const { register } = policyOutputs(mergePatch(base, { controller: { careSector: 'hospital' } }));
    expect(register.nl).toContain('**Soort zorgaanbieder**: Ziekenhuis');
    expect(register.en).toContain('**Kind of care provider**: Hospital');
  });
});
