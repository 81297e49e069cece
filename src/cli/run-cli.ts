import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  cli,
  EXIT_OK,
  EXIT_USAGE,
  packageVersion,
  parseLanguages,
  reportDiagnostics,
  UsageError,
  type CliIo,
  type Command,
  type CommonOptions,
  type FlagSpec,
} from './cli-support.js';
import { commands } from './commands/index.js';
import { didYouMean } from '../validate/did-you-mean.js';
import { configFlags, configLanguage, loadConfig, type PolicycConfig } from '../config/policyc-config.js';
import { projectConfigFile } from '../config/project-root.js';
import { aliasedKey } from '../config/config-key-guess.js';
import { isLanguage, joinList, languages, type Language } from '../i18n/messages.js';
import { inCliRun, useCliLanguage, withDidYouMean } from './cli-messages.js';
import { helpText } from './help-text.js';

export type { CliIo } from './cli-support.js';

/** Flags every command takes. */
const commonFlags: Readonly<Record<string, FlagSpec>> = {
  help: { type: 'boolean', short: 'h' },
  config: { type: 'string' },
  'message-lang': { type: 'string' },
};
/** Flags without a command: the general help lists "Options of every command" there, so they are taken too. */
const topFlags: Readonly<Record<string, FlagSpec>> = {
  ...commonFlags,
  version: { type: 'boolean', short: 'v' },
};

type Values = Record<string, string | boolean | undefined>;

/**
 * Runs one CLI invocation; returns the exit code. Its sentences are in the message language from the moment it
 * is known: --message-lang on the command line (read before anything else), else the config file's once that
 * is read; English before (a mistake in --message-lang itself, a config file that cannot be read).
 */
export function runCli(argv: string[], io: CliIo): Promise<number> {
  return inCliRun(() => runIn(argv, io));
}

/**
 * runCli inside the run in progress (inCliRun), for a caller that goes on in it after an error escapes: its
 * last word is then in the run's message language (process-cli.ts).
 */
export async function runIn(argv: string[], io: CliIo): Promise<number> {
  let known: string | undefined;
  try {
    const { name, values: given } = leniently(argv);
    const flagLanguage = givenMessageLanguage(name, given);
    if (flagLanguage) useCliLanguage(flagLanguage);
    if (name === undefined || name === 'help') return await topLevel(argv, name, io, flagLanguage);
    const command = commands.get(name);
    if (!command)
      throw new UsageError(suggest(cli.t('cli:unknownCommand', { command: name }), name, [...commands.keys()]));
    known = command.name;
    const flags: Record<string, FlagSpec> = {
      ...commonFlags,
      ...command.flags,
      ...(command.formats.length ? { format: { type: 'string' } } : {}),
    };
    const { values, positionals } = parseStrict(argv, flags, command.name);
    if (values.help) {
      refuseUnknownMessageLanguage(values);
      if (!flagLanguage) useHelpLanguage(io.cwd, configFlag(values));
      io.stdout(helpText(cli.t(`cli:help.${command.name}`)) + '\n');
      return EXIT_OK;
    }
    const paths = positionals.slice(1);
    const loaded = await loadCommandConfig(values, io);
    if (!flagLanguage) useConfigLanguage(loaded);
    if (!loaded.config) {
      const format =
        typeof values.format === 'string' && command.formats.includes(values.format) ? values.format : 'text';
      reportDiagnostics(
        loaded.diagnostics,
        { command: command.name, format, out: '', paths: [], values, config: {} },
        io,
        cli.lang, // the config file's problems: in the language the command line names, else English
      );
      io.stderr(cli.t('cli:badConfig') + '\n');
      // The build setup's mistake, not the policies': a usage error, as a missing path in the same file is.
      return EXIT_USAGE;
    }
    const options = commandOptions(command, values, paths, loaded.config, io.cwd);
    return await (await command.load()).run(options, io);
  } catch (error) {
    if (error instanceof UsageError) {
      // The help of the command given, when there is one: its options are what the user needs.
      const usage = known
        ? cli.t('cli:commandUsageError', { detail: error.message, command: known })
        : cli.t('cli:usageError', { detail: error.message });
      io.stderr(usage + '\n');
      return EXIT_USAGE;
    }
    throw error;
  }
}

/** The command (the first positional argument) and the flags, read leniently (flags before the command may take values). */
function leniently(argv: string[]): { name: string | undefined; values: Values } {
  const known: Record<string, FlagSpec> = { ...topFlags, ...commonFlags };
  for (const command of commands.values()) Object.assign(known, command.flags);
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: { ...known, format: { type: 'string' } },
  });
  return { name: positionals[0], values };
}

/**
 * The message language the command line names: --message-lang, or for check, diff and audit-site --lang, the first
 * that is a language. `check --lang nl --message-lang ''` is refused in Dutch, as `check --lang '' --message-lang nl`
 * is: a usage error about one of them is in the language the other asks for.
 */
