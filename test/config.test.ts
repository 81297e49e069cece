import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
    expect(bad.stderr).toContain('--csv must be one of excel, rfc4180, not "semicolon"');
    // In the config file, a positioned error like any other in it (exit 1, as the config's errors are).
    const text = writeConfig({ policies: ['privacy'], csv: 'semicolon' });
    const badConfig = await runPolicyc(['register', '--out', 'dist', '--format', 'compact'], site);
    expect(badConfig.status).toBe(1);
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
    expect((await runPolicyc(['check'], site)).stderr).toContain('Het beleid noemt geen beveiligingsmaatregelen');
    expect((await runPolicyc(['build', '--out', 'dist'], site)).stderr).toContain(
      'Het beleid noemt geen beveiligingsmaatregelen',
    );
    expect((await runPolicyc(['check', '--lang', 'en'], site)).stderr).toContain('security');
    expect((await runPolicyc(['check', '--message-lang', 'en'], site)).stderr).not.toContain('Het beleid noemt');
  });

  it('sets rule severities, and "off" leaves a rule out, in check and build', async () => {
    const before = jsonFindings((await runPolicyc(['check', 'privacy', '--format', 'json'], site)).stdout);
    const measures = before.find((d) => d.ruleId === 'security/measures-missing');
    expect(measures?.severity).toBe('info');
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
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    const at = (needle: string, shift: number): string => {
      const { line, column } = positionOfText(text, needle);
      return `policyc.config.json:${line}:${column + shift}`;
    };
    expect(lines).toContain(`${at('"out"', 7)} error /out must be a text (put it in quotes: "7") [schema/type]`);
    expect(lines).toContain(`${at('"de"', 0)} error /languages/0 must be one of nl, en [schema/enum]`);
    expect(lines).toContain(
      `${at('"warn"', 0)} error /rules/security~1measure-missing must be one of error, warning, info, off [schema/enum]`,
    );
    expect(lines).toContain(
      `${at('"security/measure-missing"', 0)} error /rules/security~1measure-missing no compliance rule has the id "security/measure-missing" (see docs/rules.md) (did you mean "security/measures-missing"?) [config/unknown-rule]`,
    );
    expect(lines).toContain(
      `${at('{\n      "policy"', 0)} error /acknowledged/0/reason missing required property "reason" [schema/required]`,
    );
    expect(lines.at(-1)).toBe('The config file has errors; fix them first.');
    const dutch = await runPolicyc(['check', 'privacy', '--message-lang', 'nl'], site);
    expect(dutch.stderr).toContain('geen nalevingsregel heeft de id "security/measure-missing"');
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

  it('--config names another file; a missing one is an error', async () => {
    writeFileSync(path.join(site, 'other.json'), JSON.stringify({ out: 'from-other' }));
    expect((await runPolicyc(['build', 'privacy', '--config', 'other.json'], site)).status).toBe(0);
    expect(existsSync(path.join(site, 'from-other/ipractice'))).toBe(true);
    const missing = await runPolicyc(['check', 'privacy', '--config', 'nope.json'], site);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('cannot read the config file');
  });

  it('the schema of the config file is shipped and describes every key the loader reads', async () => {
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schema/policyc.config.schema.json'), 'utf8')) as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(schema.properties).sort()).toEqual([
      '$schema',
      'acknowledged',
      'csv',
      'history',
      'idPrefix',
      'languages',
      'maxWarnings',
      'messageLanguage',
      'out',
      'policies',
      'rules',
    ]);
  });
});
