import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, runPolicyc } from './support/cli.js';

describe('policyc CLI', () => {
  it('--help prints usage and exits 0', () => {
    const run = runPolicyc(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: policyc <command>/);
    expect(run.stdout).toContain('check [paths…]');
    expect(run.stdout).toContain('Exit codes: 0 success, 1 invalid policy or failed build, 2 usage error.');
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(runPolicyc(['--version']).stdout.trim()).toBe(version);
  });

  it('no command: usage on stderr, exit 2', () => {
    const run = runPolicyc([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage: policyc');
  });

  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['check', '--bogus'], "Unknown option '--bogus'"],
    [['check', '--format', 'yaml'], 'unknown format "yaml" (use one of: text, json)'],
    [['build', '--lang', 'de'], 'unknown language "de" (use nl or en)'],
    [['check', 'no/such/path'], 'no policy found at no/such/path'],
  ])('usage error %j exits 2 with a clear message', (args, message) => {
    const run = runPolicyc(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain("Run 'policyc --help' for usage.");
  });

  it('check with no paths checks every policy under policies/ and exits 0', () => {
    const run = runPolicyc(['check']);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/\d+ polic(y|ies) checked: 0 error\(s\)/);
  });

  it('check --lang nl gives Dutch messages', () => {
    const run = runPolicyc(['check', 'test/fixtures/invalid/missing-translation.json', '--lang', 'nl']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('/purposes/0/name/en de tekst in het Engels ontbreekt [schema/missing-translation]');
  });
});