function givenMessageLanguage(name: string | undefined, values: Values): Language | undefined {
  const given = [
    values['message-lang'],
    name !== undefined && langIsMessageLanguage.has(name) ? values.lang : undefined,
  ];
  return given.find((value): value is Language => typeof value === 'string' && isLanguage(value));
}

/** `policyc`, `policyc --help`, `policyc help [command]`, `policyc --version`. */
async function topLevel(
  argv: string[],
  name: string | undefined,
  io: CliIo,
  flagLanguage: Language | undefined,
): Promise<number> {
  const { values, positionals } = parseStrict(argv, topFlags);
  if (values.version) {
    io.stdout(packageVersion() + '\n');
    return EXIT_OK;
  }
  refuseUnknownMessageLanguage(values);
  if (!flagLanguage) useHelpLanguage(io.cwd, configFlag(values));
  const about = positionals[1];
  if (about !== undefined) {
    if (!commands.has(about))
      throw new UsageError(suggest(cli.t('cli:unknownCommand', { command: about }), about, [...commands.keys()]));
    io.stdout(helpText(cli.t(`cli:help.${about}`)) + '\n');
    return EXIT_OK;
  }
  if (values.help || name === 'help') {
    io.stdout(helpText(cli.t('cli:usage')) + '\n');
    return EXIT_OK;
  }
  io.stderr(helpText(cli.t('cli:usage')) + '\n');
  return EXIT_USAGE;
}

