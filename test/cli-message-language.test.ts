import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runPolicyc, runPolicycHere } from './support/cli.js';
import { startPolicyc } from './support/cli-process.js';
import { tempDirs } from './support/temp-dirs.js';

/**
 * The CLI's own sentences (locales/<lang>/cli.json: usage errors, refusals, help) follow the message language,
 * as the diagnostics and the closing summaries do: a Dutch privacy officer reads one language. Run as a user
 * runs policyc (a child process), in a folder of its own.
 */
const policy = path.join(repoRoot, 'test/fixtures/minimal/policy.json');
const tmp = tempDirs('policyc-cli-lang-');

describe('the CLI in the message language (--message-lang nl)', () => {
  it('check: the findings and the summary in Dutch, exit 1 for the error', () => {
    const run = runPolicyc(['check', policy, '--message-lang', 'nl'], tmp());
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/\n1 beleidsbestand gecontroleerd: 1 fout, 1 waarschuwing, 3 info\.\n$/);
    expect(run.stderr).not.toMatch(/policy checked|error/);
  });

  it('build: the summary in Dutch, exit 0', () => {
    const cwd = tmp();
    const run = runPolicyc(['build', policy, '--out', 'dist', '--message-lang', 'nl'], cwd);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/\n1 beleidsbestand gecompileerd naar dist: \d+ bestanden\.\n$/);
  });

  it('a usage error in Dutch, with the hint to the Dutch help, exit 2', () => {
    const run = runPolicyc(['check', policy, '--message-lang', 'nl', '--max-warnings', 'veel'], tmp());
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'policyc: --max-warnings verwacht een geheel getal van 0 of hoger, niet "veel"\n' +
        "Zie 'policyc check --help' voor uitleg.\n",
    );
  });

  // Natural Dutch, not translated word for word (cli7 finding 16).
  it.each([
    [['build', '--jobs', '0'], 'policyc: --jobs verwacht een geheel getal van 1 of hoger, niet "0"'],
    [['serve', '--port', 'x'], 'policyc: --port verwacht een geheel getal van 0 tot en met 65535, niet "x"'],
    [['biuld'], 'policyc: onbekende opdracht "biuld"; bedoelde u "build"?'],
  ])('Dutch usage errors read naturally: policyc %j', (args, first) => {
    const run = runPolicyc([...args, '--message-lang', 'nl'], tmp());
    expect(run.status).toBe(2);
    const help = args[0] === 'biuld' ? "'policyc --help'" : `'policyc ${args[0]} --help'`;
    expect(run.stderr).toBe(`${first}\nZie ${help} voor uitleg.\n`);
  });

  it("build --help in Dutch: --keep-going writes each good policy's output", () => {
    const run = runPolicyc(['build', '--help', '--message-lang', 'nl'], tmp());
    expect(run.status).toBe(0);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain(
      '(--keep-going: de uitvoer van elk beleid zonder fouten wordt geschreven)',
    );
  });

  it('a refusal in Dutch, exit 2, nothing written', () => {
    const run = runPolicyc(['build', policy, '--out', '.', '--message-lang', 'nl'], tmp());
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'policyc: bouwen in . geweigerd: dat is de werkmap, een map daarboven, uw thuismap of de hoofdmap van een project. ' +
        'Noem een eigen uitvoermap, bijvoorbeeld --out dist.\n',
    );
  });

  it('build --watch: the watching line in Dutch, counted as one file', async () => {
    const cwd = tmp();
    cpSync(policy, path.join(cwd, 'policies/minimal/policy.json'));
    const watcher = startPolicyc(['build', '--watch', '--message-lang', 'nl'], cwd);
    try {
      const [line] = await watcher.waitFor(/policyc let op wijzigingen in [^\n]*\n/, 60_000);
      expect(line).toBe('policyc let op wijzigingen in 1 bestand. Stop met Ctrl+C.\n');
    } finally {
      await watcher.stop();
    }
  }, 90_000);

  it('the language from the config file ("messageLanguage": "nl") serves as well', () => {
    const cwd = tmp();
    writeFileSync(path.join(cwd, 'policyc.config.json'), JSON.stringify({ messageLanguage: 'nl' }));
    const run = runPolicyc(['check', 'nergens'], cwd);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("policyc: nergens bestaat niet\nZie 'policyc check --help' voor uitleg.\n");
    // Two paths that are not there, counted (cli7 finding 16: 'geen bestand of map op …' read as word for word).
    const two = runPolicyc(['check', 'nergens', 'elders'], cwd);
    expect(two.status).toBe(2);
    expect(two.stderr.split('\n')[0]).toBe('policyc: nergens en elders bestaan niet');
    // Listed as each language lists (terms:list.and): 'a, b en c', 'a, b and c'.
    const three = runPolicyc(['check', 'nergens', 'elders', 'ginds'], cwd);
    expect(three.stderr.split('\n')[0]).toBe('policyc: nergens, elders en ginds bestaan niet');
    const english = runPolicyc(['check', 'nergens', 'elders', 'ginds', '--message-lang', 'en'], cwd);
    expect(english.stderr.split('\n')[0]).toBe('policyc: no files or folders at nergens, elders and ginds');
  });

  it('--help in Dutch when --message-lang nl is given; English without', () => {
    const nl = runPolicyc(['check', '--help', '--message-lang', 'nl'], tmp());
    expect(nl.status).toBe(0);
    expect(nl.stdout).toMatch(/^Gebruik: policyc check \[paden…\] \[opties\]\n/);
    const en = runPolicyc(['check', '--help'], tmp());
    expect(en.stdout).toMatch(/^Usage: policyc check \[paths…\] \[options\]\n/);
  });

  it('the general help takes the options of every command it lists: --message-lang nl, --config', () => {
    const nl = runPolicyc(['--help', '--message-lang', 'nl'], tmp());
    expect([nl.status, nl.stderr]).toEqual([0, '']);
    expect(nl.stdout).toMatch(/^Gebruik: policyc <opdracht>/);
    const dir = tmp();
    writeFileSync(path.join(dir, 'other.json'), JSON.stringify({ messageLanguage: 'nl' }));
    expect(runPolicyc(['help', '--config', 'other.json'], dir).stdout).toMatch(/^Gebruik: policyc/);
    const wrong = runPolicyc(['--help', '--message-lang', 'de'], tmp());
    expect([wrong.status, wrong.stderr.split('\n')[0]]).toEqual([2, 'policyc: unknown language "de" (use nl or en)']);
    // A command's help too (final read: it printed English help, exit 0).
    const command = runPolicyc(['check', '--help', '--message-lang', 'de'], tmp());
    expect([command.status, command.stdout, command.stderr.split('\n')[0]]).toEqual([
      2,
      '',
      'policyc: unknown language "de" (use nl or en)',
    ]);
  });

  it('a mistake in --message-lang itself is told in English: no language is known yet', () => {
    const run = runPolicyc(['check', policy, '--message-lang', 'de'], tmp());
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('policyc: unknown language "de" (use nl or en)\nRun \'policyc check --help\' for usage.\n');
  });

  it('--format json: stdout is the JSON alone and stderr stays empty, as in English', () => {
    const nl = runPolicyc(['check', policy, '--format', 'json', '--message-lang', 'nl'], tmp());
    const en = runPolicyc(['check', policy, '--format', 'json'], tmp());
    expect([nl.status, nl.stderr, en.stderr]).toEqual([1, '', '']);
    const shape = (stdout: string): unknown =>
      (JSON.parse(stdout) as Array<Record<string, unknown>>).map((d) => [d.ruleId, d.line, d.column, d.messageId]);
    expect(shape(nl.stdout)).toEqual(shape(en.stdout));
  });
});

