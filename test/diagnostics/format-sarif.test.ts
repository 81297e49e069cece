import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatSarif } from '../../src/diagnostics/format-sarif.js';

/** The partial fingerprints of the results of a SARIF log of `diagnostics`, in result order. */
function fingerprints(diagnostics: Diagnostic[]): string[] {
  const log = JSON.parse(formatSarif(diagnostics, [], { name: 'policyc', version: '0' }, '/repo')) as {
    runs: { results: { partialFingerprints: Record<string, string> }[] }[];
  };
  return log.runs[0]!.results.map((r) => JSON.stringify(r.partialFingerprints));
}

const tooShort = (years: number, line: number): Diagnostic => ({
  ruleId: 'retention/medical-file-too-short',
  severity: 'error',
  messageId: 'rules:retention/medical-file-too-short.message',
  data: { period: { duration: `P${years}Y` }, rule: { nl: 'Dossier', en: 'File' } },
  file: 'policies/x/policy.json',
  pointer: '/retention/1/period',
  line,
  column: 17,
});

describe('SARIF partial fingerprints', () => {
  it("stay the same when a value in the message changes, or the line moves (the finding's rule, file and pointer)", () => {
    const [before] = fingerprints([tooShort(15, 115)]);
    expect(fingerprints([tooShort(16, 120)])).toEqual([before]);
    expect(before).toMatch(/^\{"policyc\/v2":"[0-9a-f]{32}"\}$/);
  });

  it("differ for another pointer, another file, another rule or another of the rule's messages", () => {
    const base = tooShort(15, 115);
    const others: Diagnostic[] = [
      { ...base, pointer: '/retention/2/period' },
      { ...base, file: 'policies/y/policy.json' },
      { ...base, ruleId: 'retention/medical-file-start' },
      { ...base, messageId: 'rules:retention/medical-file-too-short.start' },
    ];
    const [first] = fingerprints([base]);
    for (const other of others) expect(fingerprints([other])).not.toEqual([first]);
  });

  it('are unique in a run: two findings of one rule at one value, or a base finding acknowledged for some policies only', () => {
    const at = { ...tooShort(15, 115), ruleId: 'art9/category-undeclared', pointer: '/dataCategories/0/description' };
    const kinds = fingerprints([
      { ...at, data: { kind: 'racial-ethnic-origin' } },
      { ...at, data: { kind: 'trade-union-membership' } },
    ]);
    expect(new Set(kinds).size).toBe(2);
    // One finding in a shared base: open for two practices, accepted for a third (shared-findings.ts keeps them apart).
    const inBase = { ...tooShort(15, 115), file: 'shared/base.json' };
    const split = fingerprints([
      { ...inBase, policies: ['practice-a/policy.json', 'practice-b/policy.json'] },
      { ...inBase, policy: 'practice-c/policy.json', acknowledged: { reason: 'Accepted.', source: 'config' } },
    ]);
    expect(new Set(split).size).toBe(2);
  });
});
