import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import { mergePatch, ruleFixtureBase } from '../support/rule-fixtures.js';

/**
 * transfer/derogation-for-processor: a derogation of art. 49 among the general transfer grounds, while processors
 * outside the EEA have no ground of their own (Doctolib: ZenDesk, Braze, Twilio, Adjust), is reported once at the
 * derogation (recital 111: derogations are for occasional transfers; officer11 F10).
 */
const base = JSON.parse(readFileSync(ruleFixtureBase, 'utf8'));
const zendesk = { id: 'zendesk', name: 'ZenDesk', service: { nl: 'Klantenservice', en: 'Support' }, country: 'US' };

function derogation(patch: object, lang: 'en' | 'nl' = 'en') {
  const policy = mergePatch(base, { processors: [zendesk], ...patch });
  return analysePolicy(JSON.stringify(policy, null, 2), 'policy.json', lang)
    .findings.filter((f) => f.ruleId === 'transfer/derogation-for-processor')
    .map((f) => `${f.severity} ${f.pointer} ${f.message}`);
}

const general = (...mechanisms: string[]) => ({
  transfers: { mechanisms: mechanisms.map((mechanism) => ({ mechanism })) },
});

describe('transfer/derogation-for-processor on a general derogation', () => {
  it('a derogation beside SCCs in general, a US processor without its own ground: a warning at the derogation', () => {
    expect(derogation(general('scc', 'derogation'))).toEqual([
      expect.stringMatching(
        /^warning \/transfers\/mechanisms\/1\/mechanism The statement names a derogation .+ the processors “ZenDesk” outside the EEA have no ground of their own/,
      ),
    ]);
    expect(derogation(general('scc', 'derogation'), 'nl')).toEqual([
      expect.stringMatching(/^warning .+ terwijl de verwerkers “ZenDesk” buiten de EER geen eigen grond hebben/),
    ]);
  });

  it('not when the processor names its own ground, nor without a derogation', () => {
    const own = { processors: [{ ...zendesk, transfer: { mechanism: 'scc' } }] };
    expect(derogation({ ...own, ...general('scc', 'derogation') })).toEqual([]);
    expect(derogation(general('scc'))).toEqual([]);
  });
});