describe('the CLI by default (English), unchanged', () => {
  it('check: the summary in English', () => {
    const run = runPolicyc(['check', policy], tmp());
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/\n1 policy checked: 1 error, 1 warning, 3 info\.\n$/);
  });

  it('a usage error and a refusal in English', () => {
    const usage = runPolicyc(['check', policy, '--max-warnings', 'many'], tmp());
    expect([usage.status, usage.stderr]).toEqual([
      2,
      'policyc: --max-warnings needs a whole number of 0 or more, not "many"\n' +
        "Run 'policyc check --help' for usage.\n",
    ]);
    const refusal = runPolicyc(['build', policy, '--out', '.'], tmp());
    expect([refusal.status, refusal.stderr]).toEqual([
      2,
      'policyc: refusing to build into .: it is the working folder, a folder above it, your home folder or a project root. ' +
        'Name an output folder of its own, e.g. --out dist.\n',
    ]);
  });
});

describe('one process, several runs at once', () => {
  it('each run keeps its own message language', async () => {
    const cwd = tmp();
    const runs = await Promise.all(
      ['nl', 'en', 'nl', 'en'].map((lang) => runPolicycHere(['check', 'nergens', '--message-lang', lang], cwd)),
    );
    expect(runs.map((r) => r.stderr.split('\n')[0])).toEqual([
      'policyc: nergens bestaat niet',
      'policyc: no file or folder at nergens',
      'policyc: nergens bestaat niet',
      'policyc: no file or folder at nergens',
    ]);
  });
});

describe('the Dutch help', () => {
  const help = (lang: 'nl' | 'en'): Record<string, string> => {
    const messages = JSON.parse(readFileSync(path.join(repoRoot, 'locales', lang, 'cli.json'), 'utf8')) as {
      usage: string;
      help: Record<string, string>;
    };
    return { usage: messages.usage, ...messages.help };
  };
  const options = (text: string): string[] =>
    [...new Set(text.match(/(?<![\w-])(--[a-z][\w-]*|-[a-z](?![\w-]))/g))].sort();

  it.each(Object.keys(help('en')))('%s names the options the English one names', (key) => {
    expect(options(help('nl')[key]!)).toEqual(options(help('en')[key]!));
  });
});
