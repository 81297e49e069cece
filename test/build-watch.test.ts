import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { fixturesDir } from './support/fixtures.js';
import { startPolicyc } from './support/cli-process.js';

const temp = mkdtempSync(path.join(os.tmpdir(), 'policyc-watch-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

test('build --watch rebuilds exactly the policy that changed, reports its findings, and stops when asked', async () => {
  const one = path.join(temp, 'policies/one/policy.json');
  const two = path.join(temp, 'policies/two/policy.json');
  const minimal = readFileSync(path.join(fixturesDir, 'minimal/policy.json'), 'utf8');
  cpSync(path.join(fixturesDir, 'minimal/policy.json'), one);
  cpSync(path.join(fixturesDir, 'minimal/policy.json'), two);
  writeFileSync(one, minimal.replace('"id": "minimal"', '"id": "one"'));
  writeFileSync(two, minimal.replace('"id": "minimal"', '"id": "two"'));
  const watcher = startPolicyc(['build', '--watch', '--lang', 'en', '--format', 'compact'], temp);
  try {
    await watcher.waitFor(/Watching 2 files for changes/, 60_000);
    expect(watcher.stderr()).toContain('Built 2 policies into dist:');
    const twoPage = path.join(temp, 'dist/two/en/privacy.html');
    const twoBefore = statSync(twoPage).mtimeMs;

    const from = watcher.stderr().length;
    writeFileSync(one, readFileSync(one, 'utf8').replace('Praktijk Voorbeeld B.V.', 'Praktijk Een B.V.'));
    const [rebuilt] = await watcher.waitFor(
      /Changed: [^\n]+\n[\s\S]*?Built 1 policy into dist: \d+ files\./,
      60_000,
      from,
    );
    expect(rebuilt).toContain(`Changed: ${path.join('policies', 'one', 'policy.json')}`);
    // Its findings are reported as it goes, for that policy only.
    expect(rebuilt).toContain('policies/one/policy.json:');
    expect(rebuilt).not.toContain('policies/two/policy.json');
    expect(readFileSync(path.join(temp, 'dist/one/en/privacy.html'), 'utf8')).toContain('Praktijk Een B.V.');
    expect(statSync(twoPage).mtimeMs).toBe(twoBefore);

    // A save that changes nothing rebuilds nothing; an invalid edit is reported and the last output stays.
    const quiet = watcher.stderr().length;
    writeFileSync(one, readFileSync(one, 'utf8'));
    writeFileSync(two, readFileSync(two, 'utf8').replace('"legalBasis": "6(1)(b)"', '"legalBasis": "6(1)(z)"'));
    const [failed] = await watcher.waitFor(
      /Changed: [^\n]+\n[\s\S]*?Build failed: 1 error that stops a build, in policies\/two\/policy\.json \(compliance findings do so only with --strict\)\. Nothing was written; dist is unchanged\./,
      60_000,
      quiet,
    );
    expect(failed).toContain(`Changed: ${path.join('policies', 'two', 'policy.json')}`);
    expect(failed).not.toContain(path.join('policies', 'one'));
    expect(failed).toMatch(/policies\/two\/policy\.json:\d+:\d+ error \/purposes\/0\/legalBasis/);
    expect(statSync(twoPage).mtimeMs).toBe(twoBefore);
  } finally {
    // The exit code is the last build's: 1 after the failed one.
    expect(await watcher.stop()).toBe(1);
  }
}, 150_000);

test('build --watch: a change to a base rebuilds every policy that extends it, and only those', async () => {
  const root = path.join(temp, 'chain');
  for (const folder of ['shared', 'practice-a', 'practice-b'])
    cpSync(path.join(fixturesDir, 'extends', folder), path.join(root, 'policies', folder), { recursive: true });
  cpSync(path.join(fixturesDir, 'minimal/policy.json'), path.join(root, 'policies/solo/policy.json'));
  const watcher = startPolicyc(['build', '--watch', '--lang', 'nl', '--format', 'compact'], root);
  try {
    // Three policies and the base they share.
    await watcher.waitFor(/Watching 4 files for changes/, 60_000);
    const solo = path.join(root, 'dist/minimal/nl/privacy.html');
    const soloBefore = statSync(solo).mtimeMs;
    const base = path.join(root, 'policies/shared/base.json');
    const from = watcher.stderr().length;
    writeFileSync(base, readFileSync(base, 'utf8').replace('"nl": "Factuurgegevens"', '"nl": "Betaalgegevens"'));
    const [rebuilt] = await watcher.waitFor(
      /Changed: [^\n]+\n[\s\S]*?Built 2 policies into dist: \d+ files\./,
      60_000,
      from,
    );
    expect(rebuilt).toContain(`Changed: ${path.join('policies', 'shared', 'base.json')}`);
    expect(readFileSync(path.join(root, 'dist/practice-a/nl/privacy.html'), 'utf8')).toContain('Betaalgegevens');
    expect(readFileSync(path.join(root, 'dist/practice-b/nl/privacy.html'), 'utf8')).toContain('Betaalgegevens');
    expect(statSync(solo).mtimeMs).toBe(soloBefore);
  } finally {
    expect(await watcher.stop()).toBe(0);
  }
}, 150_000);
