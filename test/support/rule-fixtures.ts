import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fixturesDir } from './fixtures.js';

/** RFC 7386 JSON merge patch: objects merge key by key, null deletes, anything else (arrays too) replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as object) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/** The minimal valid care-provider policy that rule fixtures patch (test/fixtures/rules/base.json): no findings of its own. */
export const ruleFixtureBase = path.join(fixturesDir, 'rules/base.json');

/**
 * The text of a rule fixture: `<case>.json` as written, or `<case>.patch.json`
 * applied to base.json and written as 2-space JSON (positions in
 * expected.json refer to that text).
 */
export function ruleFixtureText(dir: string, kase: 'fail' | 'pass'): string | undefined {
  const whole = path.join(dir, `${kase}.json`);
  if (existsSync(whole)) return readFileSync(whole, 'utf8');
  const patch = path.join(dir, `${kase}.patch.json`);
  if (!existsSync(patch)) return undefined;
  const base = JSON.parse(readFileSync(ruleFixtureBase, 'utf8'));
  return JSON.stringify(mergePatch(base, JSON.parse(readFileSync(patch, 'utf8'))), null, 2) + '\n';
}
