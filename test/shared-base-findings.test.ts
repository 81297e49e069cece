import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixturesDir, positionOfText } from './support/fixtures.js';
import { runPolicycHere as runPolicyc } from './support/cli.js';

// A chain: practice-a … practice-e extend shared/base.json (practice-b overrides the agenda and removes mail).
const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

const practices = ['a', 'b', 'c', 'd', 'e'].map((x) => `practice-${x}`);

function chain(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'policyc-chain-'));
  temps.push(root);
  cpSync(path.join(fixturesDir, 'extends'), root, { recursive: true });
  rmSync(path.join(root, 'broken'), { recursive: true });
  const a = readFileSync(path.join(root, 'practice-a/policy.json'), 'utf8');
  for (const x of ['c', 'd', 'e']) {
    cpSync(path.join(root, 'practice-a'), path.join(root, `practice-${x}`), { recursive: true });
    writeFileSync(path.join(root, `practice-${x}/policy.json`), a.replaceAll('practice-a', `practice-${x}`));
  }
  return root;
}

/** Changes the base of the chain; returns its new text. */
function editBase(root: string, from: string, to: string): string {
  const file = path.join(root, 'shared/base.json');
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
  return text.replace(from, to);
}

const pattern = '"P1X" must be an ISO 8601 duration in years, months, weeks or days, such as P20Y, P6M, P4W or P30D';
const all = practices.map((p) => `${p}/policy.json`);

