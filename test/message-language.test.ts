import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LocalisedDiagnostic } from '../src/diagnostics/diagnostic.js';
import { compile } from '../src/index.js';
import { repoRoot, runPolicycInProcess } from './support/cli.js';
import { tempDirs } from './support/temp-dirs.js';

/**
 * One message language for every command that reports diagnostics and for
 * compile(): the same bad policies give the same findings at the same
 * places in Dutch and in English; only the messages differ, each in its
 * language. A schema error with a did-you-mean, a compliance finding naming
 * an authored text, and one writing out a retention period.
 */
const bad = 'test/fixtures/invalid/unknown-key.json';
const noBasis = 'test/fixtures/rules/art6/basis-missing/fail.json';
/** One compliance error and one warning (a placeholder for the controller's name): the counts in the singular. */
const oneOfEach = 'test/fixtures/rules/controller/identity-missing/fail.json';
const tooShort = 'test/fixtures/rules/retention/medical-file-too-short/fail.json';
const tmp = tempDirs('policyc-message-lang-');

type Lang = 'nl' | 'en';

/** What must not depend on the message language. */
const where = (ds: readonly LocalisedDiagnostic[]): unknown[] =>
  ds.map((d) => [d.ruleId, d.severity, d.file, d.line, d.column, d.pointer, d.messageId, d.data]);

const reported = async (args: string[]): Promise<LocalisedDiagnostic[]> => {
  const run = await runPolicycInProcess(args);
  expect(run.status, run.stderr).toBe(1);
  // check prints the diagnostics; diff its report's shape with them (review improvement 11).
  const parsed = JSON.parse(run.stdout) as LocalisedDiagnostic[] | { diagnostics: LocalisedDiagnostic[] };
  return Array.isArray(parsed) ? parsed : parsed.diagnostics;
};

const find = (ds: readonly LocalisedDiagnostic[], ruleId: string): LocalisedDiagnostic | undefined =>
  ds.find((d) => d.ruleId === ruleId);

/** The messages of the schema error, in each language. */
function expectUnknownProperty(nl: readonly LocalisedDiagnostic[], en: readonly LocalisedDiagnostic[]): void {
  expect(find(nl, 'schema/unknown-property')).toMatchObject({
    message: 'onbekend veld "retenton"',
    suggestion: 'bedoelde u "retention"?',
    line: 24,
    column: 7,
  });
  expect(find(en, 'schema/unknown-property')).toMatchObject({
    message: 'unknown property "retenton"',
    suggestion: 'did you mean "retention"?',
  });
}

/** The messages of the compliance findings, in each language: the authored text and the period in that language. */
function expectFindings(nl: readonly LocalisedDiagnostic[], en: readonly LocalisedDiagnostic[]): void {
  expect(find(nl, 'art6/basis-missing')!.message).toMatch(
    /^Het beleid noemt geen grondslag uit art\. 6, lid 1, voor het doel “Behandeling”; .+ meestal de overeenkomst/,
  );
  expect(find(en, 'art6/basis-missing')!.message).toMatch(
    /^The policy names no legal basis of art\. 6\(1\) for the purpose “Treatment”; .+ usually the agreement/,
  );
  expect(find(nl, 'retention/medical-file-too-short')!.message).toMatch(/20 jaar/);
  expect(find(en, 'retention/medical-file-too-short')!.message).toMatch(/20 years/);
}

