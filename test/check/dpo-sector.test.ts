import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import { mergePatch, ruleFixtureBase } from '../support/rule-fixtures.js';
import { policyOutputs } from '../support/policy-outputs.js';

/**
 * controller.careSector and the DPO duty (the law sessions' open item 5): the Autoriteit Persoonsgegevens counts
 * hospitals, pharmacies (unless the pharmacist works alone), GP out-of-hours posts and care groups as large-scale
 * always (37(1)(c)); other care providers only above about 10,000 patients, which the check cannot know.
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

  it('a pharmacy is told of the exception for a pharmacist working alone', () => {
    const analysed = analysePolicy(
      JSON.stringify(mergePatch(base, { controller: { careSector: 'pharmacy' }, dpo: null }), null, 2),
      'policy.json',
      'nl',
    );
    expect(analysed.findings.filter((f) => f.ruleId === 'dpo/mandatory-for-sector').map((f) => f.message)).toEqual([
      'Het beleid noemt als soort zorgaanbieder "Apotheek" maar noemt geen functionaris voor gegevensbescherming; de Autoriteit Persoonsgegevens ziet de verwerking van gezondheidsgegevens daar altijd als verwerking op grote schaal, dus een functionaris voor gegevensbescherming is verplicht, tenzij de apotheker alleen werkt.',
    ]);
  });

  it('a GP practice, or no sector, gets the prompt (info) only; a hospital with a DPO gets nothing', () => {
    expect(dpoFindings({ controller: { careSector: 'gp-practice' }, dpo: null })).toEqual([
      'info dpo/likely-mandatory /controller',
    ]);
    expect(dpoFindings({ dpo: null })).toEqual(['info dpo/likely-mandatory /controller']);
    expect(dpoFindings({ controller: { careSector: 'hospital' } })).toEqual([]);
  });

  it('the register names the kind of care provider, in the language of the register', () => {
    const { register } = policyOutputs(mergePatch(base, { controller: { careSector: 'hospital' } }));
    expect(register.nl).toContain('**Soort zorgaanbieder**: Ziekenhuis');
    expect(register.en).toContain('**Kind of care provider**: Hospital');
  });
});
