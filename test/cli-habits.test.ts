import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from './support/temp-dirs.js';
import { runPolicyc, runPolicycHere, runPolicycInProcess } from './support/cli.js';
import { positionOfText, readFixture } from './support/fixtures.js';
import { helpText } from '../src/cli/help-text.js';

const cliMessages = JSON.parse(readFileSync(path.join(import.meta.dirname, '../locales/en/cli.json'), 'utf8')) as {
  help: Record<string, string>;
};
const tempDir = tempDirs('policyc-habits-');

/** `policyc <args>` in an empty folder: exit 2, `message` and the command's help line on stderr, nothing written. */
async function expectUsageError(args: string[], message: string): Promise<void> {
  const dir = tempDir();
  const run = await runPolicycInProcess(args, dir);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(`policyc: ${message}\nRun 'policyc ${args[0]} --help' for usage.\n`);
  expect(readdirSync(dir)).toEqual([]);
}

describe('CLI habits', () => {
  it.each(['init', 'check', 'build', 'register', 'diff'])(
    "policyc %s --help prints that command's help, and so does policyc help %s",
    (name) => {
      const run = runPolicyc([name, '--help']);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(helpText(cliMessages.help[name]!) + '\n');
      expect(run.stdout).toMatch(new RegExp(`^Usage: policyc ${name}`));
      expect(runPolicyc(['help', name]).stdout).toBe(run.stdout);
    },
  );

  // Every command's help ends with its exit codes, as build's, register's and diff's do (cli7 finding 17).
  it.each([
    [
      'check',
      'Exit codes: 0 no errors (and no more warnings than --max-warnings allows), 1 errors or too many warnings, 2 usage error (the command line or the config file; also when no policy is found).',
      'Afsluitcodes: 0 geen fouten (en niet meer waarschuwingen dan --max-warnings toestaat), 1 fouten of te veel waarschuwingen, 2 fout in de opdracht of het configuratiebestand (ook als er geen beleid is gevonden).',
    ],
    [
      'init',
      'Exit codes: 0 written, 2 usage error (the command line or the config file) or refusal (the policy exists; end of input at a question), 130 stopped with Ctrl+C (nothing written).',
      'Afsluitcodes: 0 geschreven, 2 fout in de opdracht of het configuratiebestand, of weigering (het beleid bestaat al; einde van de invoer bij een vraag), 130 gestopt met Ctrl+C (niets geschreven).',
    ],
    [
      'audit-site',
      'Exit codes: 0 all declared, 1 something not declared (or a policy with an error), 2 usage error (the command line or the config file).',
      'Afsluitcodes: 0 alles vermeld, 1 iets niet vermeld (of een beleid met een fout), 2 fout in de opdracht of het configuratiebestand.',
    ],
  ])('policyc %s --help ends with its exit codes, in en and nl', async (name, en, nl) => {
    for (const [lang, codes] of [
      ['en', en],
      ['nl', nl],
    ] as const) {
      const run = await runPolicycInProcess([name, '--help', '--message-lang', lang], tempDir());
      expect(run.status).toBe(0);
      // The last paragraph, as the help wraps it (help-text.ts).
      expect(run.stdout.trimEnd().split('\n\n').at(-1)!.replace(/\s+/g, ' '), `${name} ${lang}`).toBe(codes);
    }
  });

  it('a misspelled command gets a guess', () => {
    const run = runPolicyc(['biuld']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown command "biuld"; did you mean "build"?');
  });

  it("a misspelled flag gets a guess among the command's own flags", () => {
    const run = runPolicyc(['build', '--ot', 'x']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown option "--ot"; did you mean "--out"?');
    expect(runPolicyc(['check', '--max-warning', '3']).stderr).toContain(
      'unknown option "--max-warning"; did you mean "--max-warnings"?',
    );
  });

  it("another tool's name for a flag, misspelled too, and a language in capitals get their guess (review webdev10, finding 10)", async () => {
    const dir = tempDir();
    for (const flag of ['--ouput', '--output', '--outdir']) {
      const run = await runPolicycHere(['build', flag, 'public'], dir);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(
        `policyc: unknown option "${flag}"; did you mean "--out"?\nRun 'policyc build --help' for usage.\n`,
      );
    }
    // check has no --out: no guess of an option it does not take.
    expect((await runPolicycHere(['check', '--ouput', 'x'], dir)).stderr).not.toContain('did you mean');
    const lang = await runPolicycHere(['build', '--lang', 'NL'], dir);
    expect(lang.status).toBe(2);
    expect(lang.stderr).toBe(
      `policyc: unknown language "NL" (use nl or en); did you mean "nl"?\nRun 'policyc build --help' for usage.\n`,
    );
    const nl = await runPolicycHere(['build', '--lang', 'EN', '--message-lang', 'nl'], dir);
    expect(nl.stderr).toContain('bedoelde u "en"?');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an unknown flag reads like the other usage errors, with a guess when one is close', async () => {
    const dir = tempDir();
    const run = await runPolicycHere(['build', '--formt', 'json'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `policyc: unknown option "--formt"; did you mean "--format"?\nRun 'policyc build --help' for usage.\n`,
    );
    const far = await runPolicycHere(['check', '--colour'], dir);
    expect(far.stderr).toBe(`policyc: unknown option "--colour"\nRun 'policyc check --help' for usage.\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    [['build', '--out'], '--out needs a value: --out <value>'],
    [['check', '--max-warnings'], '--max-warnings needs a value: --max-warnings <value>'],
    [
      ['build', '--out', '--force'],
      '--out needs a value, but --force follows it; write --out=--force if that is the value',
    ],
    [['build', '--strict=false'], '--strict takes no value, not "false": give --strict alone'],
    // A negative number is the value, judged by the option (review cli7, finding 12), not taken for an option.
    [['check', '--max-warnings', '-1'], '--max-warnings needs a whole number of 0 or more, not "-1"'],
    [['build', '--jobs', '-2'], '--jobs must be a whole number of 1 or more, not "-2"'],
  ])('a flag given without its value, or with one it takes none: policyc %j', async (args, message) => {
    const dir = tempDir();
    const run = await runPolicycHere(args, dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`policyc: ${message}\nRun 'policyc ${args[0]} --help' for usage.\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a negative number after a flag is its value in Dutch too (review cli7, finding 12)', async () => {
    const run = await runPolicycHere(['check', '--max-warnings', '-1', '--message-lang', 'nl'], tempDir());
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      'policyc: --max-warnings verwacht een geheel getal van 0 of hoger, niet "-1"',
    );
  });

  it('a flag of another command is refused for this one', () => {
    const run = runPolicyc(['check', '--out', 'x']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `policyc: check takes no option "--out"; it is an option of policyc build and policyc register\nRun 'policyc check --help' for usage.\n`,
    );
  });

  it.each([
    [
      ['check', '--format', 'json', '--format', 'sarif'],
      '--format is given twice, as "json" and as "sarif"; give it once',
    ],
    [['build', '--out=a', '--out', 'b'], '--out is given twice, as "a" and as "b"; give it once'],
    [
      ['check', '--lang', 'nl', '--message-lang', 'en'],
      '--lang nl and --message-lang en disagree: for check both set the language of the messages; give one of them',
    ],
  ])('conflicting options are a usage error, not a silent choice: policyc %j', async (args, message) => {
    await expectUsageError(args, message);
  });

  // An unset variable in a script ("--lang $LANGS"): not every language, or English, without a word (cli7 finding 13).
  it.each([
    [['build', '--lang', ''], '--lang is empty (an unset variable?): name a language (nl or en)'],
    [['register', '--lang', ' , '], '--lang is empty (an unset variable?): name a language (nl or en)'],
    [['check', '--lang', ''], '--lang is empty (an unset variable?): name a language (nl or en)'],
    [['build', '--message-lang='], '--message-lang is empty (an unset variable?): name a language (nl or en)'],
  ])('a language flag that names no language is a usage error: policyc %j', async (args, message) => {
    await expectUsageError(args, message);
  });

  it('an empty --lang is refused in Dutch too, and a trailing comma is no empty language', async () => {
    const run = await runPolicycInProcess(['build', '--lang', '', '--message-lang', 'nl'], tempDir());
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      'policyc: --lang is leeg (een variabele zonder waarde?): noem een taal (nl of en)',
    );
    const trailing = await runPolicycInProcess(['build', '--lang', 'nl,'], tempDir());
    expect(trailing.stderr).toMatch(/^policyc: no policy found at policies/);
  });

  it.each([
    [['check', '--lang', 'nl', '--message-lang', ''], '--message-lang is leeg'],
    [['check', '--message-lang', '', '--lang', 'nl'], '--message-lang is leeg'],
    [['audit-site', 'site', '--lang', 'nl', '--message-lang='], '--message-lang is leeg'],
    [['check', '--lang', '', '--message-lang', 'nl'], '--lang is leeg'],
    [['diff', 'a', 'b', '--lang', 'nl', '--message-lang', 'xx'], '--lang nl en --message-lang xx'],
  ])(
    'a refusal of one language flag is in the language the other names (check, diff, audit-site): %j',
    async (args, start) => {
      const run = await runPolicycInProcess(args, tempDir());
      expect(run.status).toBe(2);
      expect(run.stderr.split('\n')[0]).toMatch(new RegExp(`^policyc: ${start}`));
      expect(run.stderr).toContain(`Zie 'policyc ${args[0]} --help' voor uitleg.`);
    },
  );

  it("build's --lang names output languages: a refusal of --message-lang beside it stays in English", async () => {
    const run = await runPolicycInProcess(['build', '--lang', 'nl', '--message-lang', ''], tempDir());
    expect(run.stderr.split('\n')[0]).toBe(
      'policyc: --message-lang is empty (an unset variable?): name a language (nl or en)',
    );
  });

  it('the same value twice, or --lang and --message-lang that agree, are no conflict', async () => {
    const dir = tempDir();
    // Past parsing, to the missing policies: in the message language (--message-lang, or check's --lang).
    const noPolicy = {
      en: /^policyc: no policy found at policies: start one with 'policyc init'/,
      nl: /^policyc: geen beleid gevonden op policies: begin een beleid met 'policyc init'/,
    };
    for (const [args, lang] of [
      [['check', '--format', 'json', '--format=json'], 'en'],
      [['check', '--lang', 'nl', '--message-lang', 'nl'], 'nl'],
      [['build', '--lang', 'nl', '--message-lang', 'en'], 'en'],
    ] as const) {
      const run = await runPolicycInProcess([...args], dir);
      expect(run.stderr, args.join(' ')).toMatch(noPolicy[lang]);
    }
  });

  it.each([
    [['check', '--strict'], 'check takes no option "--strict"; it is an option of policyc build and policyc register'],
    [['register', '--watch'], 'register takes no option "--watch"; it is an option of policyc build'],
  ])('a flag of another command names the commands that take it: policyc %j', async (args, message) => {
    await expectUsageError(args, message);
  });

  it.each([
    [
      ['init', '--format', 'json'],
      'init takes no option "--format"; it is an option of policyc check, policyc build, policyc register, policyc diff, policyc audit-site and policyc serve',
    ],
    [['init', '--out', 'site'], 'init takes no option "--out"; it is an option of policyc build and policyc register'],
    // Two edits in "formats" (seven letters) is no typo of "formal": the dashes do not count towards the length.
    [['init', '--formats'], 'unknown option "--formats"'],
    [['init', '--sectr', 'ggz'], 'unknown option "--sectr"; did you mean "--sector"?'],
  ])('an exact option of another command wins over a near option of this one: policyc %j', async (args, message) => {
    await expectUsageError(args, message);
  });

  it('build ends with the same count line as check, then what it wrote', async () => {
    const out = tempDir();
    const check = await runPolicycInProcess(['check', 'policies/ipractice']);
    const build = await runPolicycInProcess(['build', 'policies/ipractice', '--out', out, '--lang', 'nl']);
    expect(build.status).toBe(0);
    const countLine = check.stderr.trim().split('\n').at(-1)!;
    expect(countLine).toMatch(/^1 policy checked: \d+ errors?, \d+ warnings?, \d+ info\.$/);
    const lines = build.stderr.trim().split('\n');
    expect(lines.at(-2)).toBe(countLine);
    expect(lines.at(-1)).toMatch(/^Built 1 policy into .+: \d+ files\.$/);
    // Again, from the cache: nothing was built, and it says so (not 'Built 1 policy into …: 0 files.').
    const again = await runPolicycInProcess(['build', 'policies/ipractice', '--out', out, '--lang', 'nl']);
    expect(again.stderr.trim().split('\n').at(-1)).toBe(
      `Nothing to build in ${out}: the policy was unchanged since the last build, and its output was left as it was (--force rebuilds it).`,
    );
  });

  it('build reports diagnostics in the message language asked for', async () => {
    const out = tempDir();
    const fixture = 'test/fixtures/invalid/missing-translation.json';
    const { line, column } = positionOfText(readFixture('invalid/missing-translation.json'), '"name"', 4);
    const build = await runPolicycInProcess(['build', fixture, '--out', out, '--message-lang', 'nl']);
    expect(build.status).toBe(1);
    expect(build.stderr).toContain('de tekst in het Engels ontbreekt');
    expect(build.stderr).not.toContain('the English text is missing');
    const compact = await runPolicycInProcess([
      'build',
      fixture,
      '--out',
      out,
      '--message-lang',
      'nl',
      '--format',
      'compact',
    ]);
    expect(compact.stderr).toMatch(
      /missing-translation\.json:(\d+):(\d+) error \/purposes\/0\/name\/en de tekst in het Engels ontbreekt/,
    );
    const [, l, c] = /missing-translation\.json:(\d+):(\d+)/.exec(compact.stderr)!;
    expect({ line: Number(l), column: Number(c) }).toEqual({ line, column: column + 8 });
  });
});
