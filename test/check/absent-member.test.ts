import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import { mergePatch, ruleFixtureBase } from '../support/rule-fixtures.js';

/**
 * A finding about a top-level member the policy does not have was shown at 1:1, the policy's `{`: it is shown at the
 * nearest related member the policy has (the sharing text for recipients), else at the controller; its pointer still
 * names the member to add (officer11 F16).
 */
const base = JSON.parse(readFileSync(ruleFixtureBase, 'utf8'));

/** The findings of a rule as pointer and line:column, and the text they are positioned in. */
function positions(patch: object, ruleId: string) {
  const text = JSON.stringify(mergePatch(base, patch), null, 2);
  const found = analysePolicy(text, 'policy.json').findings.filter((f) => f.ruleId === ruleId);
  return { text, found: found.map((f) => `${f.pointer} ${f.line}:${f.column}`) };
}

/** The line:column of the value of the first `"key": ` in the text. */
function valueAt(text: string, key: string): string {
  const offset = text.indexOf(`"${key}": `) + `"${key}": `.length;
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

describe('findings about an absent top-level member', () => {
  it('no recipients: shown at the sharing text', () => {
    const sharing = { nl: 'Wij delen niets.', en: 'We share nothing.' };
    const { text, found } = positions(
      { recipients: null, sharing, purposes: [{ ...base.purposes[0], recipients: [] }] },
      'recipients/none-named',
    );
    expect(found).toEqual([`/recipients ${valueAt(text, 'sharing')}`]);
  });

  it('no security and no sharing text: shown at the controller', () => {
    const { text, found } = positions({ security: null }, 'security/measures-missing');
    expect(found).toEqual([`/security ${valueAt(text, 'controller')}`]);
    expect(found[0]).not.toMatch(/ 1:1$/);
  });

  it('a member that is there is shown at itself, as before', () => {
    const { text, found } = positions({ security: { standards: null, measures: [] } }, 'security/measures-missing');
    expect(found).toEqual([`/security ${valueAt(text, 'security')}`]);
  });
});
