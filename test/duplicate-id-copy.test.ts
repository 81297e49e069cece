import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPolicyc } from './support/cli.js';
import { fixturesDir } from './support/fixtures.js';
import { tempDirs } from './support/temp-dirs.js';

/**
 * A second practice started by copying a policy's folder, its id left as it was (review cli7, finding 11):
 * policies/de-linde-copy sorts before policies/de-linde, but the policy in the folder named after the id keeps it.
 */
const tmp = tempDirs('policyc-duplicate-copy-');
const minimal = readFileSync(path.join(fixturesDir, 'minimal/policy.json'), 'utf8');

function site(): string {
  const work = tmp();
  const put = (folder: string, name: string): void => {
    mkdirSync(path.join(work, 'policies', folder), { recursive: true });
    const text = minimal.replace('"id": "minimal"', '"id": "de-linde"').replace('Praktijk Voorbeeld B.V.', name);
    writeFileSync(path.join(work, 'policies', folder, 'policy.json'), text);
  };
  put('de-linde', 'De Linde B.V.');
  put('de-linde-copy', 'Tweede Praktijk B.V.');
  return work;
}

/** The duplicate-id lines of a compact report: file:line:col and the message. */
const duplicateLines = (stderr: string): string[] =>
  stderr.split('\n').filter((line) => line.includes('build/duplicate-policy-id'));

describe('two policies with one id, one of them a copied folder', () => {
  it.each([
    ['en', 'another policy already has the id "de-linde"'],
    ['nl', 'een ander beleid heeft al de id "de-linde"'],
  ])('check (%s): the error is at the copy, naming the original; exit 1', (lang, message) => {
    const run = runPolicyc(['check', '--format', 'compact', '--message-lang', lang], site());
    expect(run.status).toBe(1);
    expect(duplicateLines(run.stderr)).toEqual([
      `policies/de-linde-copy/policy.json:2:9 error /id ${message} (policies/de-linde/policy.json) [build/duplicate-policy-id]`,
    ]);
  });

  it('build --keep-going writes the original into dist/de-linde and skips the copy', () => {
    const work = site();
    const run = runPolicyc(['build', '--keep-going', '--format', 'compact', '--report', 'build.json'], work);
    expect(run.status, run.stderr).toBe(1);
    expect(duplicateLines(run.stderr)).toEqual([expect.stringMatching(/^policies\/de-linde-copy\/policy\.json:/)]);
    expect(readFileSync(path.join(work, 'dist/de-linde/nl/privacy.html'), 'utf8')).toContain('De Linde B.V.');
    expect(readFileSync(path.join(work, 'dist/de-linde/nl/privacy.html'), 'utf8')).not.toContain('Tweede Praktijk');
    const result = JSON.parse(readFileSync(path.join(work, 'build.json'), 'utf8')) as Record<string, unknown>;
    expect(result.built).toEqual([
      { id: 'de-linde', folder: 'dist/de-linde', source: 'policies/de-linde/policy.json' },
    ]);
    expect(result.skipped).toEqual([
      { id: 'de-linde', folder: 'dist/de-linde', source: 'policies/de-linde-copy/policy.json', reason: 'errors' },
    ]);
  });

  it('build without --keep-going: the error at the copy, nothing written', () => {
    const work = site();
    const run = runPolicyc(['build', '--format', 'compact'], work);
    expect(run.status).toBe(1);
    expect(duplicateLines(run.stderr)).toEqual([expect.stringMatching(/^policies\/de-linde-copy\/policy\.json:/)]);
    expect(existsSync(path.join(work, 'dist'))).toBe(false);
  });

  // Without the cache (register, --history) the ids were not read before the report, and the first policy on the
  // command line kept the id: the error went to the original (final read of 2026-12-07).
  it.each([[['register']], [['build', '--history']]])('%j: the error at the copy, too', (args) => {
    const run = runPolicyc([...args, '--format', 'compact'], site());
    expect(run.status).toBe(1);
    expect(duplicateLines(run.stderr)).toEqual([expect.stringMatching(/^policies\/de-linde-copy\/policy\.json:/)]);
  });
});
