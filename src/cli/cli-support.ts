import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ExternalAcknowledgement } from '../check/acknowledge.js';
import {
  compareDiagnostics,
  countBySeverity,
  unacknowledged,
  type Diagnostic,
  type Severity,
} from '../diagnostics/diagnostic.js';
import { localiseDiagnostics } from '../diagnostics/render-message.js';
import { cli, joinMessages, withDidYouMean } from './cli-messages.js';
import { diagnosticSink, type DiagnosticSink, type SinkSettings } from './diagnostic-sink.js';
import { isLanguage, joinList, languages, messagesFor, type Language } from '../i18n/messages.js';
import { didYouMean } from '../validate/did-you-mean.js';
import { findPolicies, misnamedPolicy, policyBeside, skippedFolderDiagnostics } from '../pipeline/find-policies.js';
import { readPolicyFile } from '../load/read-policy-file.js';
import { baseRefusal, namedBases, projectRoot, type NamedBase } from './named-bases.js';
import { packageRoot, shownPath } from '../paths.js';
import type { PolicycConfig } from '../config/policyc-config.js';

/** Where a command writes, and relative to what it resolves paths: injectable for tests. */
export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour in the text report: stderr is a terminal and NO_COLOR is unset. */
  color?: boolean;
  /** GITHUB_WORKSPACE, the repository's folder in GitHub Actions: --format github gives paths from it. */
  githubWorkspace?: string;
  /** Asks the user a question and returns the answer: only when a terminal is attached (init asks nothing otherwise). */
  prompt?: (question: string) => Promise<string>;
}

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;
/** build and register: policyc may not write into an output folder (foreign or edited files, permissions, …): sysexits' EX_CANTCREAT. */
export const EXIT_CANTCREAT = 73;
/** build and register: another build holds the output folder's lock; try again later: sysexits' EX_TEMPFAIL. */
export const EXIT_BUSY = 75;
/** Stopped with Ctrl+C: 128 + SIGINT, as a shell reports it. */
export const EXIT_INTERRUPTED = 130;

/** A mistake in how the command was called: exit code 2 with usage hint. */
export class UsageError extends Error {}

/** A question on the terminal got no answer: the user pressed Ctrl+C (`interrupted`) or ended the input (Ctrl+D). */
export class InputEnded extends Error {
  constructor(readonly interrupted: boolean) {
    super(interrupted ? 'stopped with Ctrl+C' : 'the input ended');
  }
}

/** Options shared by every command; commands read the ones they need. */
export interface CommonOptions {
  /** The command that was run (build, check, …), for messages that give a command to run instead. */
  command: string;
  out: string;
  lang?: string;
  format: string;
  paths: string[];
  /**
   * Acknowledged findings from the config file's "acknowledged" list (each
   * with the id of the policy it is for); the config loader fills it.
   */
  acknowledged?: readonly ExternalAcknowledgement[];
  /** Every option given (on the command line, else from the config file), by name, for command-specific flags. */
  values: Record<string, string | boolean | undefined>;
  /** policyc.config.json, when there is one: rule severities and acknowledged findings. */
  config: PolicycConfig;
  /** The flags whose value came from the config file (not given on the command line), for messages that name the setting. */
  fromConfig?: readonly string[];
}

/** A flag: its type, as node:util parseArgs takes it. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
}

/**
 * A subcommand: `policyc <name> …`. Its help is `cli:help.<name>` in locales/en/cli.json, a line for each paragraph
 * or option, which help-text.ts wraps to 80 columns. What parsing the arguments needs is here, for every command; what runs it is loaded only for the command given.
 */
export interface Command {
  name: string;
  /** Output formats the command accepts for --format (empty: no --format). */
  formats: readonly string[];
  /** The flags this command accepts, besides --help, --config and --message-lang. */
  flags: Readonly<Record<string, FlagSpec>>;
  /** The module that runs it (in the bundled CLI, a file of its own: scripts/bundle-cli.mjs). */
  load(): Promise<CommandModule>;
}

