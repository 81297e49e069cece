import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPolicies } from '../src/pipeline/find-policies.js';
import { repoRoot, runPolicycHere } from './support/cli.js';
import { miniPolicy } from './support/mini-policy.js';
import { tempDirs } from './support/temp-dirs.js';

const tmp = tempDirs('policyc-skipped-');

function write(dir: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

/** policies/ with one policy, a folder of bases, an empty folder and notes: a normal layout. */
function normalLayout(): string {
  const dir = tmp();
  write(dir, 'policies/alpha/policy.json', JSON.stringify({ ...miniPolicy(), id: 'alpha' }, null, 2));
  write(dir, 'policies/shared/chain.json', '{}');
  write(dir, 'policies/shared/README.md', '# bases');
  mkdirSync(path.join(dir, 'policies/empty'));
  return dir;
}

const compactLines = (stderr: string) => stderr.split('\n').filter((line) => line.includes('[input/skipped-folder]'));

describe('sub-folders of policies/ skipped for want of a policy.json', () => {
  it('are not mentioned in a normal layout: bases, other files, empty folders, the seeds', async () => {
    const dir = normalLayout();
    const check = await runPolicycHere(['check', '--format', 'compact'], dir);
    expect(check.stderr).not.toContain('skip');
    expect(findPolicies([path.join(repoRoot, 'policies')]).skipped).toEqual([]);
  });

  it('a file named almost policy.json: a warning on that file, in check and build alike', async () => {
    const dir = normalLayout();
    write(dir, 'policies/beta/Policy.json', JSON.stringify({ ...miniPolicy(), id: 'beta' }));
    write(dir, 'policies/gamma/policy.jsonc', '{}');
    const expected = [
      'policies/beta/Policy.json warning / policies/beta holds no policy.json, so policyc skips it: if this file is its policy, name it policy.json [input/skipped-folder]',
      'policies/gamma/policy.jsonc warning / policies/gamma holds no policy.json, so policyc skips it: if this file is its policy, name it policy.json [input/skipped-folder]',
    ];
    const check = await runPolicycHere(['check', '--format', 'compact'], dir);
    expect(compactLines(check.stderr)).toEqual(expected);
    const build = await runPolicycHere(['build', '--out', 'dist', '--format', 'compact'], dir);
    expect(build.status, build.stderr).toBe(0);
    expect(compactLines(build.stderr)).toEqual(expected);
    // The same report, line for line (the build adds what it wrote).
    expect(build.stderr.startsWith(check.stderr)).toBe(true);
    // Counted as a warning: --max-warnings 0 fails, as a policy left out is not a clean run.
    const strict = await runPolicycHere(['check', '--max-warnings', '0'], dir);
    expect(strict.stderr).toMatch(/^1 policy checked: \d+ errors?, [1-9]\d* warnings?,/m);
    expect(strict.status).toBe(1);
  });

  it('a folder named, or policies/ itself, with only a misnamed policy: the usage error names the file', async () => {
    const dir = tmp();
    write(dir, 'policies/beta/Policy.json', JSON.stringify({ ...miniPolicy(), id: 'beta' }));
    const usage = (message: string, command = 'check') =>
      `policyc: ${message}\nRun 'policyc ${command} --help' for usage.\n`;
    const hint = 'policies/beta/Policy.json is there: if it is the policy, name it policy.json';
    const named = await runPolicycHere(['check', 'policies/beta'], dir);
    expect(named.status).toBe(2);
    expect(named.stderr).toBe(
      usage(
        `no policy found in policies/beta: the folder holds no policy.json and no sub-folder with one; start one with 'policyc init', or name the policy files or folders to use; ${hint}`,
      ),
    );
    const file = await runPolicycHere(['build', 'policies/beta/policy.json'], dir);
    expect(file.stderr).toBe(usage(`no file or folder at policies/beta/policy.json; ${hint}`, 'build'));
    const all = await runPolicycHere(['check'], dir);
    expect(all.stderr).toBe(
      usage(
        `no policy found at policies: start one with 'policyc init', or name the policy files or folders to use; ${hint}`,
      ),
    );
    expect(all.status).toBe(2);
  });

  it('a file named that is not there, beside a policy.json: names that file or its folder to use, not to rename it', async () => {
    const dir = normalLayout();
    const run = await runPolicycHere(['check', 'policies/alpha/nope.json'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `policyc: no file or folder at policies/alpha/nope.json; policies/alpha/policy.json is there: to use it, name policies/alpha/policy.json or its folder, as in 'policyc check policies/alpha'\nRun 'policyc check --help' for usage.\n`,
    );
    // The example names the command that was run (cli7 finding 15).
    const build = await runPolicycHere(['build', 'policies/alpha/nope.json'], dir);
    expect(build.status).toBe(2);
    expect(build.stderr.split('\n')[0]).toMatch(/its folder, as in 'policyc build policies\/alpha'$/);
  });

  it('policies one folder further down: a warning on the folder, naming one, in the message language', async () => {
    const dir = normalLayout();
    write(dir, 'policies/noord/delta/policy.json', JSON.stringify({ ...miniPolicy(), id: 'delta' }));
    const check = await runPolicycHere(['check', '--format', 'compact'], dir);
    expect(compactLines(check.stderr)).toEqual([
      'policies/noord warning / policies/noord holds no policy.json, so policyc skips it; its sub-folders hold policies (policies/noord/delta/policy.json), which are read only when policies/noord is named on the command line or in the config file\'s "policies" [input/skipped-folder]',
    ]);
    const dutch = await runPolicycHere(['check', '--message-lang', 'nl'], dir);
    expect(dutch.stderr).toContain(
      'policies/noord bevat geen policy.json, dus policyc slaat de map over; de submappen bevatten beleid (policies/noord/delta/policy.json)',
    );
    // Named, the folder is read: nothing is skipped.
    const named = await runPolicycHere(['check', 'policies', 'policies/noord'], dir);
    expect(named.stderr).toContain('2 policies checked');
    expect(named.stderr).not.toContain('skipped-folder');
  });
});

describe('a named folder whose policies are two levels down', () => {
  it('is a usage error that names the folder to give instead', async () => {
    const dir = tmp();
    write(dir, 'site/privacy/alpha/policy.json', JSON.stringify({ ...miniPolicy(), id: 'alpha' }));
    for (const command of ['check', 'build']) {
      const run = await runPolicycHere([command, 'site'], dir);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `policyc: no policy found in site: the folder holds no policy.json and no sub-folder with one; start one with 'policyc init', or name the policy files or folders to use; site/privacy holds policies one level further down (site/privacy/alpha/policy.json): name site/privacy instead, or list it in the config file's "policies"\nRun 'policyc ${command} --help' for usage.\n`,
      );
    }
  });
});