/** Parses against the flags a command takes: an unknown flag is a usage error with a guess. */
function parseStrict(
  argv: string[],
  flags: Readonly<Record<string, FlagSpec>>,
  commandName?: string,
): { values: Values; positionals: string[] } {
  const { tokens } = parseArgs({ args: argv, allowPositionals: true, strict: false, tokens: true, options: flags });
  const given = new Map<string, string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = flags[token.name];
    if (!spec) throw new UsageError(unknownOption(token, flags, commandName));
    const problem = valueProblem(spec, token);
    if (problem) throw new UsageError(problem);
    // A text flag given twice with different values (--format json --format sarif): which one was meant is a guess.
    const first = given.get(token.name);
    if (token.value !== undefined && first !== undefined && first !== token.value)
      throw new UsageError(cli.t('cli:optionTwice', { option: `--${token.name}`, first, second: token.value }));
    if (token.value !== undefined) given.set(token.name, token.value);
  }
  // Node's own message, for anything the checks above let through.
  try {
    return parseArgs({ args: negativesJoined(argv, tokens), allowPositionals: true, strict: true, options: flags }) as {
      values: Values;
      positionals: string[];
    };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** A token of parseArgs, as far as negativesJoined reads it. */
type ArgToken = { kind: string; index: number; rawName?: string; value?: string | undefined; inlineValue?: boolean };

/**
 * `argv` with a negative number given as a long flag's next argument joined to it (--max-warnings=-1): Node's strict
 * parse refuses it as ambiguous, though valueProblem took it as the value, for the option's own check to judge.
 */
function negativesJoined(argv: readonly string[], tokens: readonly ArgToken[]): string[] {
  const joined: (string | undefined)[] = [...argv];
  for (const token of tokens) {
    const { rawName, value } = token;
    if (token.kind !== 'option' || token.inlineValue || !rawName?.startsWith('--') || !/^-\d/.test(value ?? ''))
      continue;
    joined[token.index] = `${rawName}=${value}`;
    joined[token.index + 1] = undefined;
  }
  return joined.filter((arg): arg is string => arg !== undefined);
}

/**
 * What is wrong with a known flag's value, if anything: a text flag given none (or, as its next argument, what
 * looks like another flag), or a yes/no flag given one.
 */
function valueProblem(
  spec: FlagSpec,
  token: { rawName: string; value?: string | undefined; inlineValue?: boolean | undefined },
): string | undefined {
  const { rawName: option, value } = token;
  if (spec.type === 'boolean')
    return value === undefined ? undefined : cli.t('cli:optionTakesNoValue', { option, value });
  if (value === undefined) return cli.t('cli:optionNeedsValue', { option });
  // A negative number is a value (--max-warnings -1), which the option's own check then judges.
  if (!token.inlineValue && value.startsWith('-') && !/^-\d/.test(value))
    return cli.t('cli:optionFollowedByOption', { option, next: value });
  return undefined;
}

/**
 * An unknown option: when it is exactly an option of other commands, the commands that take it (init --format is
 * a mix-up of commands, not a typo of --formal); else a guess among this command's own options, if one is close,
 * or the option another tool's name for it stands for (--output, --ouput: --out).
 */
function unknownOption(
  token: { name: string; rawName: string },
  flags: Readonly<Record<string, FlagSpec>>,
  commandName: string | undefined,
): string {
  const others = [...commands.values()]
    .filter((c) => c.name !== commandName && (token.name in c.flags || (token.name === 'format' && c.formats.length)))
    .map((c) => `policyc ${c.name}`);
  if (commandName !== undefined && others.length > 0)
    return cli.t('cli:optionOfOther', { command: commandName, option: token.rawName, others: joinList(others, cli) });
  // Guessed on the names without their dashes: "--" would let a six-letter name be two edits off.
  const aliased = configFlags.find((c) => c.key === aliasedKey(token.name))?.flag;
  const guess = didYouMean(token.name, Object.keys(flags)) ?? (aliased && aliased in flags ? aliased : undefined);
  const message = cli.t('cli:unknownOption', { option: token.rawName });
  return withDidYouMean(message, guess && `--${guess}`);
}

function suggest(message: string, input: string, candidates: readonly string[]): string {
  const guess = didYouMean(input, candidates);
  return withDidYouMean(message, guess);
}

/**
 * dist/ in the project's root when its config file is read (projectConfigFile: run from a sub-folder, the file
 * above), as the config's paths count from there; else dist/ here.
 */
const defaultOut = ({ file }: PolicycConfig, cwd: string): string =>
  file !== undefined && file === projectConfigFile(cwd) ? path.join(path.dirname(file), 'dist') : 'dist';

/** The commands whose --lang is the message language (build, register and serve: the output languages). */
const langIsMessageLanguage: ReadonlySet<string> = new Set(['check', 'diff', 'audit-site']);

/** policyc.config.json (or --config). */
async function loadCommandConfig(values: Values, io: CliIo): ReturnType<typeof loadConfig> {
  const config = configFlag(values);
  // --config naming nothing (or a folder) is a mistake in the command, not in a config file: a usage error.
  if (config !== undefined) {
    const file = path.resolve(io.cwd, config);
    if (!existsSync(file)) throw new UsageError(cli.t('cli:configNotFound', { file: config }));
    if (statSync(file).isDirectory()) throw new UsageError(cli.t('cli:configIsFolder', { file: config }));
  }
  return loadConfig(io.cwd, config);
}

function configFlag(values: Values): string | undefined {
  return typeof values.config === 'string' ? values.config : undefined;
}

/**
 * The config file's messageLanguage, for the rest of the run (without --message-lang). A config file with
 * problems names none: its problems, and a command's help, are then in English.
 */
function useConfigLanguage({ config }: { config?: PolicycConfig }): void {
  if (config?.messageLanguage) useCliLanguage(config.messageLanguage);
}

/** Help in the config file's message language, read without checking the rest of the file. */
function useHelpLanguage(cwd: string, explicit: string | undefined): void {
  const lang = configLanguage(cwd, explicit);
  if (lang) useCliLanguage(lang);
}

/**
 * --lang or --message-lang that names no language ("", " , "; an unset variable in a script): a usage error, where
 * it would otherwise mean every output language, or English.
 */
function refuseEmptyLanguages(values: Values): void {
  for (const flag of ['lang', 'message-lang']) {
    const given = values[flag];
    if (typeof given === 'string' && !given.split(',').some((lang) => lang.trim()))
      throw new UsageError(
        cli.t('cli:languageEmpty', { option: `--${flag}`, languages: joinList(languages, cli, 'or') }),
      );
  }
}

/** A help asked for with --message-lang that names no language we have ('', 'de'): a usage error, as for any command. */
function refuseUnknownMessageLanguage(values: Values): void {
  refuseEmptyLanguages(values);
  if (typeof values['message-lang'] === 'string') parseLanguages(values['message-lang']);
}

/** The flags given, with the config file's values standing in for the ones not given. */
function commandOptions(
  command: Command,
  values: Values,
  paths: string[],
  config: PolicycConfig,
  cwd: string,
): CommonOptions {
  const merged: Values = { ...values };
  const fromConfig: string[] = [];
  for (const { key, flag, commands: only } of configFlags) {
    const value = config[key];
    if (value === undefined || merged[flag] !== undefined || !(flag in command.flags || flag in commonFlags)) continue;
    if (only && !only.includes(command.name)) continue;
    merged[flag] = Array.isArray(value) ? value.join(',') : typeof value === 'boolean' ? value : String(value);
    fromConfig.push(flag);
  }
  refuseEmptyLanguages(values);
  // check, diff and audit-site: --lang is the message language; given with --message-lang, the two must agree.
  const [lang, messageLang] = [values.lang, values['message-lang']];
  if (langIsMessageLanguage.has(command.name) && typeof lang === 'string' && typeof messageLang === 'string')
    if (lang !== messageLang)
      throw new UsageError(cli.t('cli:langConflict', { lang, messageLang, command: command.name }));
  if (langIsMessageLanguage.has(command.name))
    merged['message-lang'] = values.lang ?? values['message-lang'] ?? merged['message-lang'];
  const format = typeof merged.format === 'string' ? merged.format : 'text';
  if (command.formats.length && !command.formats.includes(format)) {
    throw new UsageError(cli.t('cli:badFormat', { format, formats: joinList(command.formats, cli, 'or') }));
  }
  return {
    command: command.name,
    out: typeof merged.out === 'string' ? merged.out : defaultOut(config, cwd),
    format,
    paths,
    values: merged,
    config,
    fromConfig,
    ...(config.acknowledged ? { acknowledged: config.acknowledged } : {}),
    ...(typeof merged.lang === 'string' ? { lang: merged.lang } : {}),
  };
}