/** A command's implementation: one module in src/cli/commands/. */
export interface CommandModule {
  run(options: CommonOptions, io: CliIo): Promise<number>;
}

export { cli, joinMessages, withDidYouMean } from './cli-messages.js';

export function parseLanguages(list: string): Language[] {
  const langs = list
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  for (const lang of langs) if (!isLanguage(lang)) throw new UsageError(badLanguage(lang));
  return [...new Set(langs)] as Language[];
}

/** An unknown language, with the one meant when it is one in other letters (NL) or a near spelling (review webdev10). */
function badLanguage(lang: string): string {
  const lower = lang.toLowerCase();
  const guess = isLanguage(lower) ? lower : didYouMean(lower, languages);
  return withDidYouMean(cli.t('cli:badLanguage', { lang }), guess);
}

/**
 * A path as messages show it (shownPath): as the user gave it (`given`, when it names `target`), else relative to
 * the working folder inside it and absolute outside it — never ../../x.
 */
export function relativeTo(io: CliIo, target: string, given?: string): string {
  return shownPath(io.cwd, target, given);
}

/**
 * Why named paths gave no policy: a path that does not exist, or a folder without one (with how to start one).
 * Nothing named (policies/ by default): the one message that says how to start.
 */
function noPolicyMessages(missing: readonly string[], key: string, io: CliIo, given: readonly string[]): string[] {
  const asGiven = (p: string): string | undefined => given.find((g) => path.resolve(io.cwd, g) === p);
  const shown = (paths: readonly string[]): string =>
    joinList(
      paths.map((p) => relativeTo(io, p, asGiven(p))),
      cli,
    );
  if (key === 'cli:noPoliciesDefault') return [cli.t(key, { paths: shown(missing) })];
  const absent = missing.filter((p) => !existsSync(p));
  const empty = missing.filter((p) => existsSync(p));
  return [
    ...(absent.length ? [cli.t('cli:noSuchPath', { paths: shown(absent), count: absent.length })] : []),
    ...(empty.length ? [cli.t('cli:noPoliciesIn', { paths: shown(empty) })] : []),
  ];
}

/** Messages about a path of the config file's "policies", at its position there; the default policies/ as they are. */
function fromConfig(
  missing: string,
  messages: string[],
  paths: readonly string[],
  config: PolicycConfig,
  io: CliIo,
): string[] {
  const at = config.policiesAt?.[paths.indexOf(missing)];
  if (!at || !config.file) return messages;
  const file = relativeTo(io, config.file);
  return messages.map((detail) => cli.t('cli:configPolicies', { file, line: at.line, column: at.column, detail }));
}

/** The language of messages: --message-lang (check and diff also take --lang), else the config file's, else English. */
export function messageLanguage(options: CommonOptions): Language {
  const given = options.values['message-lang'];
  return typeof given === 'string' ? (parseLanguages(given)[0] ?? 'en') : 'en';
}

/** The policy files named on the command line (default: policies/), or a usage error for a path with none. */
export function policyFiles(options: CommonOptions, io: CliIo): string[] {
  return findPolicyFiles(options, io).files;
}

/**
 * policyFiles, with a warning for each sub-folder skipped that looks meant to
 * hold a policy (a file named almost policy.json, or policies one level
 * further down): check and build report them with the policies' diagnostics.
 * A chain's base named (named-bases.ts) is returned apart in `bases` when the
 * caller `acceptBases` (check), and is a usage error for the others.
 */
