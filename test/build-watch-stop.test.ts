import { cpSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';
import { startStoppable, type Stopped } from './support/signal-at-line.js';
import { fixturesDir } from './support/fixtures.js';
import { tempDirs } from './support/temp-dirs.js';

const tempDir = tempDirs('policyc-watch-stop-');

interface StoppedWatch extends Stopped {
  /** What is left in dist of policyc's own working files (staging folders, the lock). */
  leftOver: string[];
  built: boolean;
}

/** A project with the minimal policy, or with `seeds` of the seed policies (a first build that takes a while). */
function project(seeds = 0): string {
  const cwd = tempDir();
  if (seeds === 0) cpSync(path.join(fixturesDir, 'minimal/policy.json'), path.join(cwd, 'policies/one/policy.json'));
  for (const org of readdirSync(path.join(repoRoot, 'policies')).sort().slice(0, seeds))
    cpSync(path.join(repoRoot, 'policies', org), path.join(cwd, 'policies', org), { recursive: true });
  return cwd;
}

/**
 * `policyc build --watch` in `cwd`, sent `signal` either by itself while it writes the first stderr line
 * matching `at.line` (startStoppable), or by the test as soon as the build holds the output folder's lock
 * (`at: 'locked'`, as interrupted-build.test.ts).
 */
async function stoppedAt(cwd: string, at: { line: string } | 'locked', signal: NodeJS.Signals): Promise<StoppedWatch> {
  const args = ['build', '--watch', '--lang', 'en', '--jobs', '1'];
  const { child, ended } = startStoppable(args, cwd, at === 'locked' ? undefined : { line: at.line, signal });
  const dist = path.join(cwd, 'dist');
  if (at === 'locked') {
    while (!existsSync(path.join(dist, '.policyc-lock')) && child.exitCode === null)
      await new Promise((resolve) => setTimeout(resolve, 2));
    child.kill(signal);
  }
  const run = await ended;
  const leftOver = existsSync(dist) ? readdirSync(dist).filter((name) => name.startsWith('.policyc-')) : [];
  return { ...run, leftOver, built: existsSync(dist) && readdirSync(dist).length > 0 };
}

const interrupted =
  'policyc: stopped before the build ended: nothing was written; dist is as it was before this build.';

describe('build --watch stopped at any moment after it starts', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)(
    '%s during the first build: the build cleans up, says so and exits %i',
    async (signal, exit) => {
      const cwd = project(3);
      const run = await stoppedAt(cwd, 'locked', signal);
      expect([run.code, run.killedBy]).toEqual([exit, null]);
      expect(run.stderr.trim().split('\n').at(-1)).toBe(interrupted);
      expect(run.leftOver).toEqual([]);
      expect(existsSync(path.join(cwd, 'dist'))).toBe(false);
    },
    30_000,
  );

  // The first build's own listening (cleanUpOnStop) ends with it; the watch listened only after printing
  // "Watching …": a signal in between killed the process with no exit code (at "Watching"), or was lost and
  // the process ran on (at "Built", where the build's listener had the signal and was gone before it was told).
  it.each([
    ['Built 1 policy', 'SIGTERM'],
    ['Watching 1 file', 'SIGTERM'],
    ['Watching 1 file', 'SIGINT'],
  ] as const)(
    'at "%s", %s ends the watch with the build\'s exit code (0), its output in place',
    async (line, signal) => {
      const run = await stoppedAt(project(), { line }, signal);
      expect([run.code, run.killedBy]).toEqual([0, null]);
      expect(run.stderr).toContain('Built 1 policy into dist: 11 files.');
      expect(run.stderr).not.toContain(interrupted);
      expect(run.leftOver).toEqual([]);
      expect(run.built).toBe(true);
    },
    30_000,
  );
});
