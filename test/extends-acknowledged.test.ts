import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LocalisedDiagnostic } from '../src/diagnostics/diagnostic.js';
import { repoRoot, runPolicycInProcess } from './support/cli.js';
import { positionIn } from './support/mini-policy.js';
import { tempDirs } from './support/temp-dirs.js';

/**
 * Acknowledgements are statements of their own: a practice that acknowledges
 * one finding keeps the acknowledgements of the shared base it extends (they
 * were replaced whole, as texts and plain lists are, so the base's findings
 * came back unacknowledged with no hint why), and one inherited from the base
 * that matches nothing is reported in the base, at its line.
 */
const tmp = tempDirs('policyc-extends-ack-');

const reason = { nl: 'Besproken met de FG.', en: 'Discussed with the DPO.' };

function chain(baseAcks: unknown[], childAcks?: unknown[]): { dir: string; base: string; child: string } {
  const dir = tmp();
  cpSync(path.join(repoRoot, 'test/fixtures/extends/shared'), path.join(dir, 'shared'), { recursive: true });
  cpSync(path.join(repoRoot, 'test/fixtures/extends/practice-a'), path.join(dir, 'practice-a'), { recursive: true });
  const base = path.join(dir, 'shared/base.json');
  const basePolicy = JSON.parse(readFileSync(base, 'utf8'));
  basePolicy.metadata.acknowledged = baseAcks;
  writeFileSync(base, JSON.stringify(basePolicy, null, 2));
  const child = path.join(dir, 'practice-a/policy.json');
  if (childAcks) {
    const childPolicy = JSON.parse(readFileSync(child, 'utf8'));
    childPolicy.metadata = { acknowledged: childAcks };
    writeFileSync(child, JSON.stringify(childPolicy, null, 2));
  }
  return { dir, base, child };
}

async function findings(dir: string): Promise<LocalisedDiagnostic[]> {
  const run = await runPolicycInProcess(['check', 'practice-a/policy.json', '--format', 'json'], dir);
  return JSON.parse(run.stdout) as LocalisedDiagnostic[];
}

const byRule = (ds: LocalisedDiagnostic[], ruleId: string): LocalisedDiagnostic[] =>
  ds.filter((d) => d.ruleId === ruleId);

describe('metadata.acknowledged across extends', () => {
  it("keeps the base's acknowledgements when the practice adds its own", async () => {
    const { dir } = chain(
      [{ rule: 'art13/requirement-missing', reason }],
      [{ rule: 'controller/address-missing', reason }],
    );
    const ds = await findings(dir);
    expect(byRule(ds, 'art13/requirement-missing').length).toBe(2);
    for (const d of byRule(ds, 'art13/requirement-missing')) expect(d.acknowledged?.reason).toBe(reason.en);
    expect(byRule(ds, 'controller/address-missing')[0]!.acknowledged?.reason).toBe(reason.en);
    expect(byRule(ds, 'acknowledged/unmatched')).toEqual([]);
  });

  it('reports an inherited acknowledgement that matches nothing in the base, at its line', async () => {
    const { dir, base } = chain(
      [{ rule: 'retention/vague', reason }],
      [{ rule: 'controller/address-missing', reason }],
    );
    const [unmatched, ...more] = byRule(await findings(dir), 'acknowledged/unmatched');
    expect(more).toEqual([]);
    expect(unmatched).toMatchObject({
      file: 'shared/base.json',
      pointer: '/metadata/acknowledged/0',
      ...positionIn(readFileSync(base, 'utf8'), '{\n        "rule": "retention/vague"'),
    });
  });
});

/**
 * The practice adds a direct-marketing purpose on a legal obligation, as its base's first purpose is: in its file it
 * is /purposes/0, in the policy /purposes/2, and the base's is /purposes/0 in both (review secondread2, finding 1).
 */
describe('an acknowledgement at an index both the practice and its base hold', () => {
  const marketing = (id: string) => ({
    id,
    name: { nl: 'Nieuwsbrief', en: 'Newsletter' },
    legalBasis: '6(1)(c)',
    directMarketing: true,
    dataSubjects: ['patients'],
    dataCategories: ['contact'],
    retention: ['contact'],
  });
  const rule = 'art21/direct-marketing-legal-obligation';

  function marketingChain(baseAcks: unknown[], childAcks: unknown[]): string {
    const { dir, base, child } = chain(baseAcks);
    const basePolicy = JSON.parse(readFileSync(base, 'utf8'));
    basePolicy.purposes[0] = { ...basePolicy.purposes[0], ...marketing('appointments') };
    writeFileSync(base, JSON.stringify(basePolicy, null, 2));
    const childPolicy = JSON.parse(readFileSync(child, 'utf8'));
    childPolicy.purposes = [marketing('newsletter')];
    childPolicy.metadata = { acknowledged: childAcks };
    writeFileSync(child, JSON.stringify(childPolicy, null, 2));
    return dir;
  }
  const acknowledged = async (dir: string) =>
    byRule(await findings(dir), rule).map((d) => [d.file, d.pointer, d.acknowledged?.reason]);

  it("in the practice, it covers the practice's own item, not the base's", async () => {
    const dir = marketingChain([], [{ rule, pointer: '/purposes/0', reason }]);
    expect(await acknowledged(dir)).toEqual([
      [path.join('practice-a', 'policy.json'), '/purposes/0/legalBasis', reason.en],
      [path.join('shared', 'base.json'), '/purposes/0/legalBasis', undefined],
    ]);
  });

  it("in the base, it covers the base's own item, not the practice's", async () => {
    const dir = marketingChain([{ rule, pointer: '/purposes/0', reason }], []);
    expect(await acknowledged(dir)).toEqual([
      [path.join('practice-a', 'policy.json'), '/purposes/0/legalBasis', undefined],
      [path.join('shared', 'base.json'), '/purposes/0/legalBasis', reason.en],
    ]);
  });
});
