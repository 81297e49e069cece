import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configFlags } from '../src/config/policyc-config.js';
import { commands } from '../src/cli/commands/index.js';
import { repoRoot, runPolicycHere as runPolicyc } from './support/cli.js';
import { positionOfText } from './support/fixtures.js';

let site: string;
beforeEach(() => {
  site = mkdtempSync(path.join(os.tmpdir(), 'policyc-config-'));
  mkdirSync(path.join(site, 'privacy'));
  cpSync(path.join(repoRoot, 'policies/ipractice'), path.join(site, 'privacy/ipractice'), { recursive: true });
});
afterEach(() => rmSync(site, { recursive: true, force: true }));

function writeConfig(config: unknown): string {
  const text = JSON.stringify(config, null, 2);
  writeFileSync(path.join(site, 'policyc.config.json'), text);
  return text;
}

function jsonFindings(stdout: string): { ruleId: string; severity: string }[] {
  return JSON.parse(stdout) as { ruleId: string; severity: string }[];
}

describe('policyc.config.json', () => {
  it('gives build its policies, output folder and languages', async () => {
    writeConfig({
      $schema: './node_modules/policyc/schema/policyc.config.schema.json',
      policies: ['privacy'],
      out: 'public/privacy',
      languages: ['en'],
    });
    const run = await runPolicyc(['build'], site);
    expect(run.status).toBe(0);
    expect(existsSync(path.join(site, 'public/privacy/ipractice/en/privacy.html'))).toBe(true);
    expect(existsSync(path.join(site, 'public/privacy/ipractice/nl'))).toBe(false);
  });

  it('"csv" chooses how register.csv is written: RFC 4180 commas instead of the Excel default; --csv overrides it', async () => {
    const firstLine = (lang: string): string =>
      readFileSync(path.join(site, `dist/ipractice/${lang}/register.csv`), 'utf8').split('\r\n')[0]!;
    expect((await runPolicyc(['register', 'privacy', '--out', 'dist'], site)).status).toBe(0);
    expect(firstLine('nl')).toMatch(/^\uFEFFKenmerk;Verwerkingsactiviteit;/);
    writeConfig({ policies: ['privacy'], csv: 'rfc4180' });
    // A changed dialect is a changed build: the cache does not keep the Excel files.
    expect((await runPolicyc(['register', '--out', 'dist'], site)).status).toBe(0);
    expect(firstLine('nl')).toMatch(/^Kenmerk,Verwerkingsactiviteit,/);
    expect((await runPolicyc(['build', '--out', 'dist', '--csv', 'excel'], site)).status).toBe(0);
    expect(firstLine('nl')).toMatch(/^\uFEFFKenmerk;/);
    expect(firstLine('en')).toMatch(/^\uFEFFID,Processing activity,/);
    const bad = await runPolicyc(['register', '--out', 'dist', '--csv', 'semicolon'], site);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--csv must be excel or rfc4180, not "semicolon"');
    // In the config file, a positioned error like any other in it (exit 2, a usage error, as every problem of the config file is).
    const text = writeConfig({ policies: ['privacy'], csv: 'semicolon' });
    const badConfig = await runPolicyc(['register', '--out', 'dist', '--format', 'compact'], site);
    expect(badConfig.status).toBe(2);
    const { line, column } = positionOfText(text, '"semicolon"');
    expect(badConfig.stderr).toContain(`policyc.config.json:${line}:${column} error /csv`);
  });

  it('command-line flags override it', async () => {
    writeConfig({ policies: ['privacy'], out: 'public/privacy', languages: ['en'] });
    expect((await runPolicyc(['build', '--out', 'elsewhere', '--lang', 'nl'], site)).status).toBe(0);
    expect(existsSync(path.join(site, 'elsewhere/ipractice/nl/privacy.html'))).toBe(true);
    expect(existsSync(path.join(site, 'elsewhere/ipractice/en'))).toBe(false);
    expect(existsSync(path.join(site, 'public'))).toBe(false);
  });

  it('sets the message language of every command; --message-lang and check --lang override it', async () => {
    writeConfig({ policies: ['privacy'], messageLanguage: 'nl' });
    expect((await runPolicyc(['check'], site)).stderr).toContain(
      'Deze zorgaanbieder geeft een algemene verklaring over beveiliging',
    );
    expect((await runPolicyc(['build', '--out', 'dist'], site)).stderr).toContain(
      'Deze zorgaanbieder geeft een algemene verklaring over beveiliging',
    );
    expect((await runPolicyc(['check', '--lang', 'en'], site)).stderr).toContain('security');
    expect((await runPolicyc(['check', '--message-lang', 'en'], site)).stderr).not.toContain(
      'Het beleid geeft een algemene verklaring',
    );
  });

  it('sets rule severities, and "off" leaves a rule out, in check and build', async () => {
    const before = jsonFindings((await runPolicyc(['check', 'privacy', '--format', 'json'], site)).stdout);
    const measures = before.find((d) => d.ruleId === 'security/measures-missing');
    expect(measures?.severity).toBe('warning'); // a care provider (officer11 F9)
    const someWarning = before.find((d) => d.severity === 'warning')!.ruleId;
    writeConfig({ rules: { 'security/measures-missing': 'error', [someWarning]: 'off' } });
    const after = jsonFindings((await runPolicyc(['check', 'privacy', '--format', 'json'], site)).stdout);
    expect(after.filter((d) => d.ruleId === 'security/measures-missing').map((d) => d.severity)).toEqual(['error']);
    expect(after.some((d) => d.ruleId === someWarning)).toBe(false);
    expect(after.length).toBe(before.length - before.filter((d) => d.ruleId === someWarning).length);
    const built = jsonFindings(
      (await runPolicyc(['build', 'privacy', '--format', 'json', '--out', 'dist'], site)).stdout,
    );
    expect(built.some((d) => d.ruleId === someWarning)).toBe(false);
  });

  it('maxWarnings fails a run with more warnings', async () => {
    writeConfig({ policies: ['privacy'], maxWarnings: 0 });
    const run = await runPolicyc(['check'], site);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Too many warnings: \d+, more than --max-warnings 0\./);
    expect((await runPolicyc(['check', '--max-warnings', '1000'], site)).stderr).not.toContain('Too many warnings');
  });

  it('errors in it are positioned like policy errors, in the message language, and stop the command', async () => {
    const text = writeConfig({
      out: 7,
      languages: ['de'],
      rules: { 'security/measure-missing': 'warn' },
      acknowledged: [{ policy: 'ipractice', rule: 'security/measures-missing' }],
    });
    const run = await runPolicyc(['check', 'privacy', '--format', 'compact'], site);
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split('\n');
    const at = (needle: string, shift: number): string => {
      const { line, column } = positionOfText(text, needle);
      return `policyc.config.json:${line}:${column + shift}`;
    };
    expect(lines).toContain(`${at('"out"', 7)} error /out must be a text (put it in quotes: "7") [schema/type]`);
    expect(lines).toContain(
      `${at('"de"', 0)} error /languages/0 "de" is not allowed here; must be one of nl, en [schema/enum]`,
    );
    expect(lines).toContain(
      `${at('"warn"', 0)} error /rules/security~1measure-missing "warn" is not allowed here; must be one of error, warning, info, off [schema/enum]`,
    );
    expect(lines).toContain(
      `${at('"security/measure-missing"', 0)} error /rules/security~1measure-missing no compliance rule has the id "security/measure-missing" (see ${repoRoot}/docs/rules.md) (did you mean "security/measures-missing"?) [config/unknown-rule]`,
    ); // the rule list as a path that opens from the working folder: here, outside the package, the whole path
    expect(lines).toContain(
      `${at('{\n      "policy"', 0)} error /acknowledged/0/reason missing required property "reason" [schema/required]`,
    );
    expect(lines.at(-1)).toBe('The config file has errors; fix them first.');
    const dutch = await runPolicyc(['check', 'privacy', '--message-lang', 'nl'], site);
    expect(dutch.stderr).toContain('geen nalevingsregel heeft de id "security/measure-missing"');
  });

  it('an unknown key that people write for a real one names it, at the key; a command-line-only option says so', async () => {
    const text = writeConfig({
      lang: ['en'],
      outDir: 'public',
      output: 'public',
      dist: 'public',
      src: ['privacy'],
      input: ['privacy'],
      'max-warnings': 0,
      format: 'compact',
    });
    const run = await runPolicyc(['check', 'privacy', '--format', 'compact'], site);
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split('\n');
    const at = (key: string): string => {
      const { line, column } = positionOfText(text, `"${key}"`);
      return `policyc.config.json:${line}:${column} error /${key} unknown property "${key}"`;
    };
    for (const [key, meant] of [
      ['lang', 'languages'],
      ['outDir', 'out'],
      ['output', 'out'],
      ['dist', 'out'],
      ['src', 'policies'],
      ['input', 'policies'],
      ['max-warnings', 'maxWarnings'],
    ])
      expect(lines).toContain(`${at(key!)} (did you mean "${meant}"?) [schema/unknown-property]`);
    expect(lines).toContain(
      `${at('format')} (--format is a command-line option and has no config key: give it on the command line) [schema/unknown-property]`,
    );
    const dutch = await runPolicyc(['check', 'privacy', '--message-lang', 'nl'], site);
    expect(dutch.stderr).toContain('--format is een optie voor de opdrachtregel');
  });

  // The refusal names the config file's "out", where it is, not a flag that was not given (cli7 finding 14).
  it('a refused "out" from the config file is reported at its place there, with advice about "out"', async () => {
    const text = writeConfig({ policies: ['privacy'], out: '.' });
    const { line, column } = positionOfText(text, '"."');
    const run = await runPolicyc(['build'], site);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `policyc: policyc.config.json:${line}:${column}: refusing to build into . (the config file's "out"): it is the working folder, a folder above it, your home folder or a project root. Set "out" to an output folder of its own, e.g. "out": "dist".\n`,
    );
    const dutch = await runPolicyc(['build', '--message-lang', 'nl'], site);
    expect(dutch.status).toBe(2);
    expect(dutch.stderr).toBe(
      `policyc: policyc.config.json:${line}:${column}: bouwen in . ("out" in het configuratiebestand) geweigerd: dat is de werkmap, een map daarboven, uw thuismap of de hoofdmap van een project. Geef "out" een eigen uitvoermap, bijvoorbeeld "out": "dist".\n`,
    );
    const inPolicies = positionOfText(writeConfig({ policies: ['privacy'], out: 'privacy/site' }), '"privacy/site"');
    const inside = await runPolicyc(['build'], site);
    expect(inside.status).toBe(2);
    expect(inside.stderr).toBe(
      `policyc: policyc.config.json:${inPolicies.line}:${inPolicies.column}: refusing to build into privacy/site (the config file's "out"): it lies inside privacy, which this build reads policies from. Set "out" to an output folder outside it, e.g. "out": "dist".\n`,
    );
    const npm = positionOfText(writeConfig({ policies: ['privacy'], out: 'node_modules/privacy' }), '"node_modules/');
    expect((await runPolicyc(['build'], site)).stderr).toBe(
      `policyc: policyc.config.json:${npm.line}:${npm.column}: refusing to build into node_modules/privacy (the config file's "out"): it is, or lies inside, node_modules, a folder that git or npm manages. Set "out" to an output folder of its own, e.g. "out": "dist".\n`,
    );
    // --out on the command line wins over the config's "out", and its refusal is about --out.
    const flag = await runPolicyc(['build', '--out', '.'], site);
    expect(flag.stderr).toMatch(/^policyc: refusing to build into \.: .* e\.g\. --out dist\.\n/);
    expect(readdirSync(site).sort()).toEqual(['policyc.config.json', 'privacy']);
  });

  it('a "policies" path that is not there is reported at its place in the config file, as from the config', async () => {
    const text = writeConfig({ policies: ['privacy', 'policy'] });
    const { line, column } = positionOfText(text, '"policy"');
    const run = await runPolicyc(['check'], site);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `policyc: policyc.config.json:${line}:${column}: no file or folder at policy (from the config file's "policies")\nRun 'policyc check --help' for usage.\n`,
    );
    // Named on the command line, the same path is the command line's.
    expect((await runPolicyc(['check', 'policy'], site)).stderr).toMatch(/^policyc: no file or folder at policy\n/);
  });

  it('passes acknowledged findings to the checker, which marks them and reports a stale one at its place in the config file', async () => {
    const text = writeConfig({
      acknowledged: [
        {
          policy: 'ipractice',
          rule: 'security/measures-missing',
          reason: { nl: 'Staat in ons beveiligingsbeleid.', en: 'In our security policy.' },
        },
        { policy: 'ipractice', rule: 'rights/response-time-missing', pointer: '/nowhere', reason: { en: 'Stale.' } },
        { policy: 'another-policy', rule: 'security/measures-missing', reason: { en: 'Not this policy.' } },
      ],
    });
    const json = JSON.parse((await runPolicyc(['check', 'privacy', '--format', 'json'], site)).stdout) as {
      ruleId: string;
      file: string;
      line?: number;
      column?: number;
      acknowledged?: { reason: string; source: string };
    }[];
    expect(json.find((d) => d.ruleId === 'security/measures-missing')!.acknowledged).toEqual({
      reason: 'In our security policy.',
      source: 'config',
    });
    const stale = positionOfText(text, '{\n      "policy": "ipractice",\n      "rule": "rights/response-time-missing"');
    expect(json.filter((d) => d.ruleId === 'acknowledged/unmatched').map((d) => [d.file, d.line, d.column])).toEqual([
      ['policyc.config.json', stale.line, stale.column],
    ]);
    const textRun = await runPolicyc(['check', 'privacy'], site);
    expect(textRun.stderr).toContain('1 acknowledged finding not counted.');
    const build = await runPolicyc(['build', 'privacy', '--out', 'dist'], site);
    expect(build.stderr).toContain('1 acknowledged finding not counted.');
  });

  it('reports an acknowledgement for a policy id that no policy has, at the id, in a run over every policy', async () => {
    const text = writeConfig({
      policies: ['privacy'],
      acknowledged: [
        { policy: 'ipracitce', rule: 'security/measures-missing', reason: { en: 'In our security policy.' } },
        { policy: 'ipractice', rule: 'rights/response-time-missing', pointer: '/nowhere', reason: { en: 'Stale.' } },
      ],
    });
    const { line, column } = positionOfText(text, '"ipracitce"');
    const expected = `policyc.config.json:${line}:${column} warning /acknowledged/0/policy No policy has the id "ipracitce": this acknowledgement of "security/measures-missing" applies to nothing. Correct the id, or remove the acknowledgement if the policy is gone. (did you mean "ipractice"?) [acknowledged/unknown-policy]`;
    const check = await runPolicyc(['check', '--format', 'compact'], site);
    expect(check.stderr.split('\n')).toContain(expected);
    const build = await runPolicyc(['build', '--out', 'dist', '--format', 'compact'], site);
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr.split('\n')).toContain(expected);
    // In the text report once, in the order check gives it: the config file sorts before privacy/.
    const report = (await runPolicyc(['build', '--out', 'dist', '--force'], site)).stderr;
    const checked = (await runPolicyc(['check'], site)).stderr;
    expect(checked.indexOf('policyc.config.json\n')).toBeLessThan(checked.indexOf('privacy/ipractice/policy.json\n'));
    expect(checked.indexOf('policyc.config.json\n')).toBeGreaterThanOrEqual(0);
    expect(report.startsWith(checked)).toBe(true);
    // With the stale acknowledgement a policy reports there: one block for the file.
    expect(report.split('policyc.config.json\n')).toHaveLength(2);
    expect((await runPolicyc(['check', '--message-lang', 'nl'], site)).stderr).toContain(
      'Geen beleidsbestand heeft het id "ipracitce": deze acceptatie van "security/measures-missing" geldt voor niets.',
    );
    // A run over some policies cannot tell: the id may be another policy's.
    expect((await runPolicyc(['check', 'privacy/ipractice'], site)).stderr).not.toContain(
      'acknowledged/unknown-policy',
    );
  });

  it("run from a sub-folder, the project root's config file is read, as its policies are found (fixes, item 2b)", async () => {
    // It was read only in the working folder: from shared/, check gave English and no policies, or named the
    // policies/ of the root that the config's "policies" had replaced.
    writeConfig({ policies: ['privacy'], messageLanguage: 'nl', languages: ['en'] });
    const shared = path.join(site, 'shared');
    mkdirSync(shared);
    expect((await runPolicyc(['check'], shared)).stderr).toContain(
      'Deze zorgaanbieder geeft een algemene verklaring over beveiliging',
    );
    // build: the config's policies, into dist/ in the root beside the config, not shared/dist.
    expect((await runPolicyc(['build'], shared)).status).toBe(0);
    expect(existsSync(path.join(site, 'dist/ipractice/en/privacy.html'))).toBe(true);
    expect(existsSync(path.join(shared, 'dist'))).toBe(false);
    // A folder that holds policies/ of its own is a project of its own: the config file above it is not read.
    const nested = path.join(site, 'other');
    cpSync(path.join(site, 'privacy'), path.join(nested, 'policies'), { recursive: true });
    const own = await runPolicyc(['check'], nested);
    expect(own.stderr).toContain('This care provider gives a general statement about security');
  });

  it('--config names another file; a missing one is an error', async () => {
    writeFileSync(path.join(site, 'other.json'), JSON.stringify({ out: 'from-other' }));
    expect((await runPolicyc(['build', 'privacy', '--config', 'other.json'], site)).status).toBe(0);
    expect(existsSync(path.join(site, 'from-other/ipractice'))).toBe(true);
    // A --config that names no file is a usage error (exit 2), in one line without the system's words.
    const missing = await runPolicyc(['check', 'privacy', '--config', 'nope.json'], site);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(
      "policyc: no config file at nope.json (--config)\nRun 'policyc check --help' for usage.\n",
    );
    const folder = await runPolicyc(['build', 'privacy', '--config', 'privacy'], site);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toBe(
      "policyc: --config names a folder, not a file: privacy\nRun 'policyc build --help' for usage.\n",
    );
    expect(existsSync(path.join(site, 'dist'))).toBe(false);
  });

  it('headingLevel and bom shape the output of build (and bom of register); a flag on the command line wins', async () => {
    writeConfig({ policies: ['privacy'], languages: ['en'], headingLevel: 3, bom: true });
    const run = await runPolicyc(['build', '--out', 'dist'], site);
    expect(run.status, run.stderr).toBe(0);
    const fragment = () => readFileSync(path.join(site, 'dist/ipractice/en/privacy.fragment.html'), 'utf8');
    const csv = (out: string) => readFileSync(path.join(site, out, 'ipractice/en/register.csv'));
    const titleLevel = () => /<h(\d) id="policyc-top">/.exec(fragment())?.[1];
    expect(titleLevel()).toBe('3');
    expect([...csv('dist').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await runPolicyc(['build', '--out', 'dist', '--heading-level', '4'], site)).status).toBe(0);
    expect(titleLevel()).toBe('4');
    expect((await runPolicyc(['register', '--out', 'registers'], site)).status).toBe(0);
    expect([...csv('registers').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('strict: compliance errors and warnings stop build and register, which write nothing, and say where strict was asked for', async () => {
    writeConfig({ policies: ['privacy'], strict: true });
    for (const command of ['build', 'register']) {
      const run = await runPolicyc([command, '--out', 'dist'], site);
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n').at(-1)).toMatch(
        /^Build failed under "strict": true in policyc\.config\.json: \d+ compliance errors?, \d+ warnings?\. Nothing was written; dist is unchanged\.$/,
      );
      expect(existsSync(path.join(site, 'dist'))).toBe(false);
    }
    writeConfig({ policies: ['privacy'], strict: false });
    expect((await runPolicyc(['build', '--out', 'dist'], site)).status).toBe(0);
  });

  it('a wrong headingLevel, strict or bom is an error at its value', async () => {
    const text = writeConfig({ policies: ['privacy'], headingLevel: 5, strict: 'yes', bom: 1 });
    const run = await runPolicyc(['build', '--out', 'dist', '--format', 'compact'], site);
    expect(run.status).toBe(2);
    const at = (needle: string) => {
      const { line, column } = positionOfText(text, needle);
      return `policyc.config.json:${line}:${column}`;
    };
    expect(run.stderr.trim().split('\n')).toEqual([
      `${at('5')} error /headingLevel must be at most 4 [schema/range]`,
      `${at('"yes"')} error /strict must be true or false [schema/type]`,
      `${at('1\n')} error /bom must be true or false [schema/type]`,
      'The config file has errors; fix them first.',
    ]);
    expect(existsSync(path.join(site, 'dist'))).toBe(false);
  });

  it('the schema of the config file is shipped and describes every key the loader reads', async () => {
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schema/policyc.config.schema.json'), 'utf8')) as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(schema.properties).sort()).toEqual([
      '$schema',
      'acknowledged',
      'bom',
      'csv',
      'headingLevel',
      'history',
      'idPrefix',
      'languages',
      'maxWarnings',
      'messageLanguage',
      'out',
      'policies',
      'rules',
      'strict',
    ]);
    // Every key besides the lists and $schema stands in for a flag of a command that takes it.
    const flagKeys = configFlags.map((f) => f.key);
    expect([...flagKeys, '$schema', 'acknowledged', 'policies', 'rules'].sort()).toEqual(
      Object.keys(schema.properties).sort(),
    );
    // A key for some commands only: each of them takes the flag.
    for (const { flag, commands: only } of configFlags)
      for (const name of only ?? []) expect(commands.get(name)!.flags, `${name} --${flag}`).toHaveProperty([flag]);
  });
});
