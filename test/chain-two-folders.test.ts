import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPolicycInProcess as runPolicyc } from './support/cli.js';
import { git } from './support/git.js';
import { tempDirs } from './support/temp-dirs.js';
import { positionOfText } from './support/fixtures.js';
import { chainSharedValues, delftPracticeValues } from './support/chain-values.js';

/**
 * A platform's site with two chains (review platform, findings 7, 9 and 10): shared/dental.json and shared/gp.json,
 * made with init --base and filled in, the dental base with a chain-wide e-mail address; the config names
 * policies/dental and policies/gp.
 */
const site = tempDirs('policyc-two-folders-');

const fill = (file: string, values: Record<string, unknown>): void =>
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(/"FILL-IN:([a-z-]+)"/g, (whole, what: string) =>
      what in values ? JSON.stringify(values[what]) : whole,
    ),
  );

/** The LSP recipient's text, which the GP base fills in for all its practices. */
const consent = { nl: 'Alleen met uw uitdrukkelijke toestemming.', en: 'Only with your explicit consent.' };

async function twoChainSite(): Promise<string> {
  const cwd = site();
  for (const [base, sector] of [
    ['shared/dental.json', 'tandarts'],
    ['shared/gp.json', 'huisarts'],
  ] as const) {
    expect((await runPolicyc(['init', '--base', base, '--sector', sector, '--yes'], cwd)).status).toBe(0);
    fill(path.join(cwd, base), { ...chainSharedValues, 'exchange-consent': consent });
  }
  const dental = path.join(cwd, 'shared/dental.json');
  const base = JSON.parse(readFileSync(dental, 'utf8')) as Record<string, unknown>;
  writeFileSync(
    dental,
    JSON.stringify({ ...base, controller: { contact: { email: 'privacy@keten.example' } } }, null, 2) + '\n',
  );
  mkdirSync(path.join(cwd, 'policies/dental'), { recursive: true });
  mkdirSync(path.join(cwd, 'policies/gp'), { recursive: true });
  writeFileSync(path.join(cwd, 'policyc.config.json'), '{ "policies": ["policies/dental", "policies/gp"] }\n');
  return cwd;
}

const read = (cwd: string, file: string): string => readFileSync(path.join(cwd, file), 'utf8');

