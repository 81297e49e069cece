import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run-cli.js';
import { tempDirs } from './support/temp-dirs.js';
import { runPolicycHere as runPolicyc } from './support/cli.js';
import { positionOfText } from './support/fixtures.js';
import { chainSharedValues, delftPracticeValues } from './support/chain-values.js';

const site = tempDirs('policyc-init-extends-');

/** What a chain's head office and one of its practices fill in for each placeholder. */
const chainValues: Record<string, string | boolean> = {
  ...chainSharedValues,
  'practice-name': 'Glimlach Tandartsen B.V.',
  'kvk-number': '12345678',
  street: 'Hoofdstraat 1',
  'postal-code': '3511 AA',
  city: 'Utrecht',
  email: 'privacy@glimlach.example',
  phone: '030 123 45 67',
};
const practiceValues: Record<string, string | boolean> = { ...chainValues, ...delftPracticeValues };
const fill = (text: string, values: Record<string, string | boolean>): string =>
  text.replace(/"FILL-IN:([a-z-]+)"/g, (_, what: string) => JSON.stringify(values[what]));

/** A chain's base in shared/chain.json: the tandarts preset, filled in by the head office. */
async function chainSite(): Promise<string> {
  const cwd = site();
  expect((await runPolicyc(['init', '--sector', 'tandarts', '--id', 'chain', '--yes'], cwd)).status).toBe(0);
  mkdirSync(path.join(cwd, 'shared'));
  const text = readFileSync(path.join(cwd, 'policies/chain/policy.json'), 'utf8');
  writeFileSync(path.join(cwd, 'shared/chain.json'), fill(text, chainValues).replace('"../../', '"../'));
  rmSync(path.join(cwd, 'policies'), { recursive: true });
  return cwd;
}

const schema = (cwd: string, folder: string): string =>
  path.relative(path.join(cwd, folder), path.resolve('schema/policy.schema.json')).split(path.sep).join('/');

/** The fields of a finding these tests read. */
type Finding = Record<'ruleId' | 'severity' | 'file', string> & Record<'line' | 'column', number>;

async function check(cwd: string): Promise<Finding[]> {
  return JSON.parse((await runPolicyc(['check', '--format', 'json'], cwd)).stdout) as Finding[];
}

