import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../src/pipeline/analyse-policy.js';
import { mergePatch, ruleFixtureBase } from './support/rule-fixtures.js';

/** Acknowledgements from the config file: `{ policy, rule, pointer?, reason }`, matched by policy id. */
const base = JSON.parse(readFileSync(ruleFixtureBase, 'utf8'));
const text = JSON.stringify(mergePatch(base, { rights: null }), null, 2);
const reason = { nl: 'Staat in de bevestigingsmail.', en: 'Stated in the confirmation e-mail.' };

describe('acknowledged findings from the config file', () => {
  it('marks the finding of the named policy, with the reason in the message language and its source', () => {
    const { findings } = analysePolicy(text, 'policy.json', 'nl', {
      acknowledged: [
        {
          policy: 'fixture-base',
          rule: 'rights/response-time-missing',
          reason,
          file: 'policyc.config.json',
          at: '/acknowledged/0',
        },
      ],
    });
    expect(findings.map((f) => [f.ruleId, f.acknowledged])).toEqual([
      ['rights/response-time-missing', { reason: 'Staat in de bevestigingsmail.', source: 'config' }],
    ]);
  });

  it('ignores acknowledgements for other policies', () => {
    const { findings } = analysePolicy(text, 'policy.json', 'en', {
      acknowledged: [{ policy: 'other', rule: 'rights/response-time-missing', reason }],
    });
    expect(findings.map((f) => [f.ruleId, f.acknowledged])).toEqual([['rights/response-time-missing', undefined]]);
  });

  it('reports one that matches nothing at its place in the config file', () => {
    const { findings } = analysePolicy(text, 'policy.json', 'en', {
      acknowledged: [
        { policy: 'fixture-base', rule: 'retention/vague', reason, file: 'policyc.config.json', at: '/acknowledged/3' },
      ],
    });
    expect(findings.find((f) => f.ruleId === 'acknowledged/unmatched')).toEqual({
      ruleId: 'acknowledged/unmatched',
      severity: 'warning',
      file: 'policyc.config.json',
      pointer: '/acknowledged/3',
      messageId: 'diagnostics:acknowledgedUnmatched.anywhere',
      data: { rule: 'retention/vague', pointer: '', policy: 'fixture-base' },
      message:
        'The acknowledgement of "retention/vague" in policy "fixture-base" matches no finding: remove it, or it will hide the next finding of that rule unseen.',
    });
  });
});