describe('init --extends with two policies folders in the config', () => {
  it('places a practice in the folder whose practices extend the same base, as --help says', async () => {
    const cwd = await twoChainSite();
    expect(
      (await runPolicyc(['init', '--extends', 'shared/dental.json', '--id', 'smile-delft', '--yes'], cwd)).status,
    ).toBe(0);
    // The first GP practice has no folder of its own yet: it goes to the first, and is moved by hand.
    expect((await runPolicyc(['init', '--extends', 'shared/gp.json', '--id', 'hs-ede', '--yes'], cwd)).status).toBe(0);
    renameSync(path.join(cwd, 'policies/dental/hs-ede'), path.join(cwd, 'policies/gp/hs-ede'));
    const run = await runPolicyc(['init', '--extends', 'shared/gp.json', '--id', 'hs-amersfoort', '--yes'], cwd);
    expect(run.stderr).toMatch(/^Wrote policies\/gp\/hs-amersfoort\/policy\.json \(extends shared\/gp\.json\)/);
    expect(run.status).toBe(0);
    const dental = await runPolicyc(['init', '--extends', 'shared/dental.json', '--id', 'smile-ede', '--yes'], cwd);
    expect(dental.stderr).toMatch(/^Wrote policies\/dental\/smile-ede\/policy\.json/);
    for (const lang of ['en', 'nl']) {
      const help = (await runPolicyc(['init', '--help', '--message-lang', lang], cwd)).stdout.replace(/\s+/g, ' ');
      expect(help).toContain(
        lang === 'en'
          ? "The folder is made in the config file's policies folder whose policies extend the same base (with --extends), else in its first policies folder, else in policies/."
          : 'De map komt in de beleidsmap van het configuratiebestand waarvan het beleid hetzelfde basisbeleid overneemt (met --extends), anders in de eerste beleidsmap ervan, anders in policies/.',
      );
    }
  });

  it('places it beside practices that extend the base in a list, or through a regional base', async () => {
    const cwd = await twoChainSite();
    expect(
      (await runPolicyc(['init', '--extends', 'shared/dental.json', '--id', 'smile-delft', '--yes'], cwd)).status,
    ).toBe(0);
    // A GP practice moved by hand to policies/gp, naming its base in a list.
    expect((await runPolicyc(['init', '--extends', 'shared/gp.json', '--id', 'hs-ede', '--yes'], cwd)).status).toBe(0);
    renameSync(path.join(cwd, 'policies/dental/hs-ede'), path.join(cwd, 'policies/gp/hs-ede'));
    const practice = (file: string, bases: unknown): void => {
      const value = JSON.parse(read(cwd, file)) as Record<string, unknown>;
      writeFileSync(path.join(cwd, file), JSON.stringify({ ...value, extends: bases }, null, 2) + '\n');
    };
    practice('policies/gp/hs-ede/policy.json', ['../../../shared/gp.json']);
    const listed = await runPolicyc(['init', '--extends', 'shared/gp.json', '--id', 'hs-amersfoort', '--yes'], cwd);
    expect(listed.stderr).toMatch(/^Wrote policies\/gp\/hs-amersfoort\/policy\.json \(extends shared\/gp\.json\)/);
    expect(listed.status).toBe(0);
    // Now through a regional base on the GP base: the only GP practice extends shared/gp-north.json.
    rmSync(path.join(cwd, 'policies/gp/hs-amersfoort'), { recursive: true });
    writeFileSync(path.join(cwd, 'shared/gp-north.json'), '{ "extends": "gp.json" }\n');
    practice('policies/gp/hs-ede/policy.json', '../../../shared/gp-north.json');
    const through = await runPolicyc(['init', '--extends', 'shared/gp.json', '--id', 'hs-zwolle', '--yes'], cwd);
    expect(through.stderr).toMatch(/^Wrote policies\/gp\/hs-zwolle\/policy\.json \(extends shared\/gp\.json\)/);
    expect(through.status).toBe(0);
  });

  it('writes no placeholder for a detail the base gives (the chain-wide e-mail address)', async () => {
    const cwd = await twoChainSite();
    expect(
      (await runPolicyc(['init', '--extends', 'shared/dental.json', '--id', 'smile-delft', '--yes'], cwd)).status,
    ).toBe(0);
    const practice = JSON.parse(read(cwd, 'policies/dental/smile-delft/policy.json')) as {
      controller: { contact: object };
    };
    expect(practice.controller.contact).toEqual({ phone: 'FILL-IN:phone' });
    // Filled in, the practice passes check: no "delete this placeholder, the base gives a value".
    fill(path.join(cwd, 'policies/dental/smile-delft/policy.json'), delftPracticeValues);
    const check = await runPolicyc(['check', 'policies/dental/smile-delft', '--format', 'compact'], cwd);
    expect(check.stdout + check.stderr).not.toMatch(/error/);
    // The GP base gives none: its practice still gets both.
    expect((await runPolicyc(['init', '--extends', 'shared/gp.json', '--id', 'hs-ede', '--yes'], cwd)).status).toBe(0);
    expect(read(cwd, 'policies/dental/hs-ede/policy.json')).toContain('"email": "FILL-IN:email"');
  });
});

