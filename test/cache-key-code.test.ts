import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';
import { packageCopy } from './support/sabotaged-package.js';

/**
 * Run from the bundled CLI, the build cache counts the code by the id lines of
 * the bundle and the worker bundle (src/output/build-cache.ts, bundleIds): a
 * change to either's code is a new key, and the policy is compiled again. The
 * package is a copy, so that its bundles can be changed and stay fresh.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'policyc-cache-code-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pkg = packageCopy(path.join(dir, 'package'));

/** Builds iPractice with the copy's bin; returns the cache key its manifest carries and the report. */
function build(): { key: unknown; stderr: string } {
  const run = spawnSync(
    process.execPath,
    [path.join(pkg, 'lib/cli/main.cjs'), 'build', path.join(repoRoot, 'policies/ipractice'), '--out', 'dist'],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  );
  expect(run.status, run.stderr).toBe(0);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'dist/ipractice/.policyc-manifest.json'), 'utf8')) as {
    cacheKey: unknown;
  };
  return { key: manifest.cacheKey, stderr: run.stderr };
}

/** Another id line for a bundle in the copy (its code changed), with its modification time kept. */
function changeIdLine(name: string): void {
  const file = path.join(pkg, 'lib', name);
  const { atime, mtime } = statSync(file);
  const text = readFileSync(file, 'latin1');
  expect(text).toMatch(/^\/\/ policyc-code [0-9a-f]{64}\n/);
  const digit = text[16] === '0' ? '1' : '0';
  writeFileSync(file, text.slice(0, 16) + digit + text.slice(17), 'latin1');
  utimesSync(file, atime, mtime);
}

describe('the build cache and the bundled code', () => {
  it('keeps the key while the bundles stay the same, and changes it when either bundle changes', () => {
    const first = build();
    const again = build();
    expect(again.key).toBe(first.key);
    expect(again.stderr).toContain('unchanged');
    changeIdLine('policyc-worker.cjs');
    const afterWorker = build();
    expect(afterWorker.key).not.toBe(first.key);
    expect(afterWorker.stderr).not.toContain('unchanged');
    changeIdLine('policyc-bundle.cjs');
    const afterBundle = build();
    expect(afterBundle.key).not.toBe(afterWorker.key);
    expect(afterBundle.stderr).not.toContain('unchanged');
  }, 60_000);
});
