import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runPolicycHere } from './support/cli.js';
import { tempDirs } from './support/temp-dirs.js';

/**
 * secondread10, 1: author text with a line break was printed as it is in the one-line reports, so a purpose named
 * "T\r\n::error::pwned" gave a line of its own: another finding to a problem matcher, a workflow command to the
 * GitHub Actions runner (which reads stdout and stderr). Each break is now shown as '↵'.
 */
const tempDir = tempDirs('policyc-line-breaks-');
const NAME = 'T\r\n::error::pwned\u2028::warning::x\u0085::notice::y\n';

/** A copy of ipractice whose first purpose is named NAME and names no legal basis (a finding that quotes the name). */
function craftedPolicy(): { dir: string; file: string } {
  const dir = tempDir();
  cpSync(path.join(repoRoot, 'policies/ipractice'), path.join(dir, 'policies/ipractice'), { recursive: true });
  const file = path.join(dir, 'policies/ipractice/policy.json');
  const policy = JSON.parse(readFileSync(file, 'utf8'));
  policy.purposes[0].name = { en: NAME, nl: NAME };
  delete policy.purposes[0].legalBasis;
  writeFileSync(file, JSON.stringify(policy, null, 2));
  return { dir, file };
}

/** The report's lines: none starts a workflow command, and each that quotes the name holds all of it. */
function expectOneLine(report: string): void {
  const lines = report.split(/\r\n|[\n\v\f\r\u0085\u2028\u2029]/);
  expect(lines.filter((l) => l.trimStart().startsWith('::'))).toEqual([]);
  const quoting = lines.filter((l) => /pwned|::warning::x|::notice::y/.test(l));
  expect(quoting.length).toBeGreaterThan(0);
  for (const line of quoting) expect(line).toMatch(/T.::error::pwned.::warning::x.::notice::y/);
  expect(quoting.some((l) => l.includes('T↵::error::pwned↵::warning::x↵::notice::y↵'))).toBe(true);
}

describe('a line break in author text', () => {
  it('stays within its line in the compact report: one file:line:col line per finding', async () => {
    const { dir } = craftedPolicy();
    const { stderr } = await runPolicycHere(['check', '--format', 'compact'], dir);
    expectOneLine(stderr);
    for (const line of stderr.trimEnd().split('\n')) expect(line).toMatch(/^(policies\/|\d+ polic|[A-Z])/);
    expect(stderr).toMatch(
      /^policies\/ipractice\/policy\.json:\d+:\d+ error \/purposes\/0\/legalBasis .*T↵::error::pwned/m,
    );
  });

  it('stays within its line in the text report', async () => {
    const { dir } = craftedPolicy();
    const { stderr } = await runPolicycHere(['check'], dir);
    expectOneLine(stderr);
  });

  it("stays within its line in diff's text report", async () => {
    const old = path.join(repoRoot, 'policies/ipractice/policy.json');
    const { dir, file } = craftedPolicy();
    const { stdout } = await runPolicycHere(['diff', old, file], dir);
    expectOneLine(stdout);
  });

  it('is kept as it is in JSON, whose syntax escapes it', async () => {
    const { dir } = craftedPolicy();
    const { stdout } = await runPolicycHere(['check', '--format', 'json'], dir);
    expect(stdout).toContain(JSON.stringify(NAME).slice(1, -1));
  });
});