describe('a mistyped key in a practice of a chain', () => {
  it('gets a guess (a prefix, a Dutch word) and one error at the typo, the placeholder it leaves related', async () => {
    const cwd = await twoChainSite();
    expect((await runPolicyc(['init', '--extends', 'shared/gp.json', '--id', 'hs-ede', '--yes'], cwd)).status).toBe(0);
    const file = path.join(cwd, 'policies/dental/hs-ede/policy.json');
    fill(file, delftPracticeValues);
    const text = read(cwd, 'policies/dental/hs-ede/policy.json')
      .replace('"kvkNumber"', '"kvk"')
      .replace('"phone"', '"telefoon"');
    writeFileSync(file, text);
    const kvk = positionOfText(text, '"kvk"');
    const phone = positionOfText(text, '"telefoon"');
    const preset = (name: string, needle: string): string => {
      const presetText = readFileSync(path.resolve('presets', `${name}.json`), 'utf8');
      const at = positionOfText(presetText, needle);
      return `${path.relative(cwd, path.resolve('presets', `${name}.json`))}:${at.line}:${at.column}`;
    };
    const kvkPlaceholder = preset('other', '"FILL-IN:kvk-number"');
    const phonePlaceholder = preset('other', '"FILL-IN:phone"');
    const en = await runPolicyc(['check', 'policies/dental/hs-ede', '--format', 'compact'], cwd);
    expect(en.stderr.split('\n').filter((line) => line.includes(' error '))).toEqual([
      `policies/dental/hs-ede/policy.json:${kvk.line}:${kvk.column} error /controller/kvk unknown property "kvk" (did you mean "kvkNumber"?) [schema/unknown-property] (so "kvkNumber" is not given: the placeholder at ${kvkPlaceholder} still stands there)`,
      `policies/dental/hs-ede/policy.json:${phone.line}:${phone.column} error /controller/contact/telefoon unknown property "telefoon" (did you mean "phone"?) [schema/unknown-property] (so "phone" is not given: the placeholder at ${phonePlaceholder} still stands there)`,
    ]);
    const nl = await runPolicyc(
      ['check', 'policies/dental/hs-ede', '--format', 'compact', '--message-lang', 'nl'],
      cwd,
    );
    expect(nl.stderr).toContain(
      `onbekend veld "kvk" (bedoelde u "kvkNumber"?) [schema/unknown-property] (daardoor is "kvkNumber" niet ingevuld: de tijdelijke tekst op ${kvkPlaceholder} staat er nog)`,
    );
    expect(nl.stderr).toContain('onbekend veld "telefoon" (bedoelde u "phone"?)');
  });

  it('in a policy of its own: the missing required key it stands for is folded into the typo', async () => {
    const cwd = site();
    const text = read(path.resolve('policies'), 'dental-clinics/policy.json').replace(
      '"name": "Dental Clinics Nederland B.V."',
      '"naam": "Dental Clinics Nederland B.V."',
    );
    mkdirSync(path.join(cwd, 'clinic'));
    writeFileSync(path.join(cwd, 'clinic/policy.json'), text);
    const at = positionOfText(text, '"naam"');
    const run = await runPolicyc(['check', 'clinic', '--format', 'compact'], cwd);
    expect(run.stderr.split('\n').filter((line) => line.includes('[schema/'))).toEqual([
      `clinic/policy.json:${at.line}:${at.column} error /controller/naam unknown property "naam" (did you mean "name"?) [schema/unknown-property]`,
    ]);
  });
});

/**
 * The two-chain site in git with a filled-in practice in each folder, then a change to the dental base: a
 * processor in the United States (material), the version and effective date left as they were.
 */
async function changedChainRepo(): Promise<string> {
  const cwd = await twoChainSite();
  expect(
    (await runPolicyc(['init', '--extends', 'shared/dental.json', '--id', 'smile-delft', '--yes'], cwd)).status,
  ).toBe(0);
  expect((await runPolicyc(['init', '--extends', 'shared/gp.json', '--id', 'hs-ede', '--yes'], cwd)).status).toBe(0);
  renameSync(path.join(cwd, 'policies/dental/hs-ede'), path.join(cwd, 'policies/gp/hs-ede'));
  for (const file of ['policies/dental/smile-delft/policy.json', 'policies/gp/hs-ede/policy.json'])
    fill(path.join(cwd, file), delftPracticeValues);
  git(cwd, 'init', '-q');
  git(cwd, 'add', '.');
  git(cwd, 'commit', '-q', '-m', 'v1');
  const dental = path.join(cwd, 'shared/dental.json');
  const base = JSON.parse(readFileSync(dental, 'utf8')) as { processors: object[] };
  base.processors.push({ id: 'mail', name: 'Mail Inc.', service: { nl: 'E-mail', en: 'E-mail' }, country: 'US' });
  writeFileSync(dental, JSON.stringify(base, null, 2) + '\n');
  return cwd;
}

