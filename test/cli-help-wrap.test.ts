import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP_WIDTH, helpText } from '../src/cli/help-text.js';
import { runPolicycInProcess } from './support/cli.js';
import { tempDirs } from './support/temp-dirs.js';

const tempDir = tempDirs('policyc-help-wrap-');

const COMMANDS = ['init', 'check', 'build', 'register', 'diff', 'audit-site', 'serve'];
const width = (line: string): number => [...line].length;
const indent = (line: string): number => /^ */.exec(line)![0].length;
/** Where a line's next line continues it: under an entry's description ("  --out <dir>  Output…"), else at its indent. */
const hang = (line: string): number => /^ +\S(?:.*?\S)? {2,}(?=\S)/.exec(line)?.[0].length ?? indent(line);

const COMMAND_NAMES = [...COMMANDS, '<command>', '<opdracht>'].join('|');
/**
 * The example commands in a help's text after its synopsis ("policyc diff HEAD~1 policies/x/policy.json",
 * "init --base"): a command name and the arguments after it (an option, a path, a revision, a <placeholder>).
 */
const EXAMPLE = new RegExp(
  `(?:policyc\\s+)?(?<![\\w<-])(?:${COMMAND_NAMES})(?:\\s+(?:-{1,2}[\\w-]+|<[^>\\s]+>|[\\w.~-]*[/~][^\\s;,)']*))+`,
  'g',
);
const exampleCommands = (text: string): string[] =>
  [...text.slice(text.indexOf('\n\n')).matchAll(EXAMPLE)].map((m) => m[0].replace(/\s+/g, ' '));

/** The first word of a line as the filler saw it: an example command or "art. 30" is one (help-text.ts). */
function firstWord(text: string): string {
  const joined = new RegExp(`^\\(?(?:${EXAMPLE.source}|art\\. \\S+)`).exec(text)?.[0] ?? '';
  return joined + text.slice(joined.length).split(' ')[0]!;
}

/**
 * The lines of a printed help, after its synopsis, that the line before could have held the first word of: a
 * line at the indent its previous line continues at (an entry's description, an indented paragraph), or a line of a
 * paragraph after one that ends no sentence.
 */
function unevenBreaks(help: string): string[] {
  const lines = help.split('\n');
  const found: string[] = [];
  for (let i = lines.indexOf('') + 1; i < lines.length - 1; i++) {
    const [line, next] = [lines[i]!, lines[i + 1]!];
    if (line === '' || next === '') continue;
    const continues = indent(next) > 0 ? indent(next) === hang(line) : indent(line) === 0 && !line.endsWith('.');
    const word = firstWord(next.trim());
    if (continues && width(line) + 1 + width(word) <= HELP_WIDTH) found.push(`${line}⏎${next}`);
  }
  return found;
}

/** The lines of a printed help outside its lists (Options:, Commands:): paragraphs, exit codes. */
function proseLines(help: string): string[] {
  const lines = help.split('\n');
  let inList = false;
  return lines.filter((line, i) => {
    if (line === '') inList = false;
    else if (/:$/.test(line) && i > 0 && lines[i + 1]?.startsWith('  ')) inList = true;
    return !inList && line !== '';
  });
}

describe('help text: every help fills its lines alike, to 80 columns, in English and Dutch', () => {
  // The language from the config file, which the general help reads too.
  const helps = ['en', 'nl'].flatMap((lang) =>
    [[], ...COMMANDS.map((command) => [command])].map((command) => {
      const args = [...command, '--help'];
      return { name: `policyc ${args.join(' ')} (${lang})`, lang, args };
    }),
  );

  it.each(helps)('$name: no line is longer than 80 columns, none breaks early', async ({ lang, args }) => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'policyc.config.json'), JSON.stringify({ messageLanguage: lang }));
    const run = await runPolicycInProcess(args, dir);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').filter((line) => width(line) > HELP_WIDTH)).toEqual([]);
    expect(unevenBreaks(run.stdout)).toEqual([]);
  });

  it.each(helps)(
    '$name: an example command stays on one line, no line outside a list starts with an option, "art. n" stays whole',
    async ({ lang, args }) => {
      const dir = tempDir();
      writeFileSync(path.join(dir, 'policyc.config.json'), JSON.stringify({ messageLanguage: lang }));
      const run = await runPolicycInProcess(args, dir);
      const lines = run.stdout.split('\n');
      for (const example of exampleCommands(run.stdout))
        expect(
          lines.some((line) => line.includes(example)),
          example,
        ).toBe(true);
      expect(proseLines(run.stdout).filter((line) => /^\s*--/.test(line))).toEqual([]);
      expect(lines.filter((line) => /\bart\.$/.test(line))).toEqual([]);
      expect(run.stdout).not.toContain('\u00a0');
    },
  );

  it('finds the examples the help gives', () => {
    expect(
      exampleCommands(
        "x\n\nnew file: policyc diff HEAD~1 policies/x/policy.json\n(policyc diff HEAD~1 policies/), or as init --base writes it; Run 'policyc <command> --help' for",
      ),
    ).toEqual([
      'policyc diff HEAD~1 policies/x/policy.json',
      'policyc diff HEAD~1 policies/',
      'init --base',
      'policyc <command> --help',
    ]);
  });

  it('build --help: the paragraph about compliance findings runs on (it broke after "reported;")', async () => {
    const run = await runPolicycInProcess(['build', '--help']);
    expect(run.stdout).not.toMatch(/reported;\n/);
  });

  it('fills a paragraph at its indent, an entry under its description, the synopsis under the first argument', () => {
    const words = (n: number): string => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    expect(helpText(`Usage: policyc x [a] [b] [c]\n\n${words(8)}\n  --opt  ${words(5)}`, 20)).toBe(
      'Usage: policyc x [a]\n                 [b]\n                 [c]\n\nw0 w1 w2 w3 w4 w5 w6\nw7\n  --opt  w0 w1 w2 w3\n         w4',
    );
    expect(helpText(`Usage: policyc x\n\n    ${words(8)}`, 20)).toBe(
      'Usage: policyc x\n\n    w0 w1 w2 w3 w4\n    w5 w6 w7',
    );
    expect(helpText('Usage: policyc x\n\na-word-longer-than-the-line b', 16)).toBe(
      'Usage: policyc x\n\na-word-longer-than-the-line\nb',
    );
  });
});

describe("check's help says where its report goes (officer11 F1: 'check > rapport.txt' gave an empty file)", () => {
  const makeDir = tempDirs('policyc-help-stream-');
  for (const lang of ['en', 'nl'] as const) {
    it(lang, async () => {
      const help = (await runPolicycInProcess(['check', '--help', '--message-lang', lang], makeDir())).stdout;
      expect(help.replace(/\s+/g, ' ')).toContain(`stderr, ${lang === 'en' ? 'so' : 'zodat'}`);
      expect(help.replace(/\s+/g, ' ')).toContain(`policyc check 2> ${lang === 'en' ? 'report' : 'rapport'}.txt`);
    });
  }
});
