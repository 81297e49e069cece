import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runPolicyc } from './support/cli.js';
import { sabotagedPackage } from './support/sabotaged-package.js';
import { snapshot } from './support/snapshot.js';

/**
 * Without --jobs, a build of enough policies for two workers that compiles
 * only one of them (the rest from the cache) compiles it on its own thread:
 * its outputs and report are still those of a full build.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'policyc-default-jobs-'));
const seed = readFileSync(path.join(repoRoot, 'policies/dijklander/policy.json'), 'utf8');

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writePolicy(n: number, extra = ''): void {
  const policy = JSON.parse(seed) as { id: string; controller: { name: string } };
  policy.id = `many-${String(n).padStart(2, '0')}`;
  policy.controller.name += extra;
  mkdirSync(path.join(dir, 'policies', policy.id), { recursive: true });
  writeFileSync(path.join(dir, 'policies', policy.id, 'policy.json'), JSON.stringify(policy, null, 2));
}

describe('an incremental build with the default --jobs', () => {
  it('compiles the one changed policy of sixteen as a full build does: the same files and report', () => {
    for (let n = 0; n < 16; n++) writePolicy(n);
    const run = (out: string, ...args: string[]) => {
      const result = runPolicyc(['build', 'policies', '--out', out, ...args], dir);
      expect(result.status, result.stderr).toBe(0);
      return result.stderr;
    };
    run('dist');
    writePolicy(7, ' (gewijzigd)');
    const incremental = run('dist');
    expect(incremental).toContain('15 other policies were unchanged');
    const full = run('full');
    const report = (stderr: string) => stderr.replace(/^(Built|\d+ other polic(y|ies)) .*\n/gm, '');
    expect(report(incremental)).toBe(report(full));
    expect(readFileSync(path.join(dir, 'dist/many-07/nl/privacy.md'), 'utf8')).toContain('(gewijzigd)');
    expect(snapshot(path.join(dir, 'dist'))).toEqual(snapshot(path.join(dir, 'full')));
  }, 180_000);

  it('starts no worker for it: a package whose worker cannot load still builds it, and fails a full build', () => {
    const pkg = sabotagedPackage(path.join(dir, 'package'), 'cli/compile-worker.js', 'a worker was started');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(pkg, 'lib/cli/main.cjs'), 'build', 'policies', '--out', 'own', ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
    for (let n = 0; n < 16; n++) writePolicy(n);
    expect(run('--jobs', '1').status).toBe(0); // --jobs is not part of the cache key
    writePolicy(3, ' (opnieuw gewijzigd)');
    const incremental = run();
    expect(incremental.status, incremental.stderr).toBe(0);
    expect(incremental.stderr).toContain('15 other policies were unchanged');
    const full = run('--force');
    expect(full.status).not.toBe(0);
    expect(full.stderr).toContain('a worker was started');
  }, 180_000);
});