describe('a finding in a base that many policies share', () => {
  it('is reported once, for how many policies and which, and counted once (check and build, text)', async () => {
    const root = chain();
    const at = positionOfText(editBase(root, '"P1Y"', '"P1X"'), '"P1X"');
    const check = await runPolicyc(['check', ...practices], root);
    expect(check.status).toBe(1);
    const lines = check.stderr.split('\n').filter((l) => l.includes(pattern));
    expect(lines).toEqual([
      `  ${at.line}:${at.column}  error    ${pattern} (for 5 policies: practice-a/policy.json, practice-b/policy.json, practice-c/policy.json and 2 more)  schema/pattern`,
    ]);
    expect(check.stderr).toContain('5 policies checked: 1 error, 0 warnings, 0 info.');
    const build = await runPolicyc(['build', ...practices, '--out', 'dist'], root);
    expect(build.status).toBe(1);
    expect(build.stderr.split('\n').filter((l) => l.includes(pattern))).toEqual(lines);
    expect(build.stderr).toContain('5 policies checked: 1 error, 0 warnings');
    expect(build.stderr).toContain('Build failed: 1 error that stops a build');
    const nl = await runPolicyc(['check', ...practices, '--message-lang', 'nl'], root);
    expect(nl.stderr).toContain(
      '(voor 5 beleidsbestanden: practice-a/policy.json, practice-b/policy.json, practice-c/policy.json en nog 2)',
    );
  });

  it('a syntax error in the base is said once, naming every policy when they are few', async () => {
    const root = chain();
    const text = editBase(root, '"country": "NL" }\n  ],', '"country": "NL" },\n  ],');
    const at = positionOfText(text, ',\n  ],');
    const run = await runPolicyc(['check', 'practice-a', 'practice-b', 'practice-c', '--format', 'compact'], root);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      `shared/base.json:${at.line}:${at.column} error / the file is not valid JSON: no comma may follow the last item; remove this comma before "]" (for 3 policies: practice-a/policy.json, practice-b/policy.json and practice-c/policy.json) [json/syntax]`,
    ]);
  });

  it('a warning in the base counts once towards --max-warnings, for the policies that have it', async () => {
    const root = chain();
    const warnings = (stderr: string) => Number(/(\d+) warnings?,/.exec(stderr)?.[1]);
    const before = warnings((await runPolicyc(['check', ...practices], root)).stderr);
    // practice-b removes mail: the warning is not its.
    const text = editBase(root, '"E-mail" }, "country": "NL" }', '"E-mail" } }');
    const at = positionOfText(text, '"mail"', 2);
    const limit = ['--max-warnings', String(before + 1)];
    for (const command of [['check'], ['build', '--out', 'dist']]) {
      const run = await runPolicyc([...command, ...practices, ...limit], root);
      expect(warnings(run.stderr)).toBe(before + 1);
      expect(run.status).toBe(0);
      const compact = await runPolicyc([...command, ...practices, ...limit, '--format', 'compact'], root);
      expect(compact.stderr.split('\n').filter((l) => l.includes('transfer/location-unstated'))).toEqual([
        `shared/base.json:${at.line}:${at.column} warning /processors/1/id “Mail B.V.” has no country: the policy does not say where it is established or where it keeps the data. (for 4 policies: practice-a/policy.json, practice-c/policy.json, practice-d/policy.json and 1 more) {GDPR 13(1)(f), 30(1)(e)} [transfer/location-unstated]`,
      ]);
    }
  });

  it('JSON lists the policies; SARIF gives one result, a related location per policy and a fingerprint', async () => {
    const root = chain();
    const at = positionOfText(editBase(root, '"P1Y"', '"P1X"'), '"P1X"');
    const json = JSON.parse((await runPolicyc(['check', ...practices, '--format', 'json'], root)).stdout) as Record<
      string,
      unknown
    >[];
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ file: 'shared/base.json', line: at.line, column: at.column, policies: all });
    expect(json[0]).not.toHaveProperty('policy');
    type Sarif = {
      runs: {
        results: {
          message: { text: string };
          locations: { physicalLocation: { region: { startLine: number } } }[];
          relatedLocations: { id: number; physicalLocation: { artifactLocation: { uri: string } } }[];
          partialFingerprints: Record<string, string>;
        }[];
      }[];
    };
    const sarif = async (policies: string[]) =>
      (JSON.parse((await runPolicyc(['check', ...policies, '--format', 'sarif'], root)).stdout) as Sarif).runs[0]!
        .results;
    const results = await sarif(practices);
    expect(results).toHaveLength(1);
    expect(results[0]!.locations[0]!.physicalLocation.region.startLine).toBe(at.line);
    expect(results[0]!.relatedLocations.map((l) => [l.id, l.physicalLocation.artifactLocation.uri])).toEqual(
      all.map((uri, i) => [i + 1, uri]),
    );
    expect(results[0]!.message.text).toContain('(for 5 policies: ');
    // The same finding, whichever policies it is found for: the fingerprint is the finding's.
    const one = await sarif(['practice-d']);
    expect(one[0]!.message.text).toContain('(for practice-d/policy.json)');
    expect(one[0]!.partialFingerprints).toEqual(results[0]!.partialFingerprints);
    expect(Object.values(results[0]!.partialFingerprints)[0]).toMatch(/^[0-9a-f]{32}$/);
  });

  it('acknowledged for some practices only, it stays two entries: accepted for those, open (and counted) for the others', async () => {
    const root = chain();
    // practice-b removes mail: the warning is a, c, d and e's; the config accepts it for a and c.
    editBase(root, '"E-mail" }, "country": "NL" }', '"E-mail" } }');
    const ack = (policy: string) => ({
      policy,
      rule: 'transfer/location-unstated',
      pointer: '/processors/1/id',
      reason: { en: 'Mail B.V. is in Utrecht.' },
    });
    writeFileSync(
      path.join(root, 'policyc.config.json'),
      JSON.stringify({ acknowledged: [ack('practice-a'), ack('practice-c')] }),
    );
    const compact = await runPolicyc(['check', ...practices, '--format', 'compact'], root);
    expect(
      compact.stderr
        .split('\n')
        .filter((l) => l.includes('transfer/location-unstated'))
        .map((l) => l.replace(/^.*\(for /, '(for ')),
    ).toEqual([
      '(for 2 policies: practice-a/policy.json and practice-c/policy.json) {GDPR 13(1)(f), 30(1)(e)} [transfer/location-unstated] (acknowledged: Mail B.V. is in Utrecht.)',
      '(for 2 policies: practice-d/policy.json and practice-e/policy.json) {GDPR 13(1)(f), 30(1)(e)} [transfer/location-unstated]',
    ]);
    expect((await runPolicyc(['check', ...practices], root)).stderr).toContain('1 acknowledged finding not counted.');
    // SARIF: one result accepted (a suppression), one open, each its own alert.
    type Result = { ruleId: string; suppressions?: unknown[]; partialFingerprints: Record<string, string> };
    const sarif = JSON.parse((await runPolicyc(['check', ...practices, '--format', 'sarif'], root)).stdout) as {
      runs: { results: Result[] }[];
    };
    const mail = sarif.runs[0]!.results.filter((r) => r.ruleId === 'transfer/location-unstated');
    expect(mail.map((r) => r.suppressions !== undefined)).toEqual([true, false]);
    expect(mail[0]!.partialFingerprints).not.toEqual(mail[1]!.partialFingerprints);
  });
});
