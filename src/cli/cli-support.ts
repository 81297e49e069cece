import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatJson, formatText } from '../diagnostics/format-diagnostics.js';
import { isLanguage, messagesFor, type Language } from '../i18n/messages.js';
import { findPolicies } from '../build/find-policies.js';

/** Where a command writes, and relative to what it resolves paths: injectable for tests. */
export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

/** A mistake in how the command was called: exit code 2 with usage hint. */
export class UsageError extends Error {}

/** Options shared by every command; commands read the ones they need. */
export interface CommonOptions {
  out: string;
  lang?: string;
  format: string;
  paths: string[];
  /** Every option given, by name, for command-specific flags. */
  values: Record<string, string | boolean | undefined>;
}

/** A subcommand: `policyc <name> …`. */
export interface Command {
  name: string;
  /** Output formats the command accepts for --format. */
  formats: readonly string[];
  run(options: CommonOptions, io: CliIo): Promise<number>;
}

/** English CLI messages (locales/en/cli.json). */
export const cli = messagesFor('en');

export function parseLanguages(list: string): Language[] {
  const langs = list.split(',').map((l) => l.trim()).filter(Boolean);
  for (const lang of langs) if (!isLanguage(lang)) throw new UsageError(cli.t('cli:badLanguage', { lang }));
  return [...new Set(langs)] as Language[];
}

export function relativeTo(io: CliIo, target: string): string {
  return path.relative(io.cwd, target) || '.';
}

/** The policy files named on the command line (default: policies/), or a usage error for a path with none. */
export function policyFiles(options: CommonOptions, io: CliIo): string[] {
  const paths = (options.paths.length ? options.paths : ['policies']).map((p) => path.resolve(io.cwd, p));
  const { files, missing } = findPolicies(paths);
  if (missing.length) throw new UsageError(cli.t('cli:noPolicies', { paths: missing.map((p) => relativeTo(io, p)).join(', ') }));
  return files;
}

export function readPolicy(file: string, io: CliIo, messageLanguage: Language): { text?: string; diagnostics: Diagnostic[] } {
  try {
    return { text: readFileSync(file, 'utf8'), diagnostics: [] };
  } catch (error) {
    return {
      diagnostics: [{
        ruleId: 'file/unreadable', severity: 'error', pointer: '', file: relativeTo(io, file),
        message: messagesFor(messageLanguage).t('diagnostics:file.unreadable', { detail: (error as Error).message }),
      }],
    };
  }
}

/** Diagnostics to stderr as text, or to stdout as JSON with --format json. */
export function reportDiagnostics(diagnostics: readonly Diagnostic[], options: CommonOptions, io: CliIo): void {
  if (options.format === 'json') io.stdout(formatJson(diagnostics) + '\n');
  else if (diagnostics.length) io.stderr(formatText(diagnostics, io.cwd) + '\n');
}
