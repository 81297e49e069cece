import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { watchAndBuild } from '../src/cli/commands/build-watch.js';
import type { CommonOptions } from '../src/cli/cli-support.js';
import { fixturesDir } from './support/fixtures.js';

const temp = mkdtempSync(path.join(os.tmpdir(), 'policyc-watch-first-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

test('build --watch rebuilds a policy edited while the first build runs', async () => {
  const policy = path.join(temp, 'policies/one/policy.json');
  mkdirSync(path.dirname(policy), { recursive: true });
  writeFileSync(policy, readFileSync(path.join(fixturesDir, 'minimal/policy.json'), 'utf8'));
  const options: CommonOptions = { command: 'build', out: 'dist', format: 'text', paths: [], values: {}, config: {} };
  let stderr = '';
  const io = { cwd: temp, stdout: () => {}, stderr: (t: string) => void (stderr += t) };
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const builds: string[][] = [];
  // The first build has read the policy when the user saves an edit; it ends before the edit is seen.
  const build = async (o: CommonOptions): Promise<number> => {
    builds.push(o.paths);
    if (builds.length === 1) writeFileSync(policy, readFileSync(policy, 'utf8').replace('B.V.', 'N.V.'));
    else stop();
    return 0;
  };
  const code = watchAndBuild(options, io, build, () => stopped);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), 10_000)));
  const ended = await Promise.race([code, late]);
  clearTimeout(timer);
  expect(builds).toEqual([[], [policy]]);
  expect(ended).toBe(0);
  expect(stderr).toMatch(/^Watching 1 file for changes[^\n]*\nChanged: policies\/one\/policy\.json\n$/);
});