export function findPolicyFiles(options: CommonOptions, io: CliIo, acceptBases = false): FoundPolicies {
  // A chain's base named is checked as a base, and compiled only in the policies that extend it.
  const { bases, paths: named } = options.paths.length ? namedBases(options, io) : { bases: [], paths: [] };
  if (bases.length && !acceptBases) throw new UsageError(baseRefusal(bases, options, io));
  if (bases.length && !named.length) return { files: [], skipped: [], roots: [], skippedFolders: [], bases };
  const paths = (named.length ? named : (options.config.policies ?? ['policies'])).map((p) => path.resolve(io.cwd, p));
  // The paths as typed on the command line (the config file's are resolved from its folder when read).
  const given = named;
  const { files, missing, skipped } = findPolicies(paths);
  // Nothing named and nothing configured: say how to start, not only where nothing was found.
  const key = named.length || options.config.policies ? 'cli:noPolicies' : 'cli:noPoliciesDefault';
  if (missing.length) {
    // policies/x holding Policy.json: say which file was most likely meant.
    const under = skipped.filter((s) => missing.includes(path.dirname(s.folder)));
    const misnamed = [...missing.flatMap((p) => misnamedPolicy(p) ?? []), ...under.flatMap((s) => s.misnamed ?? [])];
    const hints = misnamed.map((file) => cli.t('cli:misnamedPolicy', { file: relativeTo(io, file) }));
    for (const file of missing.flatMap((p) => policyBeside(p) ?? []))
      hints.push(
        cli.t('cli:policyBeside', {
          file: relativeTo(io, file),
          folder: relativeTo(io, path.dirname(file)),
          command: options.command,
        }),
      );
    // policies/group/<id>/policy.json: a folder of folders of policies, one level deeper than policyc looks.
    for (const { folder, nested } of under)
      if (nested)
        hints.push(cli.t('cli:nestedPolicies', { folder: relativeTo(io, folder), example: relativeTo(io, nested) }));
    const elsewhere = key === 'cli:noPoliciesDefault' ? policiesElsewhere(options, io) : undefined;
    const messages = elsewhere
      ? [elsewhere]
      : named.length
        ? noPolicyMessages(missing, key, io, given)
        : missing.flatMap((p) => fromConfig(p, noPolicyMessages([p], key, io, given), paths, options.config, io));
    throw new UsageError(joinMessages([...messages, ...hints]));
  }
  return {
    files,
    skipped: skippedFolderDiagnostics(skipped, (file) => diagnosticPath(io, file)),
    roots: paths,
    skippedFolders: skipped.map((s) => s.folder),
    bases,
  };
}

/**
 * Run without paths where there is no policies/: when the working folder holds policies itself (cd policies), or a
 * folder above it is the project's root (projectRoot), where they are and the command that finds them.
 */
function policiesElsewhere(options: CommonOptions, io: CliIo): string | undefined {
  const root = projectRoot(options, io);
  // Policies in sub-folders (cd policies), not a policy.json here (cd policies/x: policyBeside says so).
  const here = findPolicies([io.cwd]).files.find((file) => path.dirname(file) !== io.cwd);
  const shownRoot = relativeTo(io, root);
  if (here)
    return root === io.cwd
      ? cli.t('cli:policiesHere', { example: relativeTo(io, here), command: options.command })
      : cli.t('cli:policiesHereInProject', {
          example: relativeTo(io, here),
          root: shownRoot,
          command: options.command,
        });
  return root === io.cwd ? undefined : cli.t('cli:policiesInProject', { root: shownRoot });
}

/** The policy files found, the warnings for skipped folders, and what was searched (absolute paths). */
export interface FoundPolicies {
  files: string[];
  skipped: Diagnostic[];
  /** The paths named, configured or the default policies/: the inputs of the build. */
  roots: string[];
  /** The sub-folders skipped with a warning (misnamed policy file, policies one level down). */
  skippedFolders: string[];
  /** The chain's bases named (only when the caller accepts them: check). */
  bases: NamedBase[];
}

/**
 * A file as diagnostics name it (their `file`): relative to the working folder, as check and build give it and the
 * reporters show it. Paths in the CLI's own messages are shown with relativeTo.
 */
export function diagnosticPath(io: CliIo, file: string): string {
  return path.relative(io.cwd, file);
}

/** A policy file's text, or the diagnostics that say why there is none (naming it with diagnosticPath). */
export function readPolicy(file: string, io: CliIo): { text?: string; diagnostics: Diagnostic[] } {
  return readPolicyFile(file, diagnosticPath(io, file));
}

let packageFields: { name: string; version: string; homepage?: string } | undefined;