describe('policyc init --extends', () => {
  it("writes a thin policy: the base, the id and placeholders for the practice's own details only", async () => {
    const cwd = await chainSite();
    const run = await runPolicyc(['init', '--extends', 'shared/chain.json', '--id', 'glimlach-delft'], cwd);
    expect(run.stderr).toBe(
      "Wrote policies/glimlach-delft/policy.json (extends shared/chain.json): 5 placeholders (FILL-IN:…) to fill in. Run 'policyc check policies/glimlach-delft' to see them.\n",
    );
    expect(run.status).toBe(0);
    const file = path.join(cwd, 'policies/glimlach-delft/policy.json');
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toEqual({
      $schema: schema(cwd, 'policies/glimlach-delft'),
      extends: '../../shared/chain.json',
      id: 'glimlach-delft',
      // The base gives the chain's e-mail address and phone: no placeholder for them (review platform, finding 10).
      controller: {
        name: 'FILL-IN:practice-name',
        kvkNumber: 'FILL-IN:kvk-number',
        address: { street: 'FILL-IN:street', postalCode: 'FILL-IN:postal-code', city: 'FILL-IN:city' },
      },
    });
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');

    // check resolves the base (nothing else is missing) and reports each placeholder at its line and column.
    const placeholders = [...text.matchAll(/"FILL-IN:([a-z-]+)"/g)].map((m) => m[0]);
    expect((await check(cwd)).map((d) => `${d.ruleId} ${d.file}:${d.line}:${d.column}`)).toEqual(
      placeholders.map((marker) => {
        const { line, column } = positionOfText(text, marker);
        return `policy/fill-in policies/glimlach-delft/policy.json:${line}:${column}`;
      }),
    );

    writeFileSync(file, fill(text, practiceValues));
    expect((await check(cwd)).filter((d) => d.severity !== 'info')).toEqual([]);
    const out = path.join(cwd, 'dist');
    expect((await runPolicyc(['build', '--out', out], cwd)).status).toBe(0);
    const nl = readFileSync(path.join(out, 'glimlach-delft/nl/privacy.html'), 'utf8');
    expect(nl).toContain('Glimlach Tandartsen Delft B.V.');
    expect(nl).toContain('Dossier Software B.V.'); // from the base
  });

  it('extends a preset: the placeholders the preset leaves open are in the practice file, a processor by its id', async () => {
    const cwd = site();
    const run = await runPolicyc(['init', '--extends', 'preset:tandarts', '--id', 'solo', '--informal'], cwd);
    expect(run.status).toBe(0);
    const text = readFileSync(path.join(cwd, 'policies/solo/policy.json'), 'utf8');
    expect(JSON.parse(text)).toEqual({
      $schema: schema(cwd, 'policies/solo'),
      extends: 'preset:tandarts',
      id: 'solo',
      metadata: { formality: 'informal', effectiveDate: 'FILL-IN:effective-date' },
      controller: {
        name: 'FILL-IN:practice-name',
        kvkNumber: 'FILL-IN:kvk-number',
        address: { street: 'FILL-IN:street', postalCode: 'FILL-IN:postal-code', city: 'FILL-IN:city' },
        contact: { email: 'FILL-IN:email', phone: 'FILL-IN:phone' },
      },
      processors: [{ id: 'practice-system', name: 'FILL-IN:processor-name', country: 'FILL-IN:processor-country' }],
      automatedDecisionMaking: { takesPlace: 'FILL-IN:automated-decisions' },
      complaints: {
        officer: { name: 'FILL-IN:complaints-officer', contact: { url: 'FILL-IN:complaints-officer-contact' } },
        disputesBody: { name: 'FILL-IN:disputes-body', contact: { url: 'FILL-IN:disputes-body-url' } },
      },
    });
    // Every placeholder is in the practice's own file, none left in the preset.
    const findings = await check(cwd);
    expect(findings.map((d) => `${d.ruleId} ${d.file}`)).toEqual(
      Array<string>(15).fill('policy/fill-in policies/solo/policy.json'),
    );
    writeFileSync(path.join(cwd, 'policies/solo/policy.json'), fill(text, practiceValues));
    expect((await check(cwd)).filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('refuses a missing base, a broken one (at its position), an unknown preset, --sector with it and an existing policy', async () => {
    const cwd = await chainSite();
    const refused = async (args: string[]): Promise<string> => {
      const run = await runPolicyc(['init', ...args, '--id', 'x'], cwd);
      expect([args, run.status]).toEqual([args, 2]);
      return run.stderr;
    };
    expect(await refused(['--extends', 'shared/nope.json'])).toBe(
      "policyc: no base policy at shared/nope.json (--extends)\nRun 'policyc init --help' for usage.\n",
    );
    // A folder, or a misspelled name: the base meant is guessed.
    expect(await refused(['--extends', 'shared'])).toContain(
      'no base policy at shared (--extends); did you mean "shared/chain.json"?',
    );
    expect(await refused(['--extends', 'shared/chian.json'])).toContain(
      'no base policy at shared/chian.json (--extends); did you mean "shared/chain.json"?',
    );
    writeFileSync(path.join(cwd, 'shared/broken.json'), '{\n  "id": "b",\n  "metadata": {,}\n}\n');
    const broken = await refused(['--extends', 'shared/broken.json']);
    expect(broken).toMatch(/^shared\/broken\.json\n {2}3:16 +error +the file is not valid JSON/);
    expect(broken).toContain('policyc: the base policy shared/broken.json (--extends) has the errors above');
    writeFileSync(path.join(cwd, 'shared/lost.json'), '{\n  "extends": "missing.json"\n}\n');
    expect(await refused(['--extends', 'shared/lost.json'])).toMatch(
      /^shared\/lost\.json\n {2}2:14 +error +cannot find the base policy "missing\.json"/,
    );
    expect(await refused(['--extends', 'preset:tandart'])).toContain(
      'unknown preset "preset:tandart" (--extends; use one of: preset:apotheek, preset:fysiotherapie, preset:ggz, preset:huisarts, preset:other or preset:tandarts); did you mean "preset:tandarts"?',
    );
    expect(await refused(['--extends', 'shared/chain.json', '--sector', 'tandarts'])).toContain(
      'policyc: give --extends or --sector, not both',
    );
    expect(existsSync(path.join(cwd, 'policies'))).toBe(false);

    expect((await runPolicyc(['init', '--extends', 'shared/chain.json', '--id', 'x'], cwd)).status).toBe(0);
    const file = path.join(cwd, 'policies/x/policy.json');
    writeFileSync(file, '{"edited": true}');
    expect(await refused(['--extends', 'shared/chain.json'])).toBe(
      'policyc: policies/x/policy.json already exists; policyc init never overwrites a policy. Choose another --id.\n',
    );
    expect(readFileSync(file, 'utf8')).toBe('{"edited": true}');
  });

  it('on a terminal asks only for the id: the kind of practice and u or je come from the base', async () => {
    const cwd = await chainSite();
    renameSync(path.join(cwd, 'shared/chain.json'), path.join(cwd, 'shared/base.json'));
    const questions: string[] = [];
    const io = {
      cwd,
      stdout: () => {},
      stderr: () => {},
      prompt: async (q: string) => {
        questions.push(q);
        return 'glimlach-delft';
      },
    };
    expect(await runCli(['init', '--extends', 'shared/base.json'], io)).toBe(0);
    expect(questions).toEqual(['Policy id (folder name under policies/) [practice]: ']);
    const policy = JSON.parse(readFileSync(path.join(cwd, 'policies/glimlach-delft/policy.json'), 'utf8')) as {
      extends: string;
      metadata?: unknown;
    };
    expect([policy.extends, policy.metadata]).toEqual(['../../shared/base.json', undefined]);
  });
});
