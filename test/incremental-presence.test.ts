import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runPolicycInProcess as runPolicyc } from './support/cli.js';
import { snapshot } from './support/snapshot.js';

/**
 * The cache leaves an organisation folder as it is only while it holds every
 * file its manifest lists: a file the user deleted is written again, whether
 * the cache looks it up alone (policy.jsonld, the only file at the top) or in
 * a listing of its folder.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'policyc-presence-'));
mkdirSync(path.join(dir, 'policies'));
cpSync(path.join(repoRoot, 'policies/ipractice'), path.join(dir, 'policies/ipractice'), { recursive: true });

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function build(out: string, ...args: string[]): Promise<string> {
  const result = await runPolicyc(['build', 'policies', '--out', out, ...args], dir);
  expect(result.status, result.stderr).toBe(0);
  return result.stderr;
}

describe('an incremental build after outputs were deleted', () => {
  it('writes again a deleted file alone in its folder, and a deleted folder, as a full build writes them', async () => {
    await build('dist');
    expect(await build('dist')).toContain('Nothing to build in dist: the policy was unchanged since the last build');
    const jsonld = path.join(dir, 'dist/ipractice/policy.jsonld');
    rmSync(jsonld);
    expect(await build('dist')).not.toContain('unchanged');
    expect(existsSync(jsonld)).toBe(true);
    rmSync(path.join(dir, 'dist/ipractice/nl'), { recursive: true });
    expect(await build('dist')).not.toContain('unchanged');
    await build('full', '--force');
    expect(snapshot(path.join(dir, 'dist'))).toEqual(snapshot(path.join(dir, 'full')));
  }, 180_000);
});