/** The CLI's name, version and homepage, from package.json: read once per process (the build asks for the version once per policy). */
function packageJson(): { name: string; version: string; homepage?: string } {
  packageFields ??= JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    homepage?: string;
  };
  return packageFields;
}

/** The package's name, as installed under node_modules. */
export function packageName(): string {
  return packageJson().name;
}

/** The CLI's version, from package.json. */
export function packageVersion(): string {
  return packageJson().version;
}

/**
 * Diagnostics, their messages written in `messageLanguage` (the reporter
 * is where a diagnostic's language is chosen), to stderr as the human report (grouped per file) or, with
 * --format compact, one `file:line:column severity pointer message [rule]`
 * line each (for editors and CI problem matchers); to stdout as JSON or
 * SARIF 2.1.0 with --format json|sarif.
 */
export function reportDiagnostics(
  diagnostics: readonly Diagnostic[],
  options: CommonOptions,
  io: CliIo,
  messageLanguage: Language = 'en',
  fold?: SinkSettings['fold'],
): void {
  const sink = diagnosticSinkFor(options, io, messageLanguage, fold);
  sink.files(localiseDiagnostics([...diagnostics].sort(compareDiagnostics), messageLanguage));
  sink.end();
}

/** The sink for --format, writing to `io` in `messageLanguage` (see diagnostic-sink.ts). */
export function diagnosticSinkFor(
  options: CommonOptions,
  io: CliIo,
  messageLanguage: Language,
  fold?: SinkSettings['fold'],
): DiagnosticSink {
  return diagnosticSink({
    ...(fold ? { fold } : {}),
    format: options.format,
    cwd: io.cwd,
    stdout: io.stdout,
    stderr: io.stderr,
    ...(io.color !== undefined ? { color: io.color } : {}),
    ...(io.githubWorkspace ? { githubWorkspace: io.githubWorkspace } : {}),
    lang: messageLanguage,
    tool: packageJson,
  });
}

/** How many policies a run read, and how many of them stopped before the compliance rules ran. */
export interface PolicyCount {
  policies: number;
  /** A chain's bases checked as bases (check), counted apart from the policies. */
  bases?: number;
  unchecked: number;
}

/**
 * The lines check and build end with (text format): the findings by severity,
 * acknowledged ones left out of the counts and counted on a line of their own,
 * and, when errors stopped policies before their compliance rules, that more findings may follow.
 */
export function reportCounts(
  diagnostics: readonly Diagnostic[],
  count: PolicyCount,
  options: CommonOptions,
  io: CliIo,
): void {
  const counting = unacknowledged(diagnostics);
  printCounts(countBySeverity(counting), diagnostics.length - counting.length, count, options, io);
}

/** reportCounts from counts: unacknowledged diagnostics by severity, and how many were acknowledged. */
export function printCounts(
  counts: Readonly<Record<Severity, number>>,
  acknowledged: number,
  { policies, bases = 0, unchecked }: PolicyCount,
  options: CommonOptions,
  io: CliIo,
): void {
  if (options.format !== 'text') return;
  // A report's closing lines are in the message language (locales/<lang>/report.json).
  const report = messagesFor(messageLanguage(options));
  const key = bases === 0 ? 'report:checked' : policies === 0 ? 'report:checkedBases' : 'report:checkedWithBases';
  io.stderr(
    report.t(key, {
      count: policies,
      bases,
      errors: counts.error,
      warnings: counts.warning,
      infos: counts.info,
    }) + '\n',
  );
  if (acknowledged > 0) io.stderr(report.t('report:acknowledged', { count: acknowledged }) + '\n');
  // Errors in the file's form stop a policy before its compliance rules: the count is not all there is to fix.
  if (unchecked > 0)
    io.stderr(
      report.t(unchecked === policies ? 'report:notChecked' : 'report:notCheckedSome', { count: unchecked }) + '\n',
    );
}

/** --max-warnings N: a non-negative whole number, or undefined when not given. */
export function maxWarnings(options: CommonOptions): number | undefined {
  const value = options.values['max-warnings'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value))
    throw new UsageError(cli.t('cli:badMaxWarnings', { value: String(value) }));
  return Number(value);
}
