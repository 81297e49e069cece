import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeSeedCopies } from './support/bench-corpus.js';
import { cliPath } from './support/cli.js';
import { snapshot } from './support/snapshot.js';

/**
 * A build of many policies (copies of the seeds, bench/seed-corpus.mjs) SIGKILLed at random (seeded) moments: afterwards
 * every organisation folder in dist/ holds exactly its previous or its new
 * output, and after one more build exactly the new output, with no staging
 * folder or lock left. (A killed process cannot remove its own staging
 * folder: the next build does.)
 */
const POLICIES = 12;
const KILLS = Number(process.env.KILLS ?? 5);

type Tree = Map<string, Buffer>;

const same = (a: Tree, b: Tree): boolean =>
  a.size === b.size && [...a].every(([name, bytes]) => b.get(name)?.equals(bytes) === true);

/**
 * A build to its end, in milliseconds; it fails the test when the build fails. Asynchronous: a synchronous
 * child blocks vitest's worker, whose messages to the runner time out after 60 s on a loaded machine.
 */
async function build(cwd: string, out: string): Promise<number> {
  const started = Date.now();
  await promisify(execFile)(process.execPath, [cliPath, 'build', '--out', out, '--jobs', '2'], { cwd });
  return Date.now() - started;
}

/** Organisation folders of dist, each as a tree. */
function organisations(dist: string): Map<string, Tree> {
  return new Map(
    readdirSync(dist)
      .filter((n) => !n.startsWith('.'))
      .map((org) => [org, snapshot(path.join(dist, org))]),
  );
}

describe('a build killed at random moments', () => {
  it(`leaves each organisation's previous or new output (${KILLS} kills)`, async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'policyc-kill-'));
    await writeSeedCopies(work, POLICIES);
    await build(work, 'dist');
    const previous = organisations(path.join(work, 'dist'));
    // The new version: every policy changed, built once elsewhere as the reference.
    for (const org of readdirSync(path.join(work, 'policies'))) {
      const file = path.join(work, 'policies', org, 'policy.json');
      const policy = JSON.parse(readFileSync(file, 'utf8')) as { metadata: { version?: string } };
      policy.metadata.version = 'v2-kill-test';
      writeFileSync(file, JSON.stringify(policy, null, 2));
    }
    const reference = mkdtempSync(path.join(os.tmpdir(), 'policyc-kill-ref-'));
    cpSync(path.join(work, 'policies'), path.join(reference, 'policies'), { recursive: true });
    const duration = await build(reference, 'dist');
    const next = organisations(path.join(reference, 'dist'));
    expect(next.size).toBe(POLICIES);
    for (const [org, tree] of next) expect(same(tree, previous.get(org)!), org).toBe(false);

    const delays = fc.sample(fc.integer({ min: 50, max: Math.max(100, duration) }), { seed: 1204, numRuns: KILLS });
    for (const delay of delays) {
      // --force: a build that a previous kill let finish would otherwise be up to date and write nothing.
      const child = spawn(process.execPath, [cliPath, 'build', '--out', 'dist', '--jobs', '2', '--force'], {
        cwd: work,
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.once('exit', resolve)); // listen first: a quick build may end before the kill
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await exited;
      const after = organisations(path.join(work, 'dist'));
      for (const [org, tree] of after) {
        expect(same(tree, previous.get(org)!) || same(tree, next.get(org)!), `${org} after a kill at ${delay} ms`).toBe(
          true,
        );
      }
    }
    await build(work, 'dist');
    expect(readdirSync(path.join(work, 'dist')).filter((n) => n.startsWith('.'))).toEqual([]);
    const final = organisations(path.join(work, 'dist'));
    expect([...final.keys()].sort()).toEqual([...next.keys()].sort());
    for (const [org, tree] of final) expect(same(tree, next.get(org)!), org).toBe(true);
    rmSync(work, { recursive: true, force: true });
    rmSync(reference, { recursive: true, force: true });
  }, 900_000);
});
