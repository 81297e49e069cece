import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, repoRoot } from './support/cli.js';
import { fixturesDir } from './support/fixtures.js';
import { tempDirs } from './support/temp-dirs.js';

const tempDir = tempDirs('policyc-watch-stop-');
const preload = path.join(repoRoot, 'test/support/signal-at-line.cjs');

interface Stopped {
  code: number | null;
  killedBy: NodeJS.Signals | null;
  stderr: string;
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
 * matching `at.line` (test/support/signal-at-line.cjs: the signal is pending at exactly that moment), or by
 * the test as soon as the build holds the output folder's lock (`at: 'locked'`, as interrupted-build.test.ts).
 * Killed after 20 s.
 */
async function stoppedAt(cwd: string, at: { line: string } | 'locked', signal: NodeJS.Signals): Promise<Stopped> {
  const env = at === 'locked' ? {} : { POLICYC_SIGNAL_AT_LINE: at.line, POLICYC_SIGNAL_AT_SIGNAL: signal };
  const child = spawn(
    process.execPath,
    ['--require', preload, cliPath, 'build', '--watch', '--lang', 'en', '--jobs', '1'],
    {
      cwd,
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.once('exit', (c, s) => resolve([c, s])),
  );
  const dist = path.join(cwd, 'dist');
  if (at === 'locked') {
    while (!existsSync(path.join(dist, '.policyc-lock')) && child.exitCode === null)
      await new Promise((resolve) => setTimeout(resolve, 2));
    child.kill(signal);
  }
  const [code, killedBy] = await exited;
  clearTimeout(timer);
  const leftOver = existsSync(dist) ? readdirSync(dist).filter((name) => name.startsWith('.policyc-')) : [];
  return { code, killedBy, stderr, leftOver, built: existsSync(dist) && readdirSync(dist).length > 0 };
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