function expectSameFindingsInEachLanguage(nl: LocalisedDiagnostic[], en: LocalisedDiagnostic[]): void {
  expect(nl.length).toBeGreaterThan(0);
  expect(where(nl)).toEqual(where(en));
  nl.forEach((d, i) => {
    expect(d.message, d.ruleId).not.toBe(en[i]!.message);
    expect(`${d.message} ${en[i]!.message}`).not.toMatch(/⟦missing|\{\{/);
  });
}

describe('the message language of build, check and diff (--message-lang)', () => {
  const commands: Record<string, (lang: Lang) => string[]> = {
    check: (lang) => ['check', bad, noBasis, tooShort, '--format', 'json', '--message-lang', lang],
    build: (lang) => ['build', bad, noBasis, tooShort, '--out', tmp(), '--format', 'json', '--message-lang', lang],
  };

  it.each(Object.keys(commands))('%s: the same findings at the same places, in Dutch and in English', async (name) => {
    const nl = await reported(commands[name]!('nl'));
    const en = await reported(commands[name]!('en'));
    expectSameFindingsInEachLanguage(nl, en);
    expectUnknownProperty(nl, en);
    expectFindings(nl, en);
  });

  it('diff: an invalid side is reported in the language asked for', async () => {
    const nl = await reported(['diff', noBasis, bad, '--format', 'json', '--message-lang', 'nl']);
    const en = await reported(['diff', noBasis, bad, '--format', 'json', '--message-lang', 'en']);
    expectSameFindingsInEachLanguage(nl, en);
    expectUnknownProperty(nl, en);
  });

  it.each(['check', 'diff'])('%s --lang still sets the message language (the same as --message-lang)', async (name) => {
    const args = name === 'check' ? ['check', bad] : ['diff', noBasis, bad];
    const viaLang = await runPolicycInProcess([...args, '--format', 'json', '--lang', 'nl']);
    expect(viaLang.stdout).toBe(
      (await runPolicycInProcess([...args, '--format', 'json', '--message-lang', 'nl'])).stdout,
    );
    expect(viaLang.stdout).toContain('onbekend veld');
  });

  it('the text report of check is in the message language too, with the same positions', async () => {
    const text = async (lang: Lang): Promise<string> =>
      (await runPolicycInProcess(['check', bad, '--message-lang', lang])).stderr;
    const [nl, en] = [await text('nl'), await text('en')];
    expect(nl).toContain('24:7  fout');
    expect(nl).toContain('onbekend veld "retenton" (bedoelde u "retention"?)');
    expect(en).toContain('24:7  error');
    expect(en).toContain('unknown property "retenton" (did you mean "retention"?)');
  });
});

describe('the closing lines of a report (locales/<lang>/report.json)', () => {
  const lastLines = (stderr: string, n: number): string[] => stderr.trim().split('\n').slice(-n);

  it('check: the counts and --max-warnings in the message language, in English by default', async () => {
    const nl = await runPolicycInProcess(['check', oneOfEach, '--message-lang', 'nl', '--max-warnings', '0']);
    expect(nl.status).toBe(1);
    const [counts, limit] = lastLines(nl.stderr, 2);
    expect(counts).toBe('1 beleidsbestand gecontroleerd: 1 fout, 1 waarschuwing, 2 info.');
    expect(limit).toMatch(/^Te veel waarschuwingen: \d+, meer dan --max-warnings 0\.$/);
    const en = await runPolicycInProcess(['check', oneOfEach, '--max-warnings', '0']);
    expect(lastLines(en.stderr, 2)[0]).toBe('1 policy checked: 1 error, 1 warning, 2 info.');
  });

  it('build: what was built, what was left as it was, and why nothing was written', async () => {
    const out = tmp();
    const built = await runPolicycInProcess(['build', noBasis, '--out', out, '--message-lang', 'nl']);
    expect(built.status).toBe(0);
    expect(lastLines(built.stderr, 1)[0]).toMatch(/^1 beleidsbestand gecompileerd naar .+: \d+ bestanden\.$/);
    const again = await runPolicycInProcess(['build', noBasis, '--out', out, '--message-lang', 'nl']);
    expect(lastLines(again.stderr, 1)[0]).toMatch(
      /^Niets te compileren in .+: het beleidsbestand was sinds de vorige build niet veranderd, en de uitvoer ervan is ongewijzigd gelaten \(--force maakt die opnieuw\)\.$/,
    );
    const failed = await runPolicycInProcess(['build', bad, '--out', tmp(), '--message-lang', 'nl']);
    expect(failed.status).toBe(1);
    expect(lastLines(failed.stderr, 1)[0]).toMatch(
      /^Build mislukt: 1 fout die een build tegenhoudt, in test\/fixtures\/invalid\/unknown-key\.json \(bevindingen van de nalevingsregels doen dat alleen met --strict\)\. Er is niets geschreven; .+ is ongewijzigd\.$/,
    );
    const strict = await runPolicycInProcess(['build', oneOfEach, '--out', tmp(), '--message-lang', 'nl', '--strict']);
    expect(strict.status).toBe(1);
    expect(lastLines(strict.stderr, 1)[0]).toMatch(/^Build mislukt onder --strict: 1 nalevingsfout, 1 waarschuwing\./);
  });

  it('every command that reports says so in its --help, as the main help does', async () => {
    const reportsToo = /--message-lang <l> +Language of diagnostics and reports: nl or en/;
    expect((await runPolicycInProcess(['--help'])).stdout).toMatch(reportsToo);
    for (const command of ['check', 'build', 'register', 'diff', 'audit-site', 'serve']) {
      const help = await runPolicycInProcess([command, '--help']);
      expect(help.status, command).toBe(0);
      expect(help.stdout, command).toMatch(reportsToo);
    }
  });
});

describe('the message language of compile() (messageLanguage)', () => {
  const read = (file: string): string => readFileSync(path.join(repoRoot, file), 'utf8');
  const both = async (file: string, lang: Lang): Promise<LocalisedDiagnostic[]> => {
    const result = await compile(read(file), { file, messageLanguage: lang });
    return [...result.diagnostics, ...result.findings];
  };

  it('a schema error: the same place, the message in each language', async () => {
    const [nl, en] = [await both(bad, 'nl'), await both(bad, 'en')];
    expectSameFindingsInEachLanguage(nl, en);
    expectUnknownProperty(nl, en);
  });

  it('compliance findings: the same places, the messages in each language', async () => {
    const nl = [...(await both(noBasis, 'nl')), ...(await both(tooShort, 'nl'))];
    const en = [...(await both(noBasis, 'en')), ...(await both(tooShort, 'en'))];
    expectSameFindingsInEachLanguage(nl, en);
    expectFindings(nl, en);
  });
});