describe('diff <revision> with two policies folders in the config', () => {
  it("covers the config's folders for a folder above them, and compares every folder named", async () => {
    const cwd = await changedChainRepo();
    const summary = [
      'Changes to the privacy notices since HEAD',
      '2 policies compared; 1 with material changes.',
      '',
      '  Glimlach Tandartsen Delft B.V. (policies/dental/smile-delft/policy.json): 2 material, 0 editorial. Notice needed.',
      '  Glimlach Tandartsen Delft B.V. (policies/gp/hs-ede/policy.json): Unchanged.',
    ];
    for (const args of [['policies'], ['policies/dental', 'policies/gp'], []]) {
      const run = await runPolicyc(['diff', 'HEAD', ...args], cwd);
      expect([args, run.stdout.split('\n').slice(0, 5)]).toEqual([args, summary]);
      expect([args, run.status]).toEqual([args, 0]);
    }
  });

  it('says why three sides are not two when they are not a revision and folders', async () => {
    const cwd = await changedChainRepo();
    const args = ['diff', 'HEAD', 'policies/dental', 'policies/gp/hs-ede/policy.json'];
    const en = await runPolicyc(args, cwd);
    expect(en.stderr.split('\n')[0]).toBe(
      'policyc: diff compares two sides, but 3 were given (HEAD policies/dental policies/gp/hs-ede/policy.json): more than two can only be a git revision followed by folders of policies (policyc diff HEAD~1 policies/dental policies/gp), and policies/gp/hs-ede/policy.json is not a folder of policies',
    );
    expect(en.status).toBe(2);
    const nl = await runPolicyc([...args, '--message-lang', 'nl'], cwd);
    expect(nl.stderr.split('\n')[0]).toBe(
      'policyc: diff vergelijkt twee kanten, maar er zijn er 3 opgegeven (HEAD policies/dental policies/gp/hs-ede/policy.json): meer dan twee kan alleen een git-revisie zijn gevolgd door mappen met beleid (policyc diff HEAD~1 policies/dental policies/gp), en policies/gp/hs-ede/policy.json is geen map met beleid',
    );
  });

  it("names the file that states the version and date a practice's draft asks to change", async () => {
    const cwd = await changedChainRepo();
    const date = positionOfText(read(cwd, 'shared/dental.json'), '"effectiveDate"');
    const presetFile = path.resolve('presets/other.json');
    const version = positionOfText(readFileSync(presetFile, 'utf8'), '"version"');
    const preset = `${path.relative(cwd, presetFile)}:${version.line}`;
    const en = (await runPolicyc(['diff', 'HEAD', 'policies/dental'], cwd)).stdout;
    expect(en).toContain(
      `The new version states the same effective date as the old one (15 January 2027), written at shared/dental.json:${date.line}: give it a date of its own (metadata.effectiveDate) there, or in this policy.`,
    );
    expect(en).toContain(
      `The new version has the same version as the old one (1), which it takes from preset:other (${preset}): give it a version of its own (metadata.version) in this policy, or in the base it extends, before it is published.`,
    );
    const nl = (await runPolicyc(['diff', 'HEAD', 'policies/dental', '--lang', 'nl'], cwd)).stdout;
    expect(nl).toContain(
      `De nieuwe versie noemt dezelfde ingangsdatum als de oude (15 januari 2027), vastgelegd op shared/dental.json:${date.line}: geef haar daar, of in dit beleid, een eigen ingangsdatum (metadata.effectiveDate).`,
    );
    expect(nl).toContain(
      `De nieuwe versie heeft hetzelfde versienummer als de oude (1), overgenomen uit preset:other (${preset}): geef haar een eigen versienummer (metadata.version) in dit beleid of in het basisbeleid waarop het voortbouwt, voordat ze wordt gepubliceerd.`,
    );
  });
});
