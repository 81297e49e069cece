import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/check/rules.js';
import { ruleFamily, stageRuleIds } from '../../src/diagnostics/stage-rule-ids.js';
import { repoRoot } from '../support/cli.js';

/** Rule ids of different stages cannot collide: each stage reports in families of its own. */
const complianceFamilies = new Set(rules.map((r) => ruleFamily(r.id)));
const stageIds: string[] = Object.values(stageRuleIds).flat();

/** Every `ruleId: '…'` and `report('…'` literal in src/ outside the compliance catalogue. */
function ruleIdLiterals(dir = path.join(repoRoot, 'src')): Array<{ file: string; id: string }> {
  const found: Array<{ file: string; id: string }> = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...ruleIdLiterals(full));
    else if (entry.name.endsWith('.ts') && !/check\/(rules|care-rules|wording-rules)\.ts$/.test(full))
      for (const m of readFileSync(full, 'utf8').matchAll(/(?:ruleId: |report\(\s*)'([a-z0-9]+\/[a-z0-9-]+)'/g))
        found.push({ file: path.relative(repoRoot, full), id: m[1]! });
  }
  return found;
}

describe('rule ids of the stages', () => {
  it('the families of the other stages are disjoint from the compliance rules’ families', () => {
    expect(complianceFamilies.size).toBeGreaterThan(10);
    const shared = stageIds.filter((id) => complianceFamilies.has(ruleFamily(id)));
    expect(shared).toEqual([]);
  });

  it('each family belongs to one stage, and no id is listed twice', () => {
    const owner = new Map<string, string>();
    for (const [stage, ids] of Object.entries(stageRuleIds))
      for (const id of ids) {
        const family = ruleFamily(id);
        expect(owner.get(family) ?? stage, `${family} in ${stage} and ${owner.get(family)}`).toBe(stage);
        owner.set(family, stage);
      }
    expect(new Set(stageIds).size).toBe(stageIds.length);
  });

  it('every rule id written in src/ is in the stage table or the compliance catalogue', () => {
    const literals = ruleIdLiterals();
    expect(literals.map((l) => l.id)).toContain('resolve/conflicting-retention-terms');
    const known = new Set([...stageIds, ...rules.map((r) => r.id)]);
    expect(literals.filter((l) => !known.has(l.id)).map((l) => `${l.file}: ${l.id}`)).toEqual([]);
  });
});
